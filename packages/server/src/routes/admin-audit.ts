import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/principal.js';
import { forbidden, parseOrThrow } from '../errors.js';
import { isoDate } from './serialize.js';

const auditQuery = z.object({
  org_id: z.string().optional(),
  key_id: z.string().optional(),
  model: z.string().optional(),
  provider: z.string().optional(),
  location: z.string().optional(),
  decision: z.string().optional(),
  request_id: z.string().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** /admin/v1/audit: the hash-chained log (no prompt text in it) and its verification. */
export const adminAuditRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;

  app.get('/admin/v1/audit', async (request) => {
    const p = requireRole(request.principal, 'org-admin');
    const q = parseOrThrow(auditQuery, request.query, 'query');
    let orgId = q.org_id ? ((await ctx.orgs.get(q.org_id))?.id ?? q.org_id) : undefined;
    if (p.role !== 'admin') {
      if (orgId && orgId !== p.orgId)
        throw forbidden('This key cannot read another organisation’s audit log.', 'cross_org_forbidden');
      orgId = p.orgId;
    }
    const entries = await ctx.auditStore.list({
      orgId,
      keyId: q.key_id,
      model: q.model,
      provider: q.provider,
      location: q.location,
      decision: q.decision,
      requestId: q.request_id,
      from: q.from,
      to: q.to,
      afterSeq: q.after,
      limit: q.limit,
      order: q.order,
    });
    const last = entries[entries.length - 1];
    return {
      object: 'list',
      data: entries,
      has_more: entries.length === q.limit,
      next_after: entries.length === q.limit && last ? last.seq : null,
    };
  });

  app.get('/admin/v1/audit/verify', async (request) => {
    requireRole(request.principal, 'admin');
    await ctx.flushAudit();
    const report = await ctx.verifyAudit();
    return { object: 'audit.verification', ...report };
  });
};
