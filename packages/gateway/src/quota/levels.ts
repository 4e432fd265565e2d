import type { LimitName, QuotaLimits, QuotaSubject } from './types.js';
import { toMicroMad } from './windows.js';

export const LIMIT_ORDER: LimitName[] = [
  'requests_per_minute',
  'tokens_per_minute',
  'tokens_per_day',
  'monthly_budget_mad',
];

export interface Level {
  scope: 'key' | 'org';
  id: string;
  /** In LIMIT_ORDER; -1 = unlimited; budget in micro-MAD. */
  limits: [number, number, number, number];
}

const lim = (v: number | null | undefined) => (v === null || v === undefined ? -1 : v);

function level(
  scope: 'key' | 'org',
  id: string | null | undefined,
  l: QuotaLimits | null | undefined,
): Level | null {
  if (!id || !l) return null;
  const limits: Level['limits'] = [
    lim(l.requestsPerMinute),
    lim(l.tokensPerMinute),
    lim(l.tokensPerDay),
    l.monthlyBudgetMad === null || l.monthlyBudgetMad === undefined ? -1 : toMicroMad(l.monthlyBudgetMad),
  ];
  return limits.every((x) => x < 0) ? null : { scope, id, limits };
}

/** The key level and the organisation level that carry at least one limit. */
export function levelsOf(s: QuotaSubject): Level[] {
  const out: Level[] = [];
  const k = level('key', s.keyId, s.key);
  if (k) out.push(k);
  const o = level('org', s.orgId, s.org);
  if (o) out.push(o);
  return out;
}

/**
 * The admission rule shared by both limiters: deny when the window is already used up, or when this
 * request's estimate would overflow a window that already has usage. A single request larger than an
 * empty window's limit is let through (it could never pass otherwise) and is charged its actual usage.
 */
export function exceeds(used: number, add: number, limit: number, isRequestCount: boolean): boolean {
  if (limit < 0) return false;
  if (used >= limit) return true;
  return used + add > limit && (isRequestCount || used > 0);
}
