import type { QuotaSubject } from '@khidma/gateway';
import type { Principal } from './auth/principal.js';
import type { KhidmaConfig } from './config/schema.js';
import type { QuotaLimits } from './db/schema/index.js';

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
