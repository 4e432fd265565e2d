import type { OpenApiRegistry } from '../openapi/registry.js';

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: json(schema),
});
const publicOp = { security: [{}, { bearerAuth: [] }] };
const q = (
  name: string,
  description: string,
  schema: Record<string, unknown> = { type: 'string' },
  required = false,
) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

const ANSWER_LANG = {
  type: 'string',
  enum: ['ary-Arab', 'ary-Latn', 'arb-Arab', 'fra-Latn', 'eng-Latn', 'zgh-Tfng', 'zgh-Latn'],
};

/** OpenAPI paths of the knowledge base and the citizen assistant (served at /openapi.json and /docs). */
export function registerKnowledgeOpenApi(registry: OpenApiRegistry): void {
  registry.add({
    tags: [
      { name: 'Knowledge', description: 'Catalog of administrative procedures and multilingual search' },
      { name: 'Assistant', description: 'Grounded citizen assistant (also the model `khidma-assistant`)' },
    ],
    schemas: {
      Citation: {
        type: 'object',
        properties: {
          n: { type: 'integer' },
          kind: { type: 'string', enum: ['procedure', 'chunk'] },
          id: { type: 'string' },
          title: { type: 'string' },
          source_url: { type: ['string', 'null'] },
        },
      },
      AssistantAnswer: {
        type: 'object',
        properties: {
          object: { const: 'assistant.answer' },
          id: { type: 'string' },
          text: { type: 'string' },
          language: ANSWER_LANG,
          refused: { type: 'boolean' },
          confidence: { type: 'number' },
          mode: { type: 'string', enum: ['offline', 'llm'] },
          follow_up: { type: 'boolean' },
          facets: { type: 'array', items: { type: 'string' } },
          procedure_ids: { type: 'array', items: { type: 'string' } },
          citations: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
        },
      },
    },
    paths: {
      '/v1/kb/search': {
        get: {
          tags: ['Knowledge'],
          summary:
            'Search procedures in any language or script (Darija, Arabizi, MSA, French, Tamazight, English)',
          ...publicOp,
          parameters: [
            q('q', 'The question or keywords', { type: 'string', maxLength: 2000 }, true),
            q('audience', 'citizens | businesses | mre'),
            q('category', 'Procedure category'),
            q('administration', 'Administration id'),
            q('lang', 'Preferred passage language: fr | ar | en | zgh'),
            q('limit', '1–50 (default 10)', { type: 'integer' }),
          ],
          responses: { 200: ok('Ranked procedures with highlighted passages and a confidence') },
        },
      },
      '/v1/kb/procedures': {
        get: {
          tags: ['Knowledge'],
          summary: 'List procedures',
          ...publicOp,
          responses: { 200: ok('Procedures') },
        },
      },
      '/v1/kb/procedures/{id}': {
        get: {
          tags: ['Knowledge'],
          summary: 'One procedure with all its localised fields',
          ...publicOp,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok('Procedure'), 404: ok('Unknown id') },
        },
      },
      '/v1/assistant/chat': {
        post: {
          tags: ['Assistant'],
          summary: 'Ask the citizen assistant (JSON, or server-sent events with stream: true)',
          ...publicOp,
          requestBody: {
            content: json({
              type: 'object',
              properties: {
                messages: { type: 'array', items: { type: 'object' } },
                message: { type: 'string' },
                lang: ANSWER_LANG,
                audience: { type: 'string' },
                category: { type: 'string' },
                administration: { type: 'string' },
                stream: { type: 'boolean' },
              },
            }),
          },
          responses: {
            200: {
              description: 'The answer (or events meta, delta…, done)',
              content: {
                ...json({ $ref: '#/components/schemas/AssistantAnswer' }),
                'text/event-stream': { schema: { type: 'string' } },
              },
            },
          },
        },
      },
      '/v1/assistant/feedback': {
        post: {
          tags: ['Assistant'],
          summary: 'Rate an answer (up/down, comment)',
          ...publicOp,
          responses: { 201: ok('Stored') },
        },
      },
      '/v1/assistant/escalations': {
        post: {
          tags: ['Assistant'],
          summary: 'Ask for a human agent (creates a ticket)',
          ...publicOp,
          responses: { 201: ok('Ticket') },
        },
      },
      '/admin/v1/assistant/feedback': {
        get: {
          tags: ['Assistant'],
          summary: 'Feedback (console)',
          description:
            "Platform admins see all feedback, anonymous citizen feedback included; org-admins and members only feedback sent with their organisation's keys.",
          responses: { 200: ok('List') },
        },
      },
      '/admin/v1/assistant/tickets': {
        get: {
          tags: ['Assistant'],
          summary: 'Escalation tickets (console)',
          description:
            "Platform admins see all tickets, anonymous citizen tickets included; org-admins and members only tickets opened with their organisation's keys.",
          responses: { 200: ok('List') },
        },
      },
      '/admin/v1/assistant/tickets/{id}': {
        patch: { tags: ['Assistant'], summary: 'Change a ticket status', responses: { 200: ok('Ticket') } },
      },
      '/admin/v1/assistant/unanswered': {
        get: {
          tags: ['Assistant'],
          summary: 'Questions the assistant refused (redacted)',
          responses: { 200: ok('List') },
        },
      },
      '/admin/v1/kb/export': {
        get: { tags: ['Knowledge'], summary: 'Export the catalog', responses: { 200: ok('Catalog') } },
      },
      '/admin/v1/kb/imports': {
        get: {
          tags: ['Knowledge'],
          summary: 'Import runs and rejected rows',
          responses: { 200: ok('List') },
        },
      },
      '/admin/v1/kb/procedures/{id}': {
        put: {
          tags: ['Knowledge'],
          summary: 'Create or update a procedure (validated, versioned)',
          responses: { 200: ok('Outcome') },
        },
        delete: { tags: ['Knowledge'], summary: 'Delete a procedure', responses: { 200: ok('Deleted') } },
      },
      '/admin/v1/kb/procedures/{id}/versions': {
        get: {
          tags: ['Knowledge'],
          summary: 'Every stored version of a procedure',
          responses: { 200: ok('List') },
        },
      },
    },
  });
}
