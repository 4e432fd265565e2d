import { z } from 'zod';
import type { QuotaLimits } from '../db/schema/index.js';

/** Quota limits as the HTTP API spells them (snake_case, like the rest of the API). */
export interface ApiQuotaLimits {
  rpm?: number | null;
  tpm?: number | null;
  tpd?: number | null;
  monthly_budget_mad?: number | null;
}

export function limitsToApi(l: QuotaLimits): ApiQuotaLimits {
  return {
    rpm: l.rpm ?? null,
    tpm: l.tpm ?? null,
    tpd: l.tpd ?? null,
    monthly_budget_mad: l.monthlyBudgetMad ?? null,
  };
}

/** Accepts both `monthly_budget_mad` (API) and `monthlyBudgetMad` (config) spellings. */
export function limitsFromApi(l: Record<string, unknown> | undefined): QuotaLimits | undefined {
  if (!l) return undefined;
  const out: QuotaLimits = {};
  for (const k of ['rpm', 'tpm', 'tpd'] as const) if (k in l) out[k] = (l[k] as number | null) ?? null;
  const budget = 'monthly_budget_mad' in l ? l.monthly_budget_mad : l.monthlyBudgetMad;
  if (budget !== undefined) out.monthlyBudgetMad = (budget as number | null) ?? null;
  return out;
}

const limit = z.number().int().positive().nullable().optional();
export const apiLimitsSchema = z
  .object({
    rpm: limit,
    tpm: limit,
    tpd: limit,
    monthly_budget_mad: z.number().positive().nullable().optional(),
  })
  .strict();

/** Accepts "2026-01-31" or a full ISO timestamp; undefined when absent. */
export const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date or timestamp')
  .transform((s) => new Date(s));
