import type { MockFlavor } from './mock-upstream.js';

/** Error bodies as each provider really sends them. */
export function mockError(flavor: MockFlavor, status: number, message: string): unknown {
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  if (flavor === 'mistral') return { object: 'error', message, type, param: null, code: String(status) };
  return { error: { message, type, param: null, code: null } };
}

export interface MistralProblem {
  status: number;
  msg: string;
  loc?: (string | number)[];
  type?: string;
}

const CHAT_FIELDS = new Set([
  'model',
  'messages',
  'temperature',
  'top_p',
  'max_tokens',
  'stream',
  'stop',
  'random_seed',
  'response_format',
  'tools',
  'tool_choice',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'prediction',
  'parallel_tool_calls',
  'safe_prompt',
  'prompt_mode',
  'metadata',
  'reasoning_effort',
]);
const EMBED_FIELDS = new Set([
  'model',
  'input',
  'encoding_format',
  'output_dimension',
  'output_dtype',
  'metadata',
]);
const TOOL_ID = /^[a-zA-Z0-9]{9}$/;

/** Mirrors La Plateforme's strictness: extra fields are 422s, tool-call ids must be 9 alphanumerics. */
export function validateMistralBody(
  kind: 'chat' | 'embeddings',
  body: Record<string, unknown>,
): MistralProblem | null {
  const allowed = kind === 'chat' ? CHAT_FIELDS : EMBED_FIELDS;
  for (const k of Object.keys(body)) {
    if (!allowed.has(k))
      return {
        status: 422,
        msg: 'Extra inputs are not permitted',
        loc: ['body', k],
        type: 'extra_forbidden',
      };
  }
  if (kind !== 'chat') return null;
  const tc = body.tool_choice;
  if (typeof tc === 'string' && !['auto', 'none', 'any'].includes(tc)) {
    return {
      status: 422,
      msg: "Input should be 'auto', 'none' or 'any'",
      loc: ['body', 'tool_choice'],
      type: 'enum',
    };
  }
  const messages = (body.messages ?? []) as Record<string, unknown>[];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!['system', 'user', 'assistant', 'tool'].includes(String(m.role))) {
      return {
        status: 422,
        msg: 'Input tag does not match any of the expected tags',
        loc: ['body', 'messages', i, 'role'],
        type: 'union_tag_invalid',
      };
    }
    const ids = [
      ...((m.tool_calls as { id?: string }[] | undefined) ?? []).map((t) => t.id),
      ...(m.tool_call_id !== undefined ? [m.tool_call_id] : []),
    ];
    for (const id of ids) {
      if (typeof id !== 'string' || !TOOL_ID.test(id)) {
        return {
          status: 400,
          msg: `Tool call id was ${String(id)} but must be a-z, A-Z, 0-9, with a length of 9.`,
        };
      }
    }
  }
  return null;
}

export function mistralMock422(p: MistralProblem): unknown {
  return {
    object: 'error',
    message: { detail: [{ type: p.type ?? 'value_error', loc: p.loc ?? ['body'], msg: p.msg, input: null }] },
    type: 'invalid_request_message_error',
    param: null,
    code: null,
  };
}
