/** Usage (tokens and cost in MAD) for callers and the console. */
import { errors, json, ok, q, ref } from './builders.js';
import type { OpenApiPaths } from './registry.js';

const usageParams = [
  q('from', 'Start (inclusive), ISO 8601; default first day of this month (UTC)'),
  q('to', 'End (exclusive), ISO 8601; default now'),
  q('group_by', 'Comma list of day, month, model, provider, org, key (default day)'),
  q('org_id', 'Organisation id or slug (admins: any; others: their own only)'),
  q('key_id', 'Key id or prefix (members: their own only)'),
  q('model', 'Public model id'),
  q('format', 'json (default) or csv', { enum: ['json', 'csv'] }),
];

export const usagePaths: OpenApiPaths = {
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
};
