import { GatewayError } from '../src/errors.js';
import type { CallOptions, ChatResult, ProviderAdapter } from '../src/providers/types.js';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../src/types/openai.js';

export type Step =
  | 'ok'
  | 'stream-ok'
  | 'stream-fail-first'
  | 'stream-fail-mid'
  | GatewayError
  | (() => never);

export function completion(content: string, model = 'up'): ChatCompletion {
  return {
    id: 'c1',
    object: 'chat.completion',
    created: 1,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  };
}

const chunk = (
  delta: ChatCompletionChunk['choices'][number]['delta'],
  finish: string | null = null,
): ChatCompletionChunk => ({
  id: 's1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'up',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

async function* chunks(parts: string[], failAt?: number): AsyncGenerator<ChatCompletionChunk> {
  for (let i = 0; i < parts.length; i++) {
    if (failAt === i)
      throw new GatewayError(502, 'upstream closed', { code: 'upstream_stream_truncated', retryable: true });
    yield chunk({ content: parts[i] });
  }
  yield chunk({}, 'stop');
  yield { ...chunk({}), choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } };
}

/** A provider whose answers follow a script; records every body it receives. */
export class FakeProvider implements ProviderAdapter {
  readonly bodies: ChatCompletionRequest[] = [];
  calls = 0;
  constructor(
    readonly info: ProviderAdapter['info'],
    private readonly steps: Step[],
    private readonly content = `from ${info.id}`,
  ) {}
  async chat(body: ChatCompletionRequest, opts: CallOptions): Promise<ChatResult> {
    this.bodies.push(body);
    const step = this.steps[Math.min(this.calls, this.steps.length - 1)] ?? 'ok';
    this.calls++;
    if (opts.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    if (step instanceof GatewayError) throw step;
    if (typeof step === 'function') step();
    if (step === 'ok') return { type: 'completion', completion: completion(this.content) };
    const parts = [this.content.slice(0, 3), this.content.slice(3)];
    if (step === 'stream-fail-first') return { type: 'stream', chunks: chunks(parts, 0) };
    if (step === 'stream-fail-mid') return { type: 'stream', chunks: chunks(parts, 1) };
    return { type: 'stream', chunks: chunks(parts) };
  }
  async embeddings(): Promise<never> {
    throw new Error('not used');
  }
  async close() {}
}

export const info = (id: string, location = 'MA') => ({ id, type: 'fake', location, dataClasses: [] });
export const e500 = () => new GatewayError(502, 'boom', { code: 'upstream_error', retryable: true });
export const e429 = (ms?: number) =>
  new GatewayError(429, 'slow down', { code: 'upstream_rate_limited', retryable: true, retryAfterMs: ms });
export const eTimeout = () => new GatewayError(504, 'timeout', { code: 'upstream_timeout', retryable: true });
export const e400 = () => new GatewayError(400, 'bad temperature', { param: 'temperature' });

export async function collect(frames: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const f of frames) s += f;
  return s;
}
