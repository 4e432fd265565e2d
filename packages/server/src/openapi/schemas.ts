import { ref } from './builders.js';
import type { JsonSchema } from './registry.js';

const nullable = (type: string, extra: JsonSchema = {}) => ({ type: [type, 'null'], ...extra });
const ts = { type: 'string', format: 'date-time' };

/** Component schemas of the server's own endpoints (OpenAI-compatible shapes where they exist). */
export const schemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['message', 'type', 'param', 'code'],
        properties: {
          message: { type: 'string' },
          type: {
            type: 'string',
            examples: [
              'invalid_request_error',
              'authentication_error',
              'permission_error',
              'rate_limit_error',
            ],
          },
          param: nullable('string', { description: 'The offending field, e.g. messages[0].content' }),
          code: nullable('string'),
        },
      },
    },
  },
  QuotaLimits: {
    type: 'object',
    description: 'Absent = configured default; null = unlimited.',
    properties: {
      rpm: nullable('integer', { description: 'Requests per minute' }),
      tpm: nullable('integer', { description: 'Tokens per minute' }),
      tpd: nullable('integer', { description: 'Tokens per UTC day' }),
      monthly_budget_mad: nullable('number', { description: 'Spend per calendar month, MAD' }),
    },
  },
  Organization: {
    type: 'object',
    properties: {
      object: { const: 'organization' },
      id: { type: 'string', examples: ['org_k3J9…'] },
      slug: { type: 'string' },
      name: { type: 'string' },
      limits: ref('QuotaLimits'),
      created_at: ts,
      disabled_at: nullable('string', { format: 'date-time' }),
    },
  },
  ApiKey: {
    type: 'object',
    properties: {
      object: { const: 'api_key' },
      id: { type: 'string' },
      org_id: { type: 'string' },
      name: { type: 'string' },
      prefix: { type: 'string', description: 'Visible part of the key, e.g. kh_Ab3dE5fG' },
      role: { enum: ['admin', 'org-admin', 'member'] },
      scopes: nullable('array', {
        items: { type: 'string' },
        description: 'Allowed public model ids; null = all',
      }),
      limits: ref('QuotaLimits'),
      status: { enum: ['active', 'expired', 'revoked'] },
      created_at: ts,
      expires_at: nullable('string', { format: 'date-time' }),
      revoked_at: nullable('string', { format: 'date-time' }),
      last_used_at: nullable('string', { format: 'date-time' }),
    },
  },
  CreatedApiKey: {
    allOf: [
      ref('ApiKey'),
      {
        type: 'object',
        properties: { key: { type: 'string', description: 'The secret. Shown once, never stored.' } },
      },
    ],
  },
  UsageBucket: {
    type: 'object',
    properties: {
      day: { type: 'string', examples: ['2026-11-27'] },
      month: { type: 'string', examples: ['2026-11'] },
      model: { type: 'string' },
      provider: nullable('string'),
      org_id: nullable('string'),
      key_id: nullable('string'),
      requests: { type: 'integer' },
      errors: { type: 'integer' },
      prompt_tokens: { type: 'integer' },
      completion_tokens: { type: 'integer' },
      total_tokens: { type: 'integer' },
      cost_mad: { type: 'number' },
    },
  },
  Usage: {
    type: 'object',
    properties: {
      object: { const: 'usage' },
      from: ts,
      to: ts,
      group_by: { type: 'array', items: { type: 'string' } },
      org_id: nullable('string'),
      key_id: nullable('string'),
      currency: { const: 'MAD' },
      data: { type: 'array', items: ref('UsageBucket') },
      totals: ref('UsageBucket'),
    },
  },
  AuditEntry: {
    type: 'object',
    description: 'One hash-chained entry. Never contains prompt or answer text.',
    properties: {
      seq: { type: 'integer' },
      ts,
      requestId: { type: 'string' },
      actor: { type: 'object', properties: { keyId: nullable('string'), orgId: nullable('string') } },
      endpoint: { type: 'string' },
      model: { type: 'string' },
      provider: nullable('string'),
      destinationCountry: nullable('string', { examples: ['MA', 'EU', 'US'] }),
      decision: { type: 'string' },
      legalBasis: { type: 'string' },
      dataClass: { type: 'string' },
      status: { type: 'string' },
      flags: { type: 'array', items: { type: 'string' } },
      prevHash: { type: 'string' },
      hash: { type: 'string' },
    },
  },
  AuditVerification: {
    type: 'object',
    properties: {
      object: { const: 'audit.verification' },
      ok: { type: 'boolean' },
      checked: { type: 'integer' },
      headSeq: nullable('integer'),
      headHash: nullable('string'),
      firstBad: {
        type: 'object',
        properties: { seq: { type: 'integer' }, problem: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  ModelHealth: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      object: { const: 'model' },
      owned_by: { type: 'string' },
      status: { enum: ['healthy', 'degraded', 'down', 'virtual'] },
      targets: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            provider: { type: 'string' },
            upstream_model: { type: 'string' },
            location: nullable('string'),
            state: { enum: ['healthy', 'degraded', 'cooldown'] },
            consecutive_failures: { type: 'integer' },
            requests: { type: 'integer' },
            failures: { type: 'integer' },
            cooldown_until: nullable('string'),
            latency_ms_ewma: nullable('number'),
          },
        },
      },
    },
  },
  Provider: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      type: { enum: ['openai', 'mistral', 'openai-compatible'] },
      base_url: nullable('string'),
      location: { type: 'string' },
      sovereign: { type: 'boolean', description: 'Processes data inside Morocco' },
      data_classes: nullable('array', { items: { enum: ['public', 'internal', 'personal', 'sensitive'] } }),
      timeout_ms: { type: 'integer' },
      weight: { type: 'number' },
      has_api_key: { type: 'boolean' },
      status: { enum: ['healthy', 'degraded', 'down', 'unused'] },
    },
  },
  ChatCompletionRequest: {
    type: 'object',
    required: ['model', 'messages'],
    description:
      'OpenAI chat completion request; tools, tool_choice, response_format, seed and stream_options pass through.',
    properties: {
      model: { type: 'string' },
      messages: { type: 'array', items: { type: 'object' } },
      stream: { type: 'boolean' },
      stream_options: { type: 'object', properties: { include_usage: { type: 'boolean' } } },
      temperature: { type: 'number' },
      max_tokens: { type: 'integer' },
      tools: { type: 'array', items: { type: 'object' } },
      tool_choice: {},
      response_format: { type: 'object' },
      seed: { type: 'integer' },
    },
  },
  EmbeddingRequest: {
    type: 'object',
    required: ['model', 'input'],
    properties: {
      model: { type: 'string' },
      input: { oneOf: [{ type: 'string' }, { type: 'array' }] },
      encoding_format: { enum: ['float', 'base64'] },
      dimensions: { type: 'integer' },
    },
  },
  Model: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      object: { const: 'model' },
      created: { type: 'integer' },
      owned_by: { type: 'string' },
    },
  },
};
