import type { LimitName, QuotaDecision } from './types.js';

/** One evaluated limit: its ceiling, what is used, and when its window resets. */
export interface LimitState {
  name: LimitName;
  scope: 'key' | 'org';
  limit: number;
  used: number;
  resetMs: number;
}

const fmtReset = (ms: number) =>
  ms >= 1000 ? `${Math.ceil(ms / 1000)}s` : `${Math.max(0, Math.ceil(ms))}ms`;

/**
 * Builds OpenAI-style `x-ratelimit-*` headers from the tightest request and token limits, plus
 * Khidma's budget headers. The most restrictive limit (least remaining) of each kind is reported.
 */
export function decisionFrom(states: LimitState[], denied: LimitState | undefined): QuotaDecision {
  const headers: Record<string, string> = {};
  const tightest = (pred: (s: LimitState) => boolean) => {
    let best: LimitState | undefined;
    for (const s of states) {
      if (!pred(s)) continue;
      if (!best || s.limit - s.used < best.limit - best.used) best = s;
    }
    return best;
  };
  const req = tightest((s) => s.name === 'requests_per_minute');
  if (req) {
    headers['x-ratelimit-limit-requests'] = String(req.limit);
    headers['x-ratelimit-remaining-requests'] = String(Math.max(0, req.limit - req.used));
    headers['x-ratelimit-reset-requests'] = fmtReset(req.resetMs);
  }
  const tok = tightest((s) => s.name === 'tokens_per_minute' || s.name === 'tokens_per_day');
  if (tok) {
    headers['x-ratelimit-limit-tokens'] = String(tok.limit);
    headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, tok.limit - tok.used));
    headers['x-ratelimit-reset-tokens'] = fmtReset(tok.resetMs);
  }
  const budget = tightest((s) => s.name === 'monthly_budget_mad');
  if (budget) {
    headers['x-ratelimit-limit-budget-mad'] = (budget.limit / 1_000_000).toFixed(2);
    headers['x-ratelimit-remaining-budget-mad'] = (
      Math.max(0, budget.limit - budget.used) / 1_000_000
    ).toFixed(2);
  }
  if (!denied) return { allowed: true, headers };
  const retryAfterSeconds = Math.max(1, Math.ceil(denied.resetMs / 1000));
  headers['retry-after'] = String(retryAfterSeconds);
  return { allowed: false, limit: denied.name, scope: denied.scope, retryAfterSeconds, headers };
}
