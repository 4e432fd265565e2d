import { PII_TYPES } from '@khidma/privacy';
import type { OpenApiRegistry } from '../openapi/registry.js';

const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
const body = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  ...json({ type: 'object', properties, required, additionalProperties: false }),
});
// The OpenAPI enum is the library's own list, so a new PII type cannot be forgotten here.
const PII_TYPE_SCHEMA = { type: 'string', enum: [...PII_TYPES] };
const subject = body(
  {
    cin: { type: 'string', example: 'AB123456' },
    phone: { type: 'string', example: '+212 6 61 23 45 67' },
    email: { type: 'string', format: 'email' },
    org_id: { type: 'string', description: 'Platform admins only; default all organisations' },
  },
  [],
);
const errors = {
  '400': { description: 'Invalid body (OpenAI error shape)' },
  '401': { description: 'Missing or invalid key' },
};

/** OpenAPI entries for /v1/privacy (served at /openapi.json and /docs). */
export function registerPrivacyOpenApi(openapi: OpenApiRegistry): void {
  const op = (summary: string, extra: Record<string, unknown>) => ({
    tags: ['privacy'],
    summary,
    security: [{ bearer: [] }],
    ...extra,
  });
  openapi.add({
    tags: [
      {
        name: 'privacy',
        description: 'Loi 09-08: Moroccan PII detection, pseudonymisation, data-subject rights, register',
      },
    ],
    paths: {
      '/v1/privacy/analyze': {
        post: op('Detect personal data and classify a text (public, internal, personal, sensitive)', {
          requestBody: body(
            {
              text: { type: 'string', maxLength: 1_000_000 },
              types: { type: 'array', items: PII_TYPE_SCHEMA },
              min_score: { type: 'number' },
            },
            ['text'],
          ),
          responses: {
            '200': { description: 'Data class, sensitive categories and detections with offsets' },
            ...errors,
          },
        }),
      },
      '/v1/privacy/pseudonymize': {
        post: op(
          'Replace identifiers with placeholders such as ⟦CIN_1⟧; the mapping stays server-side, sealed',
          {
            requestBody: body(
              {
                text: { type: 'string' },
                types: { type: 'array', items: PII_TYPE_SCHEMA },
                session_id: {
                  type: 'string',
                  description: 'Continue a session: same values, same placeholders',
                },
                ttl_seconds: { type: 'integer' },
              },
              ['text'],
            ),
            responses: { '200': { description: 'Pseudonymised text, session id and expiry' }, ...errors },
          },
        ),
      },
      '/v1/privacy/restore': {
        post: op('Put the original values back (tolerates mangled placeholders)', {
          requestBody: body({ text: { type: 'string' }, session_id: { type: 'string' } }, [
            'text',
            'session_id',
          ]),
          responses: {
            '200': { description: 'Restored text' },
            '404': { description: 'Unknown or expired session' },
            ...errors,
          },
        }),
      },
      '/v1/privacy/subjects/find': {
        post: op('Records tied to a CIN, phone or e-mail (keyed-hash match); org-admins', {
          requestBody: subject,
          responses: {
            '200': { description: 'List of records' },
            '403': { description: 'Member keys are refused' },
            ...errors,
          },
        }),
      },
      '/v1/privacy/subjects/export': {
        post: op('Everything stored about the person (right of access, art. 7)', {
          requestBody: subject,
          responses: {
            '200': { description: 'Export' },
            '403': { description: 'Member keys are refused' },
            ...errors,
          },
        }),
      },
      '/v1/privacy/subjects/erase': {
        post: op('Erase every stored record tied to the person (art. 8); audited without the identifier', {
          requestBody: subject,
          responses: {
            '200': { description: 'What was erased' },
            '403': { description: 'Member keys are refused' },
            ...errors,
          },
        }),
      },
      '/v1/privacy/register': {
        get: op('Processing register: purposes, recipients, transfers abroad with countries, retention', {
          parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } }],
          responses: {
            '200': { description: 'JSON or CSV (text/csv)' },
            '403': { description: 'Member keys are refused' },
          },
        }),
      },
    },
  });
}
