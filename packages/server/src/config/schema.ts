import { z } from 'zod';

/** Where a provider processes data; MA = inside Morocco (sovereign). ISO 3166 alpha-2 or EU. */
const location = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected a 2-letter country code such as MA, EU, FR or US')
  .default('MA');

export const dataClassSchema = z.enum(['public', 'internal', 'personal', 'sensitive']);

export const providerSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9][\w.-]{0,63}$/, 'letters, digits, ".", "_" or "-"'),
    type: z.enum(['openai', 'mistral', 'openai-compatible']),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** A literal key or `env:NAME` to read it from the environment at start. */
    apiKey: z.string().min(1).optional(),
    location,
    /** Data classes this provider may receive; defaults depend on location (see privacy policy). */
    dataClasses: z.array(dataClassSchema).optional(),
    timeoutMs: z.number().int().positive().max(600_000).default(60_000),
    weight: z.number().positive().default(1),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const targetSchema = z
  .object({
    provider: z.string().min(1),
    model: z.string().min(1),
    weight: z.number().positive().optional(),
    timeoutMs: z.number().int().positive().max(600_000).optional(),
  })
  .strict();

export const modelSchema = z
  .object({
    id: z.string().regex(/^[\w.:/-]{1,128}$/, 'letters, digits and . _ : / -'),
    type: z.enum(['chat', 'embeddings']).optional(),
    targets: z.array(targetSchema).min(1),
    description: z.string().optional(),
  })
  .strict();

/** Price in Moroccan dirhams per one million tokens. */
export const priceSchema = z
  .object({
    inputPer1M: z.number().nonnegative(),
    outputPer1M: z.number().nonnegative().default(0),
  })
  .strict();

const limit = z.number().int().positive().nullable().optional();
export const quotaLimitsSchema = z
  .object({
    rpm: limit,
    tpm: limit,
    tpd: limit,
    monthlyBudgetMad: z.number().positive().nullable().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    server: z
      .object({
        host: z.string().default('0.0.0.0'),
        port: z.number().int().min(0).max(65_535).optional(),
        bodyLimitBytes: z
          .number()
          .int()
          .positive()
          .default(1024 * 1024),
        trustProxy: z.boolean().default(false),
        /** Time allowed to receive a whole request (not to stream the answer): slow-upload guard. */
        requestTimeoutMs: z.number().int().positive().max(600_000).default(60_000),
        /** Time allowed to receive the request headers (slowloris guard); at most requestTimeoutMs. */
        headersTimeoutMs: z.number().int().positive().max(600_000).default(20_000),
        /** Idle keep-alive; above the usual 60 s of load balancers so they close first. */
        keepAliveTimeoutMs: z.number().int().positive().max(600_000).default(72_000),
        /** A streamed answer whose client reads nothing for this long is ended, freeing the upstream. */
        stalledClientTimeoutMs: z.number().int().positive().max(600_000).default(60_000),
      })
      .strict()
      .prefault({}),
    providers: z.array(providerSchema).default([]),
    models: z.array(modelSchema).default([]),
    /** Keyed by "provider/model" (upstream) or public model id; MAD per 1M tokens. */
    prices: z.record(z.string(), priceSchema).default({}),
    quotas: z
      .object({
        defaults: z
          .object({ key: quotaLimitsSchema.prefault({}), org: quotaLimitsSchema.prefault({}) })
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /** Loi 09-08 policy; the privacy package owns this section's inner shape. */
    privacy: z.record(z.string(), z.unknown()).default({}),
    retention: z
      .object({
        usageDays: z.number().int().positive().default(400),
        auditDays: z.number().int().positive().nullable().default(null),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const ids = new Set<string>();
    cfg.providers.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({
          code: 'custom',
          path: ['providers', i, 'id'],
          message: `duplicate provider id "${p.id}"`,
        });
      ids.add(p.id);
      if (p.type === 'openai-compatible' && !p.baseUrl)
        ctx.addIssue({
          code: 'custom',
          path: ['providers', i, 'baseUrl'],
          message: 'required for openai-compatible providers',
        });
    });
    const models = new Set<string>();
    cfg.models.forEach((m, i) => {
      if (models.has(m.id))
        ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id "${m.id}"` });
      models.add(m.id);
      m.targets.forEach((t, j) => {
        if (!ids.has(t.provider))
          ctx.addIssue({
            code: 'custom',
            path: ['models', i, 'targets', j, 'provider'],
            message: `unknown provider "${t.provider}"`,
          });
      });
    });
  });

export type KhidmaConfigInput = z.input<typeof configSchema>;
export type KhidmaConfig = z.output<typeof configSchema>;
export type ProviderConfig = z.output<typeof providerSchema>;
export type ModelConfig = z.output<typeof modelSchema>;
export type TargetConfig = z.output<typeof targetSchema>;
export type PriceConfig = z.output<typeof priceSchema>;
export type QuotaLimitsConfig = z.output<typeof quotaLimitsSchema>;
