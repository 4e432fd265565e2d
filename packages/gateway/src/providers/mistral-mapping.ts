import { createHash } from 'node:crypto';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatMessage,
  EmbeddingRequest,
  EmbeddingResponse,
  Usage,
} from '../types/openai.js';

/**
 * Pure mapping between OpenAI's chat protocol and Mistral's (La Plateforme). Kept apart from the
 * transport so every difference is unit-testable.
 */

/** Fields Mistral's chat endpoint accepts; anything else is dropped because Mistral rejects extras. */
const MISTRAL_CHAT_FIELDS = new Set([
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

const MISTRAL_ID = /^[a-zA-Z0-9]{9}$/;
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Mistral only accepts 9-character alphanumeric tool-call ids. Ids already in that form pass through
 * unchanged (so ids Mistral generated round-trip exactly); any other id maps deterministically to one,
 * which keeps an assistant `tool_calls[].id` and the matching tool `tool_call_id` paired without state.
 */
export function toMistralToolCallId(id: string): string {
  if (MISTRAL_ID.test(id)) return id;
  const digest = createHash('sha256').update(id).digest();
  let out = '';
  for (let i = 0; i < 9; i++) out += B62[digest[i]! % 62];
  return out;
}

function mapMessage(m: ChatMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    role: m.role === 'developer' ? 'system' : m.role,
    content: m.content,
  };
  if (m.name !== undefined && m.role === 'tool') out.name = m.name;
  if (m.tool_call_id !== undefined) out.tool_call_id = toMistralToolCallId(m.tool_call_id);
  if (m.tool_calls && m.tool_calls.length > 0) {
    out.tool_calls = m.tool_calls.map((tc) => ({
      id: toMistralToolCallId(tc.id),
      type: 'function',
      function: { name: tc.function.name, arguments: tc.function.arguments },
    }));
    if (out.content === null) out.content = '';
  }
  if (m.prefix !== undefined) out.prefix = m.prefix;
  return out;
}

export function toMistralChat(body: ChatCompletionRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    if (MISTRAL_CHAT_FIELDS.has(key) && body[key] !== undefined) out[key] = body[key];
  }
  out.messages = body.messages.map(mapMessage);
  const seed = body.random_seed ?? body.seed;
  if (seed !== undefined && seed !== null) out.random_seed = seed;
  const maxTokens = body.max_tokens ?? body.max_completion_tokens;
  if (maxTokens !== undefined && maxTokens !== null) out.max_tokens = maxTokens;
  if (body.tool_choice === 'required') out.tool_choice = 'any';
  return out;
}

export function normaliseUsage(u: unknown): Usage | undefined {
  if (typeof u !== 'object' || u === null) return undefined;
  const r = u as Record<string, unknown>;
  const prompt = typeof r.prompt_tokens === 'number' ? r.prompt_tokens : 0;
  const completion = typeof r.completion_tokens === 'number' ? r.completion_tokens : 0;
  const total = typeof r.total_tokens === 'number' ? r.total_tokens : prompt + completion;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
}

const FINISH: Record<string, string> = { model_length: 'length', error: 'stop' };
const finish = (r: unknown): string | null =>
  typeof r === 'string' ? (FINISH[r] ?? r) : r === null || r === undefined ? null : String(r);

/** Mistral content may be an array of chunks (text, thinking…): flatten the text parts. */
function flattenContent(c: unknown): string | null {
  if (typeof c === 'string' || c === null || c === undefined) return (c as string | null) ?? null;
  if (Array.isArray(c)) {
    return c.map((p) => (p && typeof p === 'object' && typeof p.text === 'string' ? p.text : '')).join('');
  }
  return String(c);
}

function mapToolCalls(tcs: unknown): ChatCompletion['choices'][number]['message']['tool_calls'] {
  if (!Array.isArray(tcs) || tcs.length === 0) return undefined;
  return tcs.map((tc: Record<string, unknown>) => {
    const fn = (tc.function ?? {}) as Record<string, unknown>;
    const args = fn.arguments;
    return {
      id: String(tc.id ?? ''),
      type: 'function' as const,
      function: {
        name: String(fn.name ?? ''),
        arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
      },
    };
  });
}

export function fromMistralCompletion(json: Record<string, unknown>): ChatCompletion {
  const choices = Array.isArray(json.choices) ? json.choices : [];
  const out: ChatCompletion = {
    id: String(json.id ?? ''),
    object: 'chat.completion',
    created: typeof json.created === 'number' ? json.created : Math.floor(Date.now() / 1000),
    model: String(json.model ?? ''),
    choices: choices.map((c: Record<string, unknown>, i: number) => {
      const msg = (c.message ?? {}) as Record<string, unknown>;
      const toolCalls = mapToolCalls(msg.tool_calls);
      const message: ChatCompletion['choices'][number]['message'] = {
        role: 'assistant',
        content: flattenContent(msg.content),
      };
      if (toolCalls) message.tool_calls = toolCalls;
      return {
        index: typeof c.index === 'number' ? c.index : i,
        message,
        finish_reason: finish(c.finish_reason) ?? 'stop',
      };
    }),
  };
  const usage = normaliseUsage(json.usage);
  if (usage) out.usage = usage;
  return out;
}

export function fromMistralChunk(json: Record<string, unknown>): ChatCompletionChunk {
  const choices = Array.isArray(json.choices) ? json.choices : [];
  const out: ChatCompletionChunk = {
    id: String(json.id ?? ''),
    object: 'chat.completion.chunk',
    created: typeof json.created === 'number' ? json.created : Math.floor(Date.now() / 1000),
    model: String(json.model ?? ''),
    choices: choices.map((c: Record<string, unknown>, i: number) => {
      const d = (c.delta ?? {}) as Record<string, unknown>;
      const delta: ChatCompletionChunk['choices'][number]['delta'] = {};
      if (d.role === 'assistant') delta.role = 'assistant';
      if (d.content !== undefined) delta.content = flattenContent(d.content);
      if (Array.isArray(d.tool_calls) && d.tool_calls.length > 0) {
        delta.tool_calls = d.tool_calls.map((tc: Record<string, unknown>, j: number) => {
          const fn = (tc.function ?? {}) as Record<string, unknown>;
          const args = fn.arguments;
          return {
            index: typeof tc.index === 'number' ? tc.index : j,
            id: tc.id === undefined ? undefined : String(tc.id),
            type: 'function' as const,
            function: {
              name: fn.name === undefined ? undefined : String(fn.name),
              arguments:
                typeof args === 'string' ? args : args === undefined ? undefined : JSON.stringify(args),
            },
          };
        });
      }
      return {
        index: typeof c.index === 'number' ? c.index : i,
        delta,
        finish_reason: finish(c.finish_reason),
      };
    }),
  };
  const usage = normaliseUsage(json.usage);
  if (usage) out.usage = usage;
  return out;
}

export function toMistralEmbeddings(body: EmbeddingRequest): Record<string, unknown> {
  const out: Record<string, unknown> = { model: body.model, input: body.input };
  if (body.encoding_format === 'float') out.encoding_format = 'float';
  const dim = body.dimensions ?? body.output_dimension;
  if (dim !== undefined) out.output_dimension = dim;
  if (body.output_dtype !== undefined) out.output_dtype = body.output_dtype;
  return out;
}

export function fromMistralEmbeddings(json: Record<string, unknown>): EmbeddingResponse {
  const usage = normaliseUsage(json.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  return {
    id: typeof json.id === 'string' ? json.id : undefined,
    object: 'list',
    data: (Array.isArray(json.data) ? json.data : []).map((d: Record<string, unknown>, i: number) => ({
      object: 'embedding' as const,
      index: typeof d.index === 'number' ? d.index : i,
      embedding: d.embedding as number[],
    })),
    model: String(json.model ?? ''),
    usage: { prompt_tokens: usage.prompt_tokens, total_tokens: usage.total_tokens },
  };
}
