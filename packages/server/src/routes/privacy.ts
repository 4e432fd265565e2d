import {
  classifyText,
  createSession,
  detectPii,
  PII_TYPES,
  type PiiType,
  pseudonymize,
  restore,
} from '@khidma/privacy';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Principal, requireRole } from '../auth/principal.js';
import { badRequest, forbidden, notFound, parseOrThrow } from '../errors.js';
import { registerPrivacyOpenApi } from '../privacy/openapi.js';
import { registerToCsv } from '../privacy/register.js';
import { installPrivacy } from '../privacy/service.js';

const MAX_TEXT = 1_000_000;
const text = z.string().max(MAX_TEXT, `at most ${MAX_TEXT} characters`);
const types = z
  .array(z.enum(PII_TYPES as [PiiType, ...PiiType[]]))
  .min(1)
  .optional();

const analyzeBody = z.object({ text, types, min_score: z.number().min(0).max(1).optional() }).strict();
const pseudonymizeBody = z
  .object({
    text,
    types,
    /** Continue an earlier session so the same values keep the same placeholders. */
    session_id: z.string().min(1).max(64).optional(),
    ttl_seconds: z
      .number()
      .int()
      .positive()
      .max(30 * 86_400)
      .optional(),
  })
  .strict();
const restoreBody = z.object({ text, session_id: z.string().min(1).max(64) }).strict();
const subjectBody = z
  .object({
    cin: z.string().trim().min(4).max(16).optional(),
    phone: z.string().trim().min(6).max(24).optional(),
    email: z.string().trim().email().max(254).optional(),
    /** Admins only: restrict to one organisation (default: all). */
    org_id: z.string().optional(),
  })
  .strict()
  .refine((b) => b.cin || b.phone || b.email, { message: 'give at least one of cin, phone, email' });

/**
 * /v1/privacy: analysis and pseudonymisation for client applications, data-subject rights
 * (find, export, erase) and the processing register. Installs the gateway's privacy guard.
 */
export const privacyRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  const privacy = installPrivacy(ctx);
  registerPrivacyOpenApi(ctx.openapi);
  const orgOf = (request: FastifyRequest) => (request.principal as Principal).orgId ?? null;

  app.post('/v1/privacy/analyze', async (request) => {
    const b = parseOrThrow(analyzeBody, request.body);
    const options = { types: b.types, minScore: b.min_score };
    const c = classifyText(b.text, options);
    const entities = detectPii(b.text, options);
    return {
      object: 'privacy.analysis',
      data_class: c.dataClass,
      pii_types: c.pii,
      sensitive_categories: c.sensitiveCategories,
      entities: entities.map((e) => ({
        type: e.type,
        start: e.start,
        end: e.end,
        text: e.text,
        score: e.score,
      })),
    };
  });

  app.post('/v1/privacy/pseudonymize', async (request) => {
    const b = parseOrThrow(pseudonymizeBody, request.body);
    const p = request.principal as Principal;
    const orgId = orgOf(request);
    const policy = await privacy.policyForOrg(orgId);
    let session = b.session_id
      ? await privacy.store.loadSession(b.session_id, p.role === 'admin' ? null : orgId)
      : null;
    if (b.session_id && !session)
      throw notFound(
        `No usable pseudonymisation session "${b.session_id}" (unknown or expired).`,
        'session_not_found',
        'session_id',
      );
    session ??= createSession({ ttlMs: (b.ttl_seconds ?? policy.mappingTtlMinutes * 60) * 1000 });
    const r = pseudonymize(b.text, { session, types: b.types });
    await privacy.store.saveMapping({
      session,
      entities: r.entities,
      orgId,
      keyId: p.keyId ?? null,
      requestId: request.id,
      source: 'api',
    });
    return {
      object: 'privacy.pseudonymization',
      text: r.text,
      session_id: session.id,
      expires_at: new Date(session.expiresAt).toISOString(),
      entities: r.entities.map((e) => ({
        type: e.type,
        placeholder: e.placeholder,
        start: e.start,
        end: e.end,
      })),
    };
  });

  app.post('/v1/privacy/restore', async (request) => {
    const b = parseOrThrow(restoreBody, request.body);
    const p = request.principal as Principal;
    const session = await privacy.store.loadSession(b.session_id, p.role === 'admin' ? null : orgOf(request));
    if (!session)
      throw notFound(
        `No usable pseudonymisation session "${b.session_id}" (unknown or expired).`,
        'session_not_found',
        'session_id',
      );
    return { object: 'privacy.restoration', text: restore(b.text, session) };
  });

  /** Org-admins act on their organisation; admins on all, or on `org_id`. */
  const subjectScope = (request: FastifyRequest, orgIdParam?: string): string | null => {
    const p = requireRole(request.principal, 'org-admin');
    if (p.role === 'admin') return orgIdParam ?? null;
    if (orgIdParam && orgIdParam !== p.orgId)
      throw forbidden('This key cannot access another organisation’s data.', 'cross_org_forbidden');
    if (!p.orgId) throw badRequest('This key has no organisation.');
    return p.orgId;
  };

  /** Data-subject requests are accountable: recorded in the audit chain, never with the identifier. */
  const auditSubject = (
    request: FastifyRequest,
    kind: string,
    decision: string,
    legalBasis: string,
    flags: string[],
  ) => {
    const p = request.principal as Principal;
    ctx.audit.record({
      ts: new Date().toISOString(),
      requestId: request.id,
      actor: { keyId: p.keyId ?? null, orgId: p.orgId ?? null },
      endpoint: `privacy.subject_${kind}`,
      model: 'privacy',
      provider: null,
      destinationCountry: null,
      decision,
      legalBasis,
      dataClass: 'personal',
      status: 'ok',
      flags,
    } as unknown as Parameters<typeof ctx.audit.record>[0]);
  };

  app.post('/v1/privacy/subjects/find', async (request) => {
    const b = parseOrThrow(subjectBody, request.body);
    const records = await privacy.store.find(b, subjectScope(request, b.org_id));
    auditSubject(request, 'find', 'found', 'Loi 09-08 art. 7: right of access', [
      `records:${records.length}`,
    ]);
    return { object: 'list', data: records };
  });

  app.post('/v1/privacy/subjects/export', async (request) => {
    const b = parseOrThrow(subjectBody, request.body);
    const exported = await privacy.store.export(b, subjectScope(request, b.org_id));
    auditSubject(request, 'export', 'exported', 'Loi 09-08 art. 7: right of access', [
      `records:${exported.records.length}`,
    ]);
    return { object: 'privacy.subject_export', ...exported };
  });

  app.post('/v1/privacy/subjects/erase', async (request) => {
    const b = parseOrThrow(subjectBody, request.body);
    const scope = subjectScope(request, b.org_id);
    const r = await privacy.store.erase(b, scope);
    auditSubject(request, 'erase', 'erased', 'Loi 09-08 art. 8: right to rectification and erasure', [
      `mappings:${r.mappings}`,
    ]);
    return {
      object: 'privacy.subject_erasure',
      erased_mappings: r.mappings,
      erased_references: r.references,
      other_records: r.otherRecords,
    };
  });

  app.get<{ Querystring: { format?: string } }>('/v1/privacy/register', async (request, reply) => {
    requireRole(request.principal, 'org-admin');
    const format = request.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw badRequest('format must be json or csv', 'format');
    const register = await privacy.register();
    if (format === 'csv') {
      reply.header('content-disposition', 'attachment; filename="khidma-processing-register.csv"');
      return reply.type('text/csv; charset=utf-8').send(registerToCsv(register));
    }
    return register;
  });
};
