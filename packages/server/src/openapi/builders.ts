/** Small builders for OpenAPI fragments shared by the server's path descriptions. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
export const errors = (...codes: number[]) =>
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
export const q = (name: string, description: string, schema: unknown = { type: 'string' }) => ({
  name,
  in: 'query',
  description,
  schema,
});
export const pathId = (description = 'Id') => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
export const list = (item: string) =>
  json({
    type: 'object',
    properties: { object: { const: 'list' }, data: { type: 'array', items: ref(item) } },
  });
export const ok = (description: string, body?: unknown) => ({
  '200': { description, ...(body ? body : {}) },
});
export const created = (schemaName: string) => ({
  '201': { description: 'Created', ...json(ref(schemaName)) },
});
