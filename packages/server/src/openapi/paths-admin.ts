/** Admin API: the caller, organisations and keys. */
import { created, errors, json, list, ok, pathId, q, ref } from './builders.js';
import type { OpenApiPaths } from './registry.js';

/** What a key's creator may set and later change. */
const keySettings = {
  scopes: { type: ['array', 'null'], items: { type: 'string' } },
  expires_at: { type: ['string', 'null'], format: 'date-time' },
  limits: ref('QuotaLimits'),
};

/** Revocation answers on DELETE /keys/{id} and on POST /keys/{id}/revoke (for clients without DELETE). */
const revokeKey = {
  tags: ['Admin: keys'],
  summary: 'Revoke a key (immediate)',
  parameters: [pathId('Key id or visible prefix')],
  responses: { ...ok('Revoked', json(ref('ApiKey'))), ...errors(401, 404) },
};

export const adminPaths: OpenApiPaths = {
  '/admin/v1/me': {
    get: {
      tags: ['Admin: keys'],
      summary: 'Who am I (role, organisation, scopes)',
      responses: { ...ok('The caller', json({ type: 'object' })), ...errors(401) },
    },
  },
  '/admin/v1/orgs': {
    get: {
      tags: ['Admin: organisations'],
      summary: 'List organisations (admins: all; others: their own)',
      responses: { ...ok('Organisations', list('Organization')), ...errors(401) },
    },
    post: {
      tags: ['Admin: organisations'],
      summary: 'Create an organisation (admin)',
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, slug: { type: 'string' }, limits: ref('QuotaLimits') },
        }),
      },
      responses: {
        ...created('Organization'),
        ...errors(400, 401, 403, 409),
      },
    },
  },
  '/admin/v1/orgs/{id}': {
    get: {
      tags: ['Admin: organisations'],
      summary: 'Get an organisation (id or slug)',
      parameters: [pathId('Organisation id or slug')],
      responses: { ...ok('The organisation', json(ref('Organization'))), ...errors(401, 403, 404) },
    },
    patch: {
      tags: ['Admin: organisations'],
      summary: 'Rename, set limits, disable/enable (admin)',
      parameters: [pathId('Organisation id or slug')],
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          properties: {
            name: { type: 'string' },
            limits: ref('QuotaLimits'),
            disabled: { type: 'boolean' },
          },
        }),
      },
      responses: { ...ok('Updated', json(ref('Organization'))), ...errors(400, 401, 403, 404) },
    },
    delete: {
      tags: ['Admin: organisations'],
      summary: 'Delete an organisation and its keys (admin); usage and audit are kept',
      parameters: [pathId('Organisation id or slug')],
      responses: { ...ok('Deleted', json({ type: 'object' })), ...errors(401, 403, 404) },
    },
  },
  '/admin/v1/keys': {
    get: {
      tags: ['Admin: keys'],
      summary: 'List keys (admin: all or ?org_id; org-admin: own organisation)',
      parameters: [
        q('org_id', 'Organisation id or slug'),
        q('include_revoked', 'true to include revoked keys'),
      ],
      responses: { ...ok('Keys (never the secrets)', list('ApiKey')), ...errors(401, 403) },
    },
    post: {
      tags: ['Admin: keys'],
      summary: 'Create a key; the secret is in this response only',
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            org_id: { type: 'string', description: "Default: the caller's organisation" },
            role: { enum: ['admin', 'org-admin', 'member'], default: 'member' },
            ...keySettings,
          },
        }),
      },
      responses: {
        ...created('CreatedApiKey'),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  '/admin/v1/keys/{id}': {
    get: {
      tags: ['Admin: keys'],
      summary: 'Get a key (id or prefix)',
      parameters: [pathId('Key id or visible prefix')],
      responses: { ...ok('The key', json(ref('ApiKey'))), ...errors(401, 404) },
    },
    patch: {
      tags: ['Admin: keys'],
      summary: 'Rename, rescope, set expiry or limits',
      parameters: [pathId('Key id or visible prefix')],
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          properties: {
            name: { type: 'string' },
            ...keySettings,
          },
        }),
      },
      responses: { ...ok('Updated', json(ref('ApiKey'))), ...errors(400, 401, 403, 404) },
    },
    delete: revokeKey,
  },
  '/admin/v1/keys/{id}/revoke': { post: revokeKey },
};
