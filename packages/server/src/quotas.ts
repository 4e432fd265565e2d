import type { QuotaSubject, RateLimiter } from '@khidma/gateway';
import type { Principal } from './auth/principal.js';
import type { KhidmaConfig } from './config/schema.js';
import type { QuotaLimits } from './db/schema/index.js';
import type { UsageStore } from './stores/usage.js';

type GatewayLimits = NonNullable<QuotaSubject['key']>;

/** Stored limits over configured defaults: a stored null means "explicitly unlimited". */
function merge(stored: QuotaLimits | undefined, defaults: QuotaLimits): GatewayLimits {
  const pick = <K extends keyof QuotaLimits>(k: K) =>
    (stored && k in stored && stored[k] !== undefined ? stored[k] : defaults[k]) ?? null;
  return {
    requestsPerMinute: pick('rpm'),
    tokensPerMinute: pick('tpm'),
    tokensPerDay: pick('tpd'),
    monthlyBudgetMad: pick('monthlyBudgetMad'),
  };
}

const cache = new WeakMap<Principal, QuotaSubject | undefined>();

/**
 * The quota subject the gateway's limiter enforces for a caller: its key's and its organisation's
 * limits (DB) over the configured defaults. The master token is not limited.
 */
export function quotaSubjectFor(
  p: Principal | null | undefined,
  config: KhidmaConfig,
): QuotaSubject | undefined {
  if (p?.kind !== 'key') return undefined;
  if (cache.has(p)) return cache.get(p);
  const d = config.quotas.defaults;
  const subject: QuotaSubject = {
    keyId: p.keyId ?? null,
    orgId: p.orgId ?? null,
    key: merge(p.limits?.key, d.key),
    org: merge(p.limits?.org, d.org),
  };
  cache.set(p, subject);
  return subject;
}

/**
 * The in-process limiter starts empty; restore today's tokens and this month's spend from the usage
 * table so a restart hands no key or organisation a fresh daily token allowance or monthly budget.
 * Per-minute windows start empty, as they would a minute later anyway. (Redis keeps its own counters.)
 * Returns how many keys and organisations were restored.
 */
export async function restoreQuotaUsage(
  limiter: RateLimiter,
  usage: UsageStore,
  now = new Date(),
): Promise<number> {
  if (!limiter.restore) return 0;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  let restored = 0;
  for (const scope of ['key', 'org'] as const) {
    const field = scope === 'key' ? 'key_id' : 'org_id';
    const used = new Map<string, { tokensToday: number; costMadThisMonth: number }>();
    const entry = (id: string) => {
      const u = used.get(id) ?? { tokensToday: 0, costMadThisMonth: 0 };
      used.set(id, u);
      return u;
    };
    for (const b of await usage.aggregate({ from: monthStart, to: now, groupBy: [scope] })) {
      const id = b[field];
      if (id && b.cost_mad > 0) entry(id).costMadThisMonth = b.cost_mad;
    }
    for (const b of await usage.aggregate({ from: dayStart, to: now, groupBy: [scope] })) {
      const id = b[field];
      if (id && b.total_tokens > 0) entry(id).tokensToday = Number(b.total_tokens);
    }
    for (const [id, u] of used) {
      limiter.restore(scope === 'key' ? { keyId: id } : { orgId: id }, u, now.getTime());
      restored++;
    }
  }
  return restored;
}
