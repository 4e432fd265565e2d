import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { recordAdminAction } from '../admin-actions.js';
import { assertOrgAccess, type Principal, requireRole } from '../auth/principal.js';
import type { KeyInfo } from '../auth/service.js';
import { ApiError, forbidden, notFound, parseOrThrow } from '../errors.js';
import { apiLimitsSchema, isoDate, limitsFromApi, limitsToApi } from './serialize.js';

const createKey = z.object({
  name: z.string().trim().min(1).max(200),
  /** Organisation id or slug; default: the caller's own organisation. */
  org_id: z.string().optional(),
  role: z.enum(['admin', 'org-admin', 'member']).default('member'),
  scopes: z.array(z.string().min(1).max(128)).max(200).nullable().optional(),
  expires_at: isoDate.nullable().optional(),
  limits: apiLimitsSchema.optional(),
});
const patchKey = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  scopes: z.array(z.string().min(1).max(128)).max(200).nullable().optional(),
  expires_at: isoDate.nullable().optional(),
  limits: apiLimitsSchema.optional(),
});
const listQuery = z.object({
  org_id: z.string().optional(),
  include_revoked: z.enum(['true', 'false']).optional(),
});

export function keyToApi(k: KeyInfo) {
  return {
    object: 'api_key',
    id: k.id,
    org_id: k.orgId,
    name: k.name,
    prefix: k.prefix,
    role: k.role,
    scopes: k.scopes,
    limits: limitsToApi(k.limits),
    status: k.status,
    created_at: k.createdAt,
    expires_at: k.expiresAt,
    revoked_at: k.revokedAt,
    last_used_at: k.lastUsedAt,
  };
}

/** /admin/v1/keys: admins manage every key; org-admins the keys of their organisation. */
export const adminKeyRoutes: FastifyPluginAsync = async (app) => {
  const { auth, orgs } = app.khidma;

  const loadKeyFor = async (p: Principal, id: string): Promise<KeyInfo> => {
    const key = await auth.getKey(id);
    // A key of another organisation is reported as absent, not as forbidden: ids do not leak.
    if (!key || (p.role !== 'admin' && key.orgId !== p.orgId))
      throw notFound(`No API key "${id}".`, 'key_not_found');
    return key;
  };

  app.get('/admin/v1/me', async (request) => {
    const p = request.principal!;
    const org = p.orgId ? await orgs.get(p.orgId) : null;
    return {
      object: 'principal',
      kind: p.kind,
      role: p.role,
      key_id: p.keyId ?? null,
      key_prefix: p.keyPrefix ?? null,
      org_id: p.orgId ?? null,
      org_name: org?.name ?? null,
      scopes: p.scopes,
    };
  });

  app.get('/admin/v1/keys', async (request) => {
    const p = requireRole(request.principal, 'org-admin');
    const q = parseOrThrow(listQuery, request.query, 'query');
    let orgId = p.role === 'admin' ? undefined : p.orgId;
    if (q.org_id) {
      const org = await orgs.require(q.org_id);
      assertOrgAccess(p, org.id);
      orgId = org.id;
    }
    const keys = await auth.listKeys({ orgId, includeRevoked: q.include_revoked === 'true' });
    return { object: 'list', data: keys.map(keyToApi) };
  });

  app.post('/admin/v1/keys', async (request, reply) => {
    const p = requireRole(request.principal, 'org-admin');
    const body = parseOrThrow(createKey, request.body);
    const org = body.org_id ? await orgs.require(body.org_id) : p.orgId ? await orgs.require(p.orgId) : null;
    if (!org)
      throw new ApiError(400, 'org_id is required for the master token.', {
        param: 'org_id',
        code: 'missing_field',
      });
    assertOrgAccess(p, org.id);
    if (body.role === 'admin' && p.role !== 'admin')
      throw forbidden('Only platform admins can create admin keys.', 'insufficient_role');
    const { key, info } = await auth.createKey({
      orgId: org.id,
      name: body.name,
      role: body.role,
      scopes: body.scopes ?? null,
      expiresAt: body.expires_at ?? null,
      limits: limitsFromApi(body.limits),
      createdBy: p.keyId ?? 'admin-token',
    });
    recordAdminAction(app.khidma.audit, p, 'admin.key.create', info.id, request.id, [
      `org:${org.id}`,
      `role:${info.role}`,
    ]);
    // The secret appears in this response only; it is not stored.
    return reply.status(201).send({ ...keyToApi(info), key });
  });

  app.get<{ Params: { id: string } }>('/admin/v1/keys/:id', async (request) => {
    const p = requireRole(request.principal, 'org-admin', 'member');
    const key = await loadKeyFor(p, request.params.id);
    if (p.role === 'member' && key.id !== p.keyId)
      throw notFound(`No API key "${request.params.id}".`, 'key_not_found');
    return keyToApi(key);
  });

  app.patch<{ Params: { id: string } }>('/admin/v1/keys/:id', async (request) => {
    const p = requireRole(request.principal, 'org-admin');
    const key = await loadKeyFor(p, request.params.id);
    const body = parseOrThrow(patchKey, request.body);
    const updated = await auth.updateKey(key.id, {
      name: body.name,
      scopes: body.scopes,
      expiresAt: body.expires_at,
      limits: body.limits ? limitsFromApi(body.limits) : undefined,
    });
    recordAdminAction(
      app.khidma.audit,
      p,
      'admin.key.update',
      key.id,
      request.id,
      Object.keys(body).map((k) => `changed:${k}`),
    );
    return keyToApi(updated!);
  });

  /** Revocation takes effect at once on this instance (cache evicted), within the key-cache TTL elsewhere. */
  const revoke = async (p: Principal, id: string, requestId: string) => {
    const key = await loadKeyFor(p, id);
    if (p.role === 'member' && key.id !== p.keyId) throw notFound(`No API key "${id}".`, 'key_not_found');
    const revoked = (await auth.revokeKey(key.id))!;
    recordAdminAction(app.khidma.audit, p, 'admin.key.revoke', key.id, requestId);
    return keyToApi(revoked);
  };
  app.post<{ Params: { id: string } }>('/admin/v1/keys/:id/revoke', async (request) =>
    revoke(requireRole(request.principal, 'org-admin', 'member'), request.params.id, request.id),
  );
  app.delete<{ Params: { id: string } }>('/admin/v1/keys/:id', async (request) =>
    revoke(requireRole(request.principal, 'org-admin', 'member'), request.params.id, request.id),
  );
};
