import { createHash } from 'node:crypto';
import type { QuotaLimits, QuotaSubject } from '@khidma/gateway';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';

const limited = (l: QuotaLimits | null | undefined) =>
  !!l && (l.requestsPerMinute != null || l.tokensPerMinute != null || l.tokensPerDay != null);
const hasLimits = (s: QuotaSubject) => limited(s.key) || limited(s.org);

/**
 * Rate limit for the citizen endpoints, which accept anonymous calls: a key is limited by its own quota;
 * an anonymous caller by KHIDMA_PUBLIC_RPM requests per minute (default 60, 0 = off) per client address.
 * The address is hashed before it becomes a limiter key, so no IP is stored in Redis or memory.
 */
export function citizenRateLimit(ctx: AppContext) {
  const rpm = Number(ctx.env.KHIDMA_PUBLIC_RPM ?? 60);
  const salt = ctx.env.KHIDMA_SECRET ?? 'khidma-public';
  return async (request: FastifyRequest): Promise<void> => {
    let subject: QuotaSubject | undefined;
    if (request.principal) subject = ctx.quotaFor(request.principal);
    else if (Number.isFinite(rpm) && rpm > 0) {
      const who = createHash('sha256').update(`${salt}:${request.ip}`).digest('hex').slice(0, 24);
      subject = { keyId: `public:${who}`, key: { requestsPerMinute: rpm } };
    }
    if (!subject || !hasLimits(subject)) return;
    // Charges of answers already sent (settled just after their response, ADR 0062) count first.
    ctx.gateway.accounting.settleDeferred();
    const d = await ctx.limiter.check(subject, { tokens: 0 });
    if (!d.allowed) {
      throw new ApiError(429, 'Too many requests: please wait a moment before asking again.', {
        type: 'rate_limit_error',
        code: 'rate_limit_exceeded',
        headers: d.headers,
      });
    }
  };
}
