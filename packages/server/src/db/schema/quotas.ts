/**
 * Quota limits are stored as JSON on organisations and keys (columns `limits`), so that adding a
 * dimension does not need a migration. Absent or null means "inherit the configured default".
 */
export interface QuotaLimits {
  /** Requests per minute. */
  rpm?: number | null;
  /** Tokens (input + output) per minute. */
  tpm?: number | null;
  /** Tokens (input + output) per UTC day. */
  tpd?: number | null;
  /** Spend ceiling per calendar month (UTC), in Moroccan dirhams. */
  monthlyBudgetMad?: number | null;
}
