import { and, desc, eq, gte, like, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/principal.js';
import { auditEntries, privacyMappings } from '../db/schema/index.js';
import { parseOrThrow } from '../errors.js';
import { isoDate } from './serialize.js';

const query = z.object({ from: isoDate.optional(), org_id: z.string().max(100).optional() });

/**
 * GET /admin/v1/console/privacy: what the console's privacy page shows, aggregated in SQL so it stays
 * cheap on a large log. Counts only, never values: identifiers detected and pseudonymised, by type
 * (from the sealed mappings' type counts); pseudonymised transfers by destination country and the
 * data-subject requests (from the audit chain). Org-admins see their organisation only.
 */
export const adminConsoleRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  ctx.openapi.add({
    tags: [{ name: 'console', description: 'Aggregates for the administration console' }],
    paths: {
      '/admin/v1/console/privacy': {
        get: {
          tags: ['console'],
          summary:
            'Privacy aggregates: identifiers detected by type, pseudonymised transfers by country, subject requests',
          security: [{ bearer: [] }],
          parameters: [
            {
              name: 'from',
              in: 'query',
              schema: { type: 'string', format: 'date-time' },
              description: 'Default: 90 days ago',
            },
            { name: 'org_id', in: 'query', schema: { type: 'string' }, description: 'Platform admins only' },
          ],
          responses: {
            '200': {
              description: 'Counts only, never values',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      object: { const: 'console.privacy' },
                      from: { type: 'string', format: 'date-time' },
                      detections_by_type: { type: 'object', additionalProperties: { type: 'integer' } },
                      transfers_by_country: { type: 'object', additionalProperties: { type: 'integer' } },
                      subject_requests: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
              },
            },
            '403': { description: 'Member keys are refused' },
          },
        },
      },
    },
  });

  app.get('/admin/v1/console/privacy', async (request) => {
    const p = requireRole(request.principal, 'org-admin');
    const q = parseOrThrow(query, request.query, 'query');
    const from = q.from ?? new Date(Date.now() - 90 * 86_400_000);
    const orgId = p.role === 'admin' ? (q.org_id ?? null) : (p.orgId ?? '');

    const mappingScope: SQL[] = [gte(privacyMappings.createdAt, from)];
    if (orgId !== null) mappingScope.push(eq(privacyMappings.orgId, orgId));
    const detections = await ctx.db.orm
      .select({ type: sql<string>`e.key`, count: sql<string>`sum((e.value)::int)` })
      .from(sql`${privacyMappings}, jsonb_each_text(${privacyMappings.types}) as e`)
      .where(and(...mappingScope))
      .groupBy(sql`e.key`);

    const auditScope: SQL[] = [gte(auditEntries.ts, from)];
    if (orgId !== null) auditScope.push(eq(auditEntries.orgId, orgId));
    await ctx.flushAudit().catch(() => undefined);
    const transfers = await ctx.db.orm
      .select({ country: auditEntries.location, count: sql<string>`count(*)` })
      .from(auditEntries)
      .where(and(...auditScope, eq(auditEntries.decision, 'pseudonymized')))
      .groupBy(auditEntries.location);
    const requests = await ctx.db.orm
      .select({
        seq: auditEntries.seq,
        ts: auditEntries.ts,
        action: auditEntries.action,
        decision: auditEntries.decision,
        status: auditEntries.status,
        org_id: auditEntries.orgId,
      })
      .from(auditEntries)
      .where(and(...auditScope, like(auditEntries.action, 'privacy.subject%')))
      .orderBy(desc(auditEntries.seq))
      .limit(200);

    return {
      object: 'console.privacy',
      from: from.toISOString(),
      org_id: orgId,
      detections_by_type: Object.fromEntries(detections.map((d) => [d.type, Number(d.count)])),
      transfers_by_country: Object.fromEntries(
        transfers.filter((t) => t.country).map((t) => [t.country!, Number(t.count)]),
      ),
      subject_requests: requests.map((r) => ({
        id: String(r.seq),
        type: r.action.replace(/^privacy\.subject_?/, ''),
        status: r.status,
        decision: r.decision,
        org_id: r.org_id,
        created_at: r.ts.toISOString(),
      })),
    };
  });
};
