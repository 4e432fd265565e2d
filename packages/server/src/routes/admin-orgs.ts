import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { recordAdminAction } from '../admin-actions.js';
import { assertOrgAccess, requireRole } from '../auth/principal.js';
import { notFound, parseOrThrow } from '../errors.js';
import type { OrgInfo } from '../stores/orgs.js';
import { apiLimitsSchema, limitsFromApi, limitsToApi } from './serialize.js';

const createOrg = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().optional(),
  limits: apiLimitsSchema.optional(),
});
const patchOrg = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  limits: apiLimitsSchema.optional(),
  disabled: z.boolean().optional(),
});

export function orgToApi(o: OrgInfo) {
  return {
    object: 'organization',
    id: o.id,
    slug: o.slug,
    name: o.name,
    limits: limitsToApi(o.limits),
    created_at: o.createdAt,
    disabled_at: o.disabledAt,
  };
}

/** /admin/v1/orgs: platform admins manage all organisations; others see their own. */
export const adminOrgRoutes: FastifyPluginAsync = async (app) => {
  const { orgs, auth } = app.khidma;

  app.get('/admin/v1/orgs', async (request) => {
    const p = requireRole(request.principal, 'org-admin', 'member');
    const all = p.role === 'admin' ? await orgs.list() : [await orgs.require(p.orgId!)];
    return { object: 'list', data: all.map(orgToApi) };
  });

  app.post('/admin/v1/orgs', async (request, reply) => {
    const p = requireRole(request.principal, 'admin');
    const body = parseOrThrow(createOrg, request.body);
    const org = await orgs.create({ name: body.name, slug: body.slug, limits: limitsFromApi(body.limits) });
    recordAdminAction(app.khidma.audit, p, 'admin.org.create', org.id, request.id);
    return reply.status(201).send(orgToApi(org));
  });

  app.get<{ Params: { id: string } }>('/admin/v1/orgs/:id', async (request) => {
    const p = requireRole(request.principal, 'org-admin', 'member');
    const org = await orgs.get(request.params.id);
    if (!org) throw notFound(`No organisation "${request.params.id}".`, 'org_not_found');
    assertOrgAccess(p, org.id);
    return orgToApi(org);
  });

  app.patch<{ Params: { id: string } }>('/admin/v1/orgs/:id', async (request) => {
    const p = requireRole(request.principal, 'admin');
    const body = parseOrThrow(patchOrg, request.body);
    const org = await orgs.require(request.params.id);
    const updated = await orgs.update(org.id, {
      name: body.name,
      limits: body.limits ? limitsFromApi(body.limits) : undefined,
      disabled: body.disabled,
    });
    auth.invalidateOrg(org.id);
    recordAdminAction(
      app.khidma.audit,
      p,
      'admin.org.update',
      org.id,
      request.id,
      Object.keys(body).map((k) => `changed:${k}`),
    );
    return orgToApi(updated!);
  });

  app.delete<{ Params: { id: string } }>('/admin/v1/orgs/:id', async (request) => {
    const p = requireRole(request.principal, 'admin');
    const org = await orgs.require(request.params.id);
    await orgs.delete(org.id);
    auth.invalidateOrg(org.id);
    recordAdminAction(app.khidma.audit, p, 'admin.org.delete', org.id, request.id);
    return { object: 'organization.deleted', id: org.id, deleted: true };
  });
};
