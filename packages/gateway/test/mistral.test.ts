import { describe, expect, it } from 'vitest';
import {
  fromMistralChunk,
  fromMistralCompletion,
  toMistralChat,
  toMistralEmbeddings,
  toMistralToolCallId,
} from '../src/providers/mistral-mapping.js';
import { normaliseErrorBody, upstreamError } from '../src/providers/upstream-errors.js';
import type { ChatCompletionRequest } from '../src/types/openai.js';

describe('Mistral request mapping', () => {
  const req: ChatCompletionRequest = {
    model: 'mistral-small-latest',
    seed: 42,
    max_completion_tokens: 100,
    tool_choice: 'required',
    user: 'u-1',
    logit_bias: { 1: 2 },
    stream_options: { include_usage: true },
    safe_prompt: true,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Fès?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_abc123XYZ_long', type: 'function', function: { name: 'w', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_abc123XYZ_long', name: 'w', content: 'sunny' },
    ],
  };
  const out = toMistralChat(req);

  it('renames seed to random_seed and max_completion_tokens to max_tokens', () => {
    expect(out.random_seed).toBe(42);
    expect(out.seed).toBeUndefined();
    expect(out.max_tokens).toBe(100);
  });

  it("maps tool_choice 'required' to Mistral's 'any' and keeps safe_prompt and response_format", () => {
    expect(out.tool_choice).toBe('any');
    expect(out.safe_prompt).toBe(true);
    expect(out.response_format).toEqual({ type: 'json_object' });
  });

  it('drops fields Mistral rejects (user, logit_bias, stream_options)', () => {
    expect(Object.keys(out)).not.toContain('user');
    expect(Object.keys(out)).not.toContain('logit_bias');
    expect(Object.keys(out)).not.toContain('stream_options');
  });

  it('sends developer messages as system messages', () => {
    expect((out.messages as { role: string }[])[0]?.role).toBe('system');
  });

  it('maps foreign tool-call ids to 9 alphanumerics, identically on the call and on its result', () => {
    const msgs = out.messages as Record<string, unknown>[];
    const callId = (msgs[2]!.tool_calls as { id: string }[])[0]?.id;
    expect(callId).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(msgs[3]?.tool_call_id).toBe(callId);
    expect(msgs[2]?.content).toBe('');
  });

  it('keeps ids that are already valid for Mistral, so its own ids round-trip unchanged', () => {
    expect(toMistralToolCallId('aB3dE6gH9')).toBe('aB3dE6gH9');
    expect(toMistralToolCallId('call_1')).toBe(toMistralToolCallId('call_1'));
    expect(toMistralToolCallId('call_1')).not.toBe(toMistralToolCallId('call_2'));
  });

  it('accepts a random_seed sent by Mistral SDK clients', () => {
    expect(toMistralChat({ ...req, seed: undefined, random_seed: 7 }).random_seed).toBe(7);
  });

  it('maps embeddings dimensions to output_dimension', () => {
    expect(toMistralEmbeddings({ model: 'mistral-embed', input: ['a'], dimensions: 256 })).toEqual({
      model: 'mistral-embed',
      input: ['a'],
      output_dimension: 256,
    });
  });
});

describe('Mistral response mapping', () => {
  it('normalises usage and finish reasons, flattens chunked content', () => {
    const c = fromMistralCompletion({
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: [{ type: 'text', text: 'Salam' }] },
          finish_reason: 'model_length',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, prompt_audio_seconds: null },
    });
    expect(c.choices[0]?.message.content).toBe('Salam');
    expect(c.choices[0]?.finish_reason).toBe('length');
    expect(c.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  });

  it('gives streamed tool calls an index and string arguments', () => {
    const chunk = fromMistralChunk({
      id: 'x',
      model: 'm',
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ id: 'aB3dE6gH9', function: { name: 'w', arguments: { city: 'Rabat' } } }] },
          finish_reason: null,
        },
      ],
    });
    const tc = chunk.choices[0]?.delta.tool_calls?.[0];
    expect(tc).toMatchObject({
      index: 0,
      id: 'aB3dE6gH9',
      function: { name: 'w', arguments: '{"city":"Rabat"}' },
    });
  });
});

describe('Upstream error normalisation', () => {
  it("reads Mistral's {object:'error'} bodies", () => {
    expect(
      normaliseErrorBody(
        '{"object":"error","message":"Bad key","type":"invalid_request_error","param":null,"code":"1000"}',
      ),
    ).toEqual({
      message: 'Bad key',
      param: null,
      code: '1000',
    });
  });

  it('turns 422 detail arrays into an OpenAI param path', () => {
    const body =
      '{"detail":[{"type":"missing","loc":["body","messages",0,"content"],"msg":"Field required"}]}';
    expect(normaliseErrorBody(body)).toEqual({
      message: 'Field required',
      param: 'messages[0].content',
      code: 'missing',
    });
  });

  it('reads detail arrays wrapped in a Mistral error message', () => {
    const body = JSON.stringify({
      object: 'error',
      message: {
        detail: [{ type: 'extra_forbidden', loc: ['body', 'seed'], msg: 'Extra inputs are not permitted' }],
      },
      type: 'invalid_request_message_error',
    });
    expect(normaliseErrorBody(body)).toMatchObject({
      message: 'Extra inputs are not permitted',
      param: 'seed',
    });
  });

  it('classifies statuses: 429 and 5xx retryable, 401 falls back, 422 becomes a client 400', () => {
    expect(upstreamError('p', 429, '{}', { 'retry-after': '2' }).headers).toEqual({ 'retry-after': '2' });
    expect(upstreamError('p', 429, '{}', { 'retry-after': '2' })).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(upstreamError('p', 503, 'oops', {})).toMatchObject({ status: 502, retryable: true });
    expect(upstreamError('p', 401, '{}', {})).toMatchObject({
      status: 502,
      retryable: false,
      fallback: true,
    });
    const e = upstreamError('p', 422, '{"detail":[{"loc":["body","temperature"],"msg":"too high"}]}', {});
    expect(e).toMatchObject({ status: 400, retryable: false, fallback: false, param: 'temperature' });
    expect(e.toJSON().error.type).toBe('invalid_request_error');
  });
});
