import type { DataClass } from '@khidma/privacy';
import { z } from 'zod';

/**
 * The `privacy` section of khidma.yaml (owned by the privacy package; see docs/adr/0021). Defaults
 * follow Loi 09-08: personal data leaves Morocco only pseudonymised, sensitive data stays in Morocco.
 */
const policyFields = {
  /** Personal data to a provider outside Morocco: pseudonymise it (default), send it as is, or refuse. */
  personalAbroad: z.enum(['pseudonymize', 'allow', 'refuse']),
  /** Sensitive data (art. 21): only providers in Morocco (default), or refuse everywhere. */
  sensitive: z.enum(['ma-only', 'refuse']),
  /** Days after which request logs (usage records) and pseudonym mappings are purged. */
  retentionDays: z.number().int().positive().max(3650),
  /** Lifetime of a pseudonym mapping, after which it cannot be used to restore anything. */
  mappingTtlMinutes: z
    .number()
    .int()
    .positive()
    .max(60 * 24 * 30),
};
export const policySchema = z.object(policyFields).strict();
const partialPolicySchema = z.object(policyFields).partial().strict();

export const registerInfoSchema = z
  .object({
    controller: z.string().default('Organisation operating this Khidma instance'),
    contact: z.string().optional(),
    dpo: z.string().optional(),
    /** CNDP declaration or authorisation reference(s). */
    cndpReference: z.string().optional(),
    purposes: z
      .array(
        z.object({ name: z.string(), legalBasis: z.string().optional(), description: z.string().optional() }),
      )
      .optional(),
  })
  .prefault({});

export const privacyConfigSchema = z
  .object({
    defaults: partialPolicySchema.prefault({}),
    /** Per-organisation overrides, keyed by organisation id or slug. */
    organisations: z.record(z.string(), partialPolicySchema).default({}),
    register: registerInfoSchema,
  })
  .strict()
  .prefault({});

export type PrivacyPolicy = z.output<typeof policySchema>;
export type PrivacyConfig = z.output<typeof privacyConfigSchema>;

export const DEFAULT_POLICY: PrivacyPolicy = {
  personalAbroad: 'pseudonymize',
  sensitive: 'ma-only',
  retentionDays: 90,
  mappingTtlMinutes: 60,
};

export function parsePrivacyConfig(raw: unknown): PrivacyConfig {
  const r = privacyConfigSchema.safeParse(raw ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`invalid privacy configuration at privacy.${issue?.path.join('.')}: ${issue?.message}`);
  }
  return r.data;
}

/** Effective policy of an organisation: its override (by id or slug) over the instance defaults. */
export function policyFor(
  cfg: PrivacyConfig,
  org: { id?: string | null; slug?: string | null } | null,
): PrivacyPolicy {
  const override = (org?.id && cfg.organisations[org.id]) || (org?.slug && cfg.organisations[org.slug]) || {};
  return { ...DEFAULT_POLICY, ...cfg.defaults, ...override };
}

const ALL_CLASSES: DataClass[] = ['public', 'internal', 'personal', 'sensitive'];
const ABROAD_CLASSES: DataClass[] = ['public', 'internal', 'personal'];

/** Classes a provider accepts: as configured, else everything in Morocco and no sensitive data abroad. */
export function providerClasses(p: { location: string; dataClasses?: DataClass[] | null }): DataClass[] {
  if (p.dataClasses && p.dataClasses.length > 0) return p.dataClasses;
  return p.location === 'MA' ? ALL_CLASSES : ABROAD_CLASSES;
}
