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
 * The in-process limiter starts empty; re-charge this month's spend from the usage table so a restart
 * does not hand every key and organisation a fresh monthly budget. (Redis keeps its own counters.)
 */
export async function seedMonthlyBudgets(
  limiter: RateLimiter,
  usage: UsageStore,
  now = new Date(),
): Promise<number> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const marker = { monthlyBudgetMad: 1 }; // any limit, so the limiter keeps a counter for the subject
  let seeded = 0;
  for (const b of await usage.aggregate({ from: since, to: now, groupBy: ['key'] })) {
    if (!b.key_id || b.cost_mad <= 0) continue;
    await limiter.charge({ keyId: b.key_id, key: marker }, { tokens: 0, costMad: b.cost_mad }, now.getTime());
    seeded++;
  }
  for (const b of await usage.aggregate({ from: since, to: now, groupBy: ['org'] })) {
    if (!b.org_id || b.cost_mad <= 0) continue;
    await limiter.charge({ orgId: b.org_id, org: marker }, { tokens: 0, costMad: b.cost_mad }, now.getTime());
    seeded++;
  }
  return seeded;
}
