/**
 * Knowledge base HTTP API (owner: knowledge).
 *
 * Public (API key optional, for the citizen UI):
 *   GET /v1/kb/search?q=…&audience=&administration=&category=&lang=&limit=
 *     → { object: 'list', query, confidence, facets: string[], concepts: string[],
 *         data: [{ id, kind: 'procedure'|'chunk', title: {fr, ar, zgh?, en?}, score, source_url,
 *                  administration, category, audience,
 *                  passages: [{ field, lang, text, highlights: [[start,end]…], html }] }] }
 *     `html` is the passage with matches wrapped in <mark> (text escaped); `highlights` are UTF-16 offsets.
 *   GET /v1/kb/procedures                → { object: 'list', sample, data: [{ id, title, category, audience, administration }] }
 *   GET /v1/kb/procedures/:id            → the full procedure (see @khidma/knowledge Procedure)
 * Admin (org-admin or admin):
 *   GET    /admin/v1/kb/export           → { meta, procedures } (the catalog, importable again)
 *   PUT    /admin/v1/kb/procedures/:id   → upsert one procedure (validated) → { outcome, id }
 *   DELETE /admin/v1/kb/procedures/:id
 *   GET    /admin/v1/kb/procedures/:id/versions
 *   GET    /admin/v1/kb/imports          → recent import runs with their rejected rows
 */
import {
  AUDIENCES,
  CATEGORIES,
  formatIssues,
  highlightHtml,
  type SearchHit,
  validateProcedure,
} from '@khidma/knowledge';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/principal.js';
import { ApiError, notFound, parseOrThrow } from '../errors.js';
import { citizenRateLimit } from '../knowledge/limits.js';
import { registerKnowledgeOpenApi } from '../knowledge/openapi.js';
import { knowledgeService } from '../knowledge/service.js';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(2000),
  audience: z.enum(AUDIENCES).optional(),
  category: z.enum(CATEGORIES).optional(),
  administration: z.string().max(100).optional(),
  lang: z.enum(['fr', 'ar', 'en', 'zgh']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

function hitToApi(h: SearchHit) {
  return {
    id: h.id,
    kind: h.kind,
    title: h.title,
    score: Math.round(h.score * 1000) / 1000,
    source_url: h.sourceUrl ?? null,
    administration: h.procedure?.administration.id ?? null,
    category: h.procedure?.category ?? null,
    audience: h.procedure?.audience ?? [],
    passages: h.passages.map((p) => ({ ...p, html: highlightHtml(p) })),
  };
}

export const kbRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  // Loads the index from the database (and seeds the sample catalog on first start) before serving.
  const svc = await knowledgeService(ctx);
  const rateLimit = citizenRateLimit(ctx);
  registerKnowledgeOpenApi(ctx.openapi);

  app.get('/v1/kb/search', { config: { auth: 'optional' }, preHandler: rateLimit }, async (request) => {
    const q = parseOrThrow(searchQuery, request.query, 'query');
    const res = await svc.kb.search(q.q, {
      limit: q.limit,
      ...(q.audience ? { audience: q.audience } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.administration ? { administration: q.administration } : {}),
      ...(q.lang ? { preferLang: q.lang } : {}),
    });
    return {
      object: 'list',
      query: q.q,
      confidence: Math.round(res.confidence * 1000) / 1000,
      facets: res.facets,
      concepts: res.concepts.filter((c) => !c.startsWith('kw:')),
      data: res.hits.map(hitToApi),
    };
  });

  app.get('/v1/kb/procedures', { config: { auth: 'optional' } }, async () => {
    const cat = svc.kb.exportCatalog();
    return {
      object: 'list',
      sample: cat.procedures.some((p) => p.sample),
      data: cat.procedures.map((p) => ({
        id: p.id,
        title: p.title,
        category: p.category,
        audience: p.audience,
        administration: p.administration.id,
        source_url: p.sourceUrl,
      })),
    };
  });

  app.get<{ Params: { id: string } }>(
    '/v1/kb/procedures/:id',
    { config: { auth: 'optional' } },
    async (request) => {
      const p = svc.kb.index.getProcedure(request.params.id);
      if (!p) throw notFound(`No procedure "${request.params.id}".`, 'procedure_not_found', 'id');
      return { object: 'procedure', ...p };
    },
  );

  app.get('/admin/v1/kb/export', async (request) => {
    requireRole(request.principal, 'org-admin', 'member');
    return svc.kb.exportCatalog();
  });

  app.put<{ Params: { id: string } }>('/admin/v1/kb/procedures/:id', async (request) => {
    requireRole(request.principal, 'org-admin');
    const body = { ...(request.body as object), id: request.params.id };
    const v = validateProcedure(body);
    if (!v.ok)
      throw new ApiError(400, formatIssues(v.issues), {
        code: 'invalid_procedure',
        param: v.issues[0]?.path ?? null,
      });
    const outcome = await svc.kb.upsertProcedure(v.value, `api:${request.principal?.keyId ?? 'admin'}`);
    return { object: 'procedure.upsert', id: v.value.id, outcome };
  });

  app.delete<{ Params: { id: string } }>('/admin/v1/kb/procedures/:id', async (request) => {
    requireRole(request.principal, 'org-admin');
    const deleted = await svc.kb.deleteProcedure(request.params.id);
    if (!deleted) throw notFound(`No procedure "${request.params.id}".`, 'procedure_not_found', 'id');
    return { object: 'procedure.deleted', id: request.params.id, deleted: true };
  });

  app.get<{ Params: { id: string } }>('/admin/v1/kb/procedures/:id/versions', async (request) => {
    requireRole(request.principal, 'org-admin', 'member');
    const rows = await svc.store.procedureVersions(request.params.id);
    return {
      object: 'list',
      data: rows.map((r) => ({
        version: r.version,
        hash: r.hash,
        source: r.source,
        created_at: r.createdAt,
        data: r.data,
      })),
    };
  });

  app.get('/admin/v1/kb/imports', async (request) => {
    requireRole(request.principal, 'org-admin', 'member');
    const rows = await svc.store.listImports();
    return {
      object: 'list',
      data: rows.map((r) => ({
        id: r.id,
        source: r.source,
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        failed: r.failed,
        issues: r.issues,
        created_at: r.createdAt,
      })),
    };
  });
};
