import { invalidRequest } from './errors.js';
import type { ChatCompletionRequest, EmbeddingRequest } from './types/openai.js';

/**
 * Hand-written request validation: cheaper than a schema library on the hot path, and every error
 * names the offending field the way OpenAI does (`messages[0].content`).
 */

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const TOOL_CHOICES = new Set(['none', 'auto', 'required', 'any']);
const RESPONSE_FORMATS = new Set(['text', 'json_object', 'json_schema']);

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function expect(ok: boolean, param: string, wanted: string, got: unknown): void {
  if (!ok)
    throw invalidRequest(
      `Invalid type for '${param}': expected ${wanted}, got ${kind(got)}.`,
      param,
      'invalid_type',
    );
}

function optNumber(body: Record<string, unknown>, key: string, min?: number, max?: number): void {
  const v = body[key];
  if (v === undefined || v === null) return;
  expect(typeof v === 'number' && Number.isFinite(v), key, 'a number', v);
  if ((min !== undefined && (v as number) < min) || (max !== undefined && (v as number) > max)) {
    throw invalidRequest(`'${key}' must be between ${min ?? '-∞'} and ${max ?? '∞'}.`, key);
  }
}

function optInteger(body: Record<string, unknown>, key: string, min?: number): void {
  const v = body[key];
  if (v === undefined || v === null) return;
  expect(Number.isInteger(v), key, 'an integer', v);
  if (min !== undefined && (v as number) < min) throw invalidRequest(`'${key}' must be ≥ ${min}.`, key);
}

function optBoolean(body: Record<string, unknown>, key: string): void {
  const v = body[key];
  if (v !== undefined && v !== null) expect(typeof v === 'boolean', key, 'a boolean', v);
}

function validateModel(body: Record<string, unknown>): void {
  expect(typeof body.model === 'string', 'model', 'a string', body.model);
  if ((body.model as string).length === 0) throw invalidRequest("'model' must not be empty.", 'model');
}

function validateContent(content: unknown, param: string, role: string): void {
  if (typeof content === 'string') return;
  if (content === null || content === undefined) {
    if (role === 'assistant') return;
    throw invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
  }
  expect(Array.isArray(content), param, 'a string or an array of content parts', content);
  (content as unknown[]).forEach((part, i) => {
    const p = `${param}[${i}]`;
    expect(isObj(part), p, 'an object', part);
    const t = (part as Record<string, unknown>).type;
    expect(typeof t === 'string', `${p}.type`, 'a string', t);
    if (t === 'text') {
      const text = (part as Record<string, unknown>).text;
      expect(typeof text === 'string', `${p}.text`, 'a string', text);
    }
  });
}

function validateMessages(messages: unknown): void {
  expect(Array.isArray(messages), 'messages', 'an array', messages);
  const list = messages as unknown[];
  if (list.length === 0) throw invalidRequest("'messages' must contain at least one message.", 'messages');
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    const p = `messages[${i}]`;
    expect(isObj(m), p, 'an object', m);
    const msg = m as Record<string, unknown>;
    if (typeof msg.role !== 'string' || !ROLES.has(msg.role)) {
      throw invalidRequest(
        `Invalid value for '${p}.role': expected one of system, developer, user, assistant, tool.`,
        `${p}.role`,
      );
    }
    const hasToolCalls = Array.isArray(msg.tool_calls) && msg.tool_calls.length > 0;
    validateContent(msg.content, `${p}.content`, hasToolCalls ? 'assistant' : (msg.role as string));
    if (msg.name !== undefined) expect(typeof msg.name === 'string', `${p}.name`, 'a string', msg.name);
    if (msg.role === 'tool') {
      expect(typeof msg.tool_call_id === 'string', `${p}.tool_call_id`, 'a string', msg.tool_call_id);
    }
    if (msg.tool_calls !== undefined && msg.tool_calls !== null) {
      expect(Array.isArray(msg.tool_calls), `${p}.tool_calls`, 'an array', msg.tool_calls);
      (msg.tool_calls as unknown[]).forEach((tc, j) => {
        const q = `${p}.tool_calls[${j}]`;
        expect(isObj(tc), q, 'an object', tc);
        const fn = (tc as Record<string, unknown>).function;
        expect(isObj(fn), `${q}.function`, 'an object', fn);
        const f = fn as Record<string, unknown>;
        expect(typeof f.name === 'string', `${q}.function.name`, 'a string', f.name);
        expect(typeof f.arguments === 'string', `${q}.function.arguments`, 'a string', f.arguments);
      });
    }
  }
}

function validateTools(body: Record<string, unknown>): void {
  const tools = body.tools;
  if (tools !== undefined && tools !== null) {
    expect(Array.isArray(tools), 'tools', 'an array', tools);
    (tools as unknown[]).forEach((t, i) => {
      const p = `tools[${i}]`;
      expect(isObj(t), p, 'an object', t);
      const fn = (t as Record<string, unknown>).function;
      expect(isObj(fn), `${p}.function`, 'an object', fn);
      const f = fn as Record<string, unknown>;
      expect(typeof f.name === 'string', `${p}.function.name`, 'a string', f.name);
      if (f.parameters !== undefined)
        expect(isObj(f.parameters), `${p}.function.parameters`, 'an object', f.parameters);
    });
  }
  const tc = body.tool_choice;
  if (tc === undefined || tc === null) return;
  if (typeof tc === 'string') {
    if (!TOOL_CHOICES.has(tc))
      throw invalidRequest(`Invalid value for 'tool_choice': '${tc}'.`, 'tool_choice');
    return;
  }
  expect(isObj(tc), 'tool_choice', 'a string or an object', tc);
  const fn = (tc as Record<string, unknown>).function;
  expect(
    isObj(fn) && typeof (fn as Record<string, unknown>).name === 'string',
    'tool_choice.function.name',
    'a string',
    fn,
  );
}

function validateResponseFormat(rf: unknown): void {
  if (rf === undefined || rf === null) return;
  expect(isObj(rf), 'response_format', 'an object', rf);
  const t = (rf as Record<string, unknown>).type;
  if (typeof t !== 'string' || !RESPONSE_FORMATS.has(t)) {
    throw invalidRequest("Invalid value for 'response_format.type'.", 'response_format.type');
  }
  if (t === 'json_schema') {
    const js = (rf as Record<string, unknown>).json_schema;
    expect(isObj(js), 'response_format.json_schema', 'an object', js);
  }
}

/** Validates a chat completion body in place and returns it typed. Throws a 400 GatewayError naming the field. */
export function validateChatRequest(body: unknown): ChatCompletionRequest {
  if (!isObj(body)) throw invalidRequest('The request body must be a JSON object.', null, 'invalid_body');
  validateModel(body);
  validateMessages(body.messages);
  optBoolean(body, 'stream');
  if (body.stream_options !== undefined && body.stream_options !== null) {
    expect(isObj(body.stream_options), 'stream_options', 'an object', body.stream_options);
    const iu = (body.stream_options as Record<string, unknown>).include_usage;
    if (iu !== undefined) expect(typeof iu === 'boolean', 'stream_options.include_usage', 'a boolean', iu);
  }
  optNumber(body, 'temperature', 0, 2);
  optNumber(body, 'top_p', 0, 1);
  optNumber(body, 'presence_penalty', -2, 2);
  optNumber(body, 'frequency_penalty', -2, 2);
  optInteger(body, 'max_tokens', 1);
  optInteger(body, 'max_completion_tokens', 1);
  optInteger(body, 'n', 1);
  optInteger(body, 'seed');
  optInteger(body, 'random_seed');
  optBoolean(body, 'safe_prompt');
  optBoolean(body, 'parallel_tool_calls');
  const stop = body.stop;
  if (stop !== undefined && stop !== null && typeof stop !== 'string') {
    expect(
      Array.isArray(stop) && stop.every((s) => typeof s === 'string'),
      'stop',
      'a string or an array of strings',
      stop,
    );
  }
  if (body.user !== undefined) expect(typeof body.user === 'string', 'user', 'a string', body.user);
  validateTools(body);
  validateResponseFormat(body.response_format);
  return body as unknown as ChatCompletionRequest;
}

/** Validates an embeddings body; accepts Mistral's `inputs` spelling too. */
export function validateEmbeddingRequest(body: unknown): EmbeddingRequest {
  if (!isObj(body)) throw invalidRequest('The request body must be a JSON object.', null, 'invalid_body');
  validateModel(body);
  if (body.input === undefined && body.inputs !== undefined) {
    body.input = body.inputs;
    delete body.inputs;
  }
  const input = body.input;
  const ok =
    (typeof input === 'string' && input.length > 0) ||
    (Array.isArray(input) &&
      input.length > 0 &&
      (input.every((x) => typeof x === 'string') ||
        input.every((x) => Number.isInteger(x)) ||
        input.every((x) => Array.isArray(x) && x.every((y) => Number.isInteger(y)))));
  if (!ok) {
    throw invalidRequest(
      "Invalid value for 'input': expected a non-empty string, array of strings, or token arrays.",
      'input',
      'invalid_type',
    );
  }
  if (
    body.encoding_format !== undefined &&
    body.encoding_format !== 'float' &&
    body.encoding_format !== 'base64'
  ) {
    throw invalidRequest(
      "Invalid value for 'encoding_format': expected 'float' or 'base64'.",
      'encoding_format',
    );
  }
  optInteger(body, 'dimensions', 1);
  if (body.output_dimension !== undefined && body.dimensions === undefined)
    body.dimensions = body.output_dimension;
  return body as unknown as EmbeddingRequest;
}
