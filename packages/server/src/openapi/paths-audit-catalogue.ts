/** Admin API: the audit chain and the model/provider catalogue. */
import { errors, json, list, ok, pathId, q, ref } from './builders.js';
import type { OpenApiPaths } from './registry.js';

export const auditAndCataloguePaths: OpenApiPaths = {
  '/admin/v1/audit': {
    get: {
      tags: ['Admin: audit'],
      summary: 'List audit entries (admin: all; org-admin: own organisation)',
      parameters: [
        q('org_id', 'Organisation'),
        q('key_id', 'Key id'),
        q('model', 'Public model'),
        q('provider', 'Provider id'),
        q('location', 'Destination country, e.g. MA, EU, US'),
        q('decision', 'Routing/privacy decision'),
        q('request_id', 'Request id (x-request-id)'),
        q('from', 'ISO 8601'),
        q('to', 'ISO 8601'),
        q('after', 'Cursor: seq of the last entry of the previous page', { type: 'integer' }),
        q('limit', '1..1000 (default 100)', { type: 'integer' }),
        q('order', 'desc (default) or asc', { enum: ['asc', 'desc'] }),
      ],
      responses: {
        ...ok(
          'Entries',
          json({
            type: 'object',
            properties: {
              object: { const: 'list' },
              data: { type: 'array', items: ref('AuditEntry') },
              has_more: { type: 'boolean' },
              next_after: { type: ['integer', 'null'] },
            },
          }),
        ),
        ...errors(400, 401, 403),
      },
    },
  },
  '/admin/v1/audit/verify': {
    get: {
      tags: ['Admin: audit'],
      summary: 'Verify the whole hash chain; names the first edited, deleted or reordered entry (admin)',
      responses: { ...ok('Verification report', json(ref('AuditVerification'))), ...errors(401, 403) },
    },
  },
  '/admin/v1/models': {
    get: {
      tags: ['Admin: catalogue'],
      summary: 'Public models with targets, locations and live health',
      responses: { ...ok('Models', list('ModelHealth')), ...errors(401) },
    },
  },
  '/admin/v1/models/{id}': {
    get: {
      tags: ['Admin: catalogue'],
      summary: 'One model with targets and health',
      parameters: [pathId('Public model id')],
      responses: { ...ok('The model', json(ref('ModelHealth'))), ...errors(401, 404) },
    },
  },
  '/admin/v1/providers': {
    get: {
      tags: ['Admin: catalogue'],
      summary: 'Configured providers (never their API keys) with health',
      responses: { ...ok('Providers', list('Provider')), ...errors(401, 403) },
    },
  },
};
