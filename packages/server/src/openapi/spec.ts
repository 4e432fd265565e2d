import { VERSION } from '../routes/health.js';
import type { OpenApiDocument } from './registry.js';
import { schemas } from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? 'Error', ...json(ref('Error')) }]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request; `param` names the bad field',
  401: 'Missing, invalid, expired or revoked key',
  403: 'Role, model scope or organisation not allowed (or privacy policy refused)',
  404: 'Unknown model or resource',
  409: 'Already exists',
  413: 'Body larger than the configured limit (default 1 MiB)',
  429: 'Quota reached; see Retry-After and x-ratelimit-* headers',
  502: 'Every upstream target failed',
};
const q = (name: string, description: string, schema: unknown = { type: 'string' }) => ({
  name,
  in: 'query',
  description,
  schema,
});
const pathId = (description = 'Id') => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const list = (item: string) =>
  json({
    type: 'object',
    properties: { object: { const: 'list' }, data: { type: 'array', items: ref(item) } },
  });
const ok = (description: string, body?: unknown) => ({ '200': { description, ...(body ? body : {}) } });

const usageParams = [
  q('from', 'Start (inclusive), ISO 8601; default first day of this month (UTC)'),
  q('to', 'End (exclusive), ISO 8601; default now'),
  q('group_by', 'Comma list of day, month, model, provider, org, key (default day)'),
  q('org_id', 'Organisation id or slug (admins: any; others: their own only)'),
  q('key_id', 'Key id or prefix (members: their own only)'),
  q('model', 'Public model id'),
  q('format', 'json (default) or csv', { enum: ['json', 'csv'] }),
];

/** The OpenAPI 3.1 description of the server's endpoints; other packages add theirs at start. */
export function baseDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Khidma API',
      version: VERSION,
      description:
        'OpenAI-compatible sovereign AI gateway for Moroccan administrations and startups, with keys, quotas and MAD budgets, usage, hash-chained audit, Loi 09-08 privacy, Moroccan languages and citizen services. Authenticate with `Authorization: Bearer <key>`.',
      license: { name: 'Apache-2.0' },
    },
    tags: [
      { name: 'OpenAI-compatible', description: 'Drop-in for the OpenAI (and Mistral) SDKs' },
      { name: 'Usage', description: 'Tokens and cost in MAD' },
      { name: 'Admin: organisations' },
      { name: 'Admin: keys' },
      { name: 'Admin: audit' },
      { name: 'Admin: catalogue', description: 'Providers and models with health' },
      { name: 'Operations', description: 'Health, metrics, this document' },
    ],
    paths: {
      '/v1/chat/completions': {
        post: {
          tags: ['OpenAI-compatible'],
          summary: 'Create a chat completion (JSON or SSE stream)',
          requestBody: { required: true, ...json(ref('ChatCompletionRequest')) },
          responses: {
            '200': {
              description: 'A chat.completion object, or text/event-stream of chat.completion.chunk',
              content: {
                'application/json': { schema: { type: 'object' } },
                'text/event-stream': { schema: { type: 'string' } },
              },
            },
            ...errors(400, 401, 403, 404, 413, 429, 502),
          },
        },
      },
      '/v1/embeddings': {
        post: {
          tags: ['OpenAI-compatible'],
          summary: 'Create embeddings',
          requestBody: { required: true, ...json(ref('EmbeddingRequest')) },
          responses: {
            ...ok('An embeddings list', json({ type: 'object' })),
            ...errors(400, 401, 403, 404, 413, 429, 502),
          },
        },
      },
      '/v1/models': {
        get: {
          tags: ['OpenAI-compatible'],
          summary: 'List models',
          responses: { ...ok('Models', list('Model')), ...errors(401) },
        },
      },
      '/v1/models/{id}': {
        get: {
          tags: ['OpenAI-compatible'],
          summary: 'Retrieve a model',
          parameters: [pathId('Public model id')],
          responses: { ...ok('The model', json(ref('Model'))), ...errors(401, 404) },
        },
      },
      '/v1/usage': {
        get: {
          tags: ['Usage'],
          summary: "The caller's usage: own key (member) or own organisation (org-admin); admins any",
          parameters: usageParams,
          responses: {
            '200': {
              description: 'Aggregated usage',
              content: {
                'application/json': { schema: ref('Usage') },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            ...errors(400, 401, 403),
          },
        },
      },
      '/admin/v1/usage': {
        get: {
          tags: ['Usage'],
          summary: 'Same as /v1/usage, for the console',
          parameters: usageParams,
          responses: { ...ok('Aggregated usage', json(ref('Usage'))), ...errors(400, 401, 403) },
        },
      },
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
            '201': { description: 'Created', ...json(ref('Organization')) },
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
                scopes: { type: ['array', 'null'], items: { type: 'string' } },
                expires_at: { type: ['string', 'null'], format: 'date-time' },
                limits: ref('QuotaLimits'),
              },
            }),
          },
          responses: {
            '201': { description: 'Created', ...json(ref('CreatedApiKey')) },
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
                scopes: { type: ['array', 'null'], items: { type: 'string' } },
                expires_at: { type: ['string', 'null'], format: 'date-time' },
                limits: ref('QuotaLimits'),
              },
            }),
          },
          responses: { ...ok('Updated', json(ref('ApiKey'))), ...errors(400, 401, 403, 404) },
        },
        delete: {
          tags: ['Admin: keys'],
          summary: 'Revoke a key (immediate)',
          parameters: [pathId('Key id or visible prefix')],
          responses: { ...ok('Revoked', json(ref('ApiKey'))), ...errors(401, 404) },
        },
      },
      '/admin/v1/keys/{id}/revoke': {
        post: {
          tags: ['Admin: keys'],
          summary: 'Revoke a key (immediate)',
          parameters: [pathId('Key id or visible prefix')],
          responses: { ...ok('Revoked', json(ref('ApiKey'))), ...errors(401, 404) },
        },
      },
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
      '/health': {
        get: {
          tags: ['Operations'],
          summary: 'Liveness and database readiness',
          security: [],
          responses: {
            ...ok('Healthy', json({ type: 'object' })),
            '503': { description: 'Database unavailable' },
          },
        },
      },
      '/health/models': {
        get: {
          tags: ['Operations'],
          summary: "Each model's targets and their state",
          security: [],
          responses: {
            ...ok(
              'Every routing target with its state (healthy, degraded, cooldown)',
              json({
                type: 'object',
                properties: {
                  status: { type: 'string' },
                  targets: { type: 'array', items: { type: 'object' } },
                },
              }),
            ),
            '503': { description: 'Every target is cooling down' },
          },
        },
      },
      '/metrics': {
        get: {
          tags: ['Operations'],
          summary: 'Prometheus metrics',
          security: [],
          responses: ok('Prometheus text format', {
            content: { 'text/plain': { schema: { type: 'string' } } },
          }),
        },
      },
      '/openapi.json': {
        get: { tags: ['Operations'], summary: 'This document', security: [], responses: ok('OpenAPI 3.1') },
      },
      '/docs': {
        get: {
          tags: ['Operations'],
          summary: 'Readable API documentation (HTML)',
          security: [],
          responses: ok('HTML'),
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Khidma API key (kh_…) or the master admin token',
        },
      },
    },
    security: [{ bearer: [] }],
  };
}
