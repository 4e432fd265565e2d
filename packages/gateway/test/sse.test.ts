import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/sse/parser.js';

const STREAM =
  ': keep-alive comment\r\n' +
  'data: {"a":1}\r\n\r\n' +
  'event: message\ndata: line one\ndata: line two\n\n' +
  'data: café مرحبا ⵣ\r\r' +
  'id: 7\ndata:no-space\n\n' +
  'data: [DONE]\n\n';

const EXPECTED = ['{"a":1}', 'line one\nline two', 'café مرحبا ⵣ', 'no-space', '[DONE]'];

describe('SSE parser', () => {
  it('parses events with LF, CRLF and CR line endings, comments and multi-line data', () => {
    const p = new SseParser();
    const events = [...p.push(STREAM), ...p.end()];
    expect(events.map((e) => e.data)).toEqual(EXPECTED);
    expect(events[1]?.event).toBe('message');
    expect(events[3]?.id).toBe('7');
  });

  it('gives the same events whatever byte the network splits the stream at', () => {
    const bytes = new TextEncoder().encode(STREAM);
    for (let cut = 1; cut < bytes.length; cut++) {
      const p = new SseParser();
      const events = [...p.push(bytes.slice(0, cut)), ...p.push(bytes.slice(cut)), ...p.end()];
      expect(
        events.map((e) => e.data),
        `split at byte ${cut}`,
      ).toEqual(EXPECTED);
    }
  });

  it('survives being fed one byte at a time (multi-byte characters split mid-sequence)', () => {
    const bytes = new TextEncoder().encode(STREAM);
    const p = new SseParser();
    const events = [];
    for (const b of bytes) events.push(...p.push(new Uint8Array([b])));
    events.push(...p.end());
    expect(events.map((e) => e.data)).toEqual(EXPECTED);
  });

  it('flushes a final event that lacks the closing blank line', () => {
    const p = new SseParser();
    expect(p.push('data: tail')).toEqual([]);
    expect(p.end().map((e) => e.data)).toEqual(['tail']);
  });
});

describe('Tool-call fragments', () => {
  it('fold into whole calls by index (for clients that need them whole)', async () => {
    const { mergeToolCallDeltas } = await import('../src/routing/output.js');
    expect(
      mergeToolCallDeltas([
        { index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } },
        { index: 1, id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        { index: 0, function: { arguments: '{"city":' } },
        { index: 0, function: { arguments: '"Fès"}' } },
      ]),
    ).toEqual([
      {
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Fès"}' },
      },
      { index: 1, id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
  });
});
