import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { ApiError, forbidden, parseOrThrow } from '../errors.js';
import { type UsageGroup, type UsageQuery, usageToCsv } from '../stores/usage.js';
import { isoDate } from './serialize.js';

const GROUPS = ['day', 'month', 'model', 'provider', 'org', 'key'] as const;

export const usageQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  group_by: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const parts = (s ?? 'day')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      for (const p of parts) {
        if (!(GROUPS as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `unknown group "${p}"; use ${GROUPS.join(', ')}` });
          return z.NEVER;
        }
      }
      return [...new Set(parts)] as UsageGroup[];
    }),
  org_id: z.string().optional(),
  key_id: z.string().optional(),
  model: z.string().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export function startOfMonthUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Narrows a usage query to what the caller may see: a member its own key, an org-admin its
 * organisation, a platform admin everything. Asking for another organisation or key is refused (403).
 */
export async function scopeUsageQuery(
  ctx: AppContext,
  p: Principal,
  q: z.output<typeof usageQuerySchema>,
): Promise<UsageQuery> {
  let orgId: string | undefined;
  let keyId: string | undefined;
  if (q.org_id) orgId = (await ctx.orgs.get(q.org_id))?.id ?? q.org_id;
  if (q.key_id) keyId = (await ctx.auth.getKey(q.key_id))?.id ?? q.key_id;
  if (p.role !== 'admin') {
    if (orgId && orgId !== p.orgId)
      throw forbidden('This key cannot read another organisation’s usage.', 'cross_org_forbidden');
    orgId = p.orgId;
    if (p.role === 'member') {
      if (keyId && keyId !== p.keyId)
        throw forbidden('A member key can only read its own usage.', 'cross_key_forbidden');
      keyId = p.keyId;
    } else if (keyId) {
      const key = await ctx.auth.getKey(keyId);
      if (!key || key.orgId !== p.orgId)
        throw forbidden('This key cannot read another organisation’s usage.', 'cross_org_forbidden');
    }
  }
  const to = q.to ?? new Date();
  const from = q.from ?? startOfMonthUtc(to);
  if (from.getTime() >= to.getTime())
    throw new ApiError(400, "'from' must be before 'to'.", { param: 'from', code: 'invalid_value' });
  return { from, to, orgId, keyId, model: q.model, groupBy: q.group_by };
}

async function handleUsage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const q = parseOrThrow(usageQuerySchema, request.query, 'query');
  const scoped = await scopeUsageQuery(ctx, request.principal!, q);
  const data = await ctx.usageStore.aggregate(scoped);
  if (q.format === 'csv') {
    const name = `khidma-usage-${scoped.from!.toISOString().slice(0, 10)}_${scoped.to!.toISOString().slice(0, 10)}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(usageToCsv(data, scoped.groupBy ?? []));
  }
  const totals = data.reduce(
    (t, b) => {
      t.requests += b.requests;
      t.errors += b.errors;
      t.prompt_tokens += b.prompt_tokens;
      t.completion_tokens += b.completion_tokens;
      t.total_tokens += b.total_tokens;
      t.cost_mad = Math.round((t.cost_mad + b.cost_mad) * 1e6) / 1e6;
      return t;
    },
    { requests: 0, errors: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost_mad: 0 },
  );
  return {
    object: 'usage',
    from: scoped.from!.toISOString(),
    to: scoped.to!.toISOString(),
    group_by: scoped.groupBy,
    org_id: scoped.orgId ?? null,
    key_id: scoped.keyId ?? null,
    currency: 'MAD',
    data,
    totals,
  };
}

/** GET /v1/usage (any key: own usage) and GET /admin/v1/usage (same, for the console). */
export const usageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/v1/usage', (request, reply) => handleUsage(app.khidma, request, reply));
  app.get('/admin/v1/usage', (request, reply) => handleUsage(app.khidma, request, reply));
};
