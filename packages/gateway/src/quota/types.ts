/** Limits for one subject (a key or an organisation). Absent fields mean "no limit". */
export interface QuotaLimits {
  requestsPerMinute?: number | null;
  tokensPerMinute?: number | null;
  tokensPerDay?: number | null;
  monthlyBudgetMad?: number | null;
}

/** Who is charged: the key and its organisation, each with its own limits. */
export interface QuotaSubject {
  keyId?: string | null;
  orgId?: string | null;
  key?: QuotaLimits | null;
  org?: QuotaLimits | null;
}

export type LimitName = 'requests_per_minute' | 'tokens_per_minute' | 'tokens_per_day' | 'monthly_budget_mad';

export interface QuotaDecision {
  allowed: boolean;
  /** When denied: which limit and at which level. */
  limit?: LimitName;
  scope?: 'key' | 'org';
  /** Seconds until the denying window resets (for Retry-After). */
  retryAfterSeconds?: number;
  /** `x-ratelimit-*` response headers (OpenAI's names), for allowed and denied requests alike. */
  headers: Record<string, string>;
}

export interface QuotaEstimate {
  tokens: number;
  costMad?: number;
}

export interface QuotaCharge {
  tokens: number;
  costMad: number;
}

export interface RestoredUsage {
  tokensToday: number;
  costMadThisMonth: number;
}

export interface RateLimiter {
  /** Counts one request and checks token and budget limits against the estimate. */
  check(subject: QuotaSubject, estimate: QuotaEstimate, now?: number): Promise<QuotaDecision>;
  /** Charges actual usage after the response (tokens per minute/day, budget). */
  charge(subject: QuotaSubject, actual: QuotaCharge, now?: number): Promise<void>;
  /**
   * Adds usage recorded before this process started (today's tokens, this month's spend) for a key or
   * an organisation, leaving the per-minute windows alone. Only limiters that forget on restart need it.
   */
  restore?(
    subject: { keyId?: string | null; orgId?: string | null },
    used: RestoredUsage,
    now?: number,
  ): void;
  close?(): Promise<void>;
}

export const hasLimits = (s: QuotaSubject | undefined | null): boolean =>
  !!s && (anyLimit(s.key) || anyLimit(s.org));

const anyLimit = (l: QuotaLimits | null | undefined) =>
  !!l &&
  (l.requestsPerMinute != null ||
    l.tokensPerMinute != null ||
    l.tokensPerDay != null ||
    l.monthlyBudgetMad != null);
