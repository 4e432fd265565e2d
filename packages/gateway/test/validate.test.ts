import { describe, expect, it } from 'vitest';
import { validateChatRequest, validateEmbeddingRequest } from '../src/validate.js';

const ok = { model: 'chat', messages: [{ role: 'user', content: 'Salam' }] };
const paramOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { status: number; param: string | null }).status === 400
      ? (e as { param: string | null }).param
      : 'not-400';
  }
  return 'no-error';
};

describe('Chat request validation', () => {
  it('accepts a minimal request and keeps unknown fields', () => {
    const body = { ...ok, metadata: { a: 1 } };
    expect(validateChatRequest(body)).toBe(body);
  });

  it.each([
    [{ ...ok, model: 3 }, 'model'],
    [{ model: 'chat' }, 'messages'],
    [{ ...ok, messages: [] }, 'messages'],
    [{ ...ok, messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    [{ ...ok, messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    [
      { ...ok, messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }] },
      'messages[0].content[0].text',
    ],
    [{ ...ok, messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].tool_call_id'],
    [{ ...ok, temperature: 'hot' }, 'temperature'],
    [{ ...ok, temperature: 3 }, 'temperature'],
    [{ ...ok, max_tokens: 1.5 }, 'max_tokens'],
    [{ ...ok, stream: 'yes' }, 'stream'],
    [{ ...ok, stream_options: { include_usage: 1 } }, 'stream_options.include_usage'],
    [{ ...ok, seed: 'x' }, 'seed'],
    [{ ...ok, stop: [1] }, 'stop'],
    [{ ...ok, tools: [{ type: 'function', function: { name: 1 } }] }, 'tools[0].function.name'],
    [{ ...ok, tool_choice: 'sometimes' }, 'tool_choice'],
    [{ ...ok, response_format: { type: 'xml' } }, 'response_format.type'],
  ])('names the bad field (%#)', (body, param) => {
    expect(paramOf(() => validateChatRequest(body))).toBe(param);
  });

  it('accepts assistant messages that carry only tool calls', () => {
    const body = {
      ...ok,
      messages: [
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
      ],
    };
    expect(() => validateChatRequest(body)).not.toThrow();
  });
});

describe('Embedding request validation', () => {
  it("accepts Mistral's `inputs` spelling", () => {
    expect(validateEmbeddingRequest({ model: 'e', inputs: ['a'] }).input).toEqual(['a']);
  });
  it('rejects empty or mixed input', () => {
    expect(paramOf(() => validateEmbeddingRequest({ model: 'e', input: '' }))).toBe('input');
    expect(paramOf(() => validateEmbeddingRequest({ model: 'e', input: ['a', 1] }))).toBe('input');
  });
});
