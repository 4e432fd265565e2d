import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Gateway } from '../src/gateway.js';
import { type MockUpstream, startMockUpstream } from '../src/testing.js';
import { MemoryUsageSink } from '../src/usage/meter.js';
import { collect } from './helpers.js';

let oa: MockUpstream;
let mi: MockUpstream;
let gw: Gateway;
let sink: MemoryUsageSink;

beforeAll(async () => {
  oa = await startMockUpstream();
  mi = await startMockUpstream({ flavor: 'mistral' });
  sink = new MemoryUsageSink();
  gw = new Gateway({
    providers: [
      {
        id: 'local',
        type: 'openai-compatible',
        baseUrl: oa.url,
        location: 'MA',
        timeouts: { connectMs: 500 },
      },
      { id: 'mistral', type: 'mistral', baseUrl: mi.url, apiKey: 'sk-test', location: 'EU' },
      { id: 'dead', type: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1', location: 'MA' },
    ],
    models: [
      { id: 'chat', targets: [{ provider: 'local', model: 'qwen2.5:7b', timeouts: { headersMs: 300 } }] },
      { id: 'mchat', targets: [{ provider: 'mistral', model: 'mistral-small-latest' }] },
      {
        id: 'resilient',
        targets: [
          { provider: 'dead', model: 'x', weight: 1e6 },
          { provider: 'local', model: 'qwen2.5:7b', weight: 1e-6, timeouts: { headersMs: 300 } },
        ],
      },
      { id: 'embed', targets: [{ provider: 'mistral', model: 'mistral-embed' }] },
    ],
    usageSink: sink,
    router: { backoff: { baseMs: 1, maxMs: 5 } },
  });
});
afterAll(async () => {
  await gw.close();
  await oa.close();
  await mi.close();
});
beforeEach(() => {
  oa.reset();
  mi.reset();
  sink.records.length = 0;
});

const user = (content: string) => [{ role: 'user' as const, content }];
const dataEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((l) => l.startsWith('data: {'))
    .map((l) => JSON.parse(l.slice(6)));

describe('OpenAI-compatible adapter over HTTP', () => {
  it('passes tools, tool_choice, response_format and seed through unchanged', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
      },
    ];
    const r = await gw.chat(
      {
        model: 'chat',
        messages: user('hi'),
        tools,
        tool_choice: 'auto',
        seed: 9,
        response_format: { type: 'json_object' },
      },
      { requestId: 'p1' },
    );
    const body = oa.requests[0]!.body!;
    expect(body).toMatchObject({
      model: 'qwen2.5:7b',
      tools,
      tool_choice: 'auto',
      seed: 9,
      response_format: { type: 'json_object' },
    });
    const json = JSON.parse(r.stream ? '' : r.json);
    expect(json.choices[0].message.tool_calls[0].function).toEqual({
      name: 'lookup',
      arguments: '{"q":"Rabat"}',
    });
    expect(json.choices[0].finish_reason).toBe('tool_calls');
  });

  it('sends max_completion_tokens as max_tokens to local OpenAI-compatible servers', async () => {
    await gw.chat({ model: 'chat', max_completion_tokens: 64, messages: user('x') }, { requestId: 'p-max' });
    expect(oa.requests[0]!.body).toMatchObject({ max_tokens: 64 });
    expect(oa.requests[0]!.body!.max_completion_tokens).toBeUndefined();
  });

  it('always asks upstream for stream usage, and hides the usage chunk from clients who did not ask', async () => {
    const r = await gw.chat(
      { model: 'chat', stream: true, messages: user('salam labas') },
      { requestId: 'p2' },
    );
    const text = r.stream ? await collect(r.frames) : '';
    expect(oa.requests[0]!.body!.stream_options).toEqual({ include_usage: true });
    expect(text).not.toContain('"usage"');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    await gw.usage.flush();
    expect(sink.records.find((x) => x.requestId === 'p2')).toMatchObject({
      usageSource: 'provider',
      promptTokens: 7,
      status: 'ok',
      stream: true,
    });
  });

  it('emits a final usage chunk with empty choices when the client asks for it', async () => {
    const r = await gw.chat(
      { model: 'chat', stream: true, stream_options: { include_usage: true }, messages: user('salam') },
      { requestId: 'p3' },
    );
    const events = dataEvents(r.stream ? await collect(r.frames) : '');
    const last = events.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage.total_tokens).toBeGreaterThan(0);
    expect(events.slice(0, -1).every((e) => e.usage === undefined)).toBe(true);
  });

  it('turns a slow upstream into a 504 upstream_timeout', async () => {
    oa.script({ delayMs: 3_000, times: 2 });
    await expect(
      gw.chat({ model: 'chat', messages: user('slow') }, { requestId: 'p4' }),
    ).rejects.toMatchObject({
      status: 504,
      code: 'upstream_timeout',
    });
  });

  it('falls back from an unreachable provider (connection refused) to a live one', async () => {
    const r = await gw.chat({ model: 'resilient', messages: user('hello') }, { requestId: 'p5' });
    expect(JSON.parse(r.stream ? '' : r.json).choices[0].message.content).toBe('You said: hello');
    await gw.usage.flush();
    expect(sink.records.find((x) => x.requestId === 'p5')).toMatchObject({ provider: 'local', attempts: 3 });
  });

  it('reports a mid-stream disconnect in-band and records usage exactly once', async () => {
    oa.script({ disconnectAfterChunks: 1, content: 'one two three four five six seven eight nine ten' });
    const r = await gw.chat({ model: 'chat', stream: true, messages: user('x') }, { requestId: 'p6' });
    const text = r.stream ? await collect(r.frames) : '';
    expect(text).toContain('"error"');
    expect(text).not.toContain('[DONE]');
    if (r.stream) r.finish();
    await gw.usage.flush();
    const rows = sink.records.filter((x) => x.requestId === 'p6');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'error', errorCode: 'upstream_connect_error' });
  });

  it('propagates a client abort to the upstream and records a client_aborted row', async () => {
    const slow = await startMockUpstream({ chunkDelayMs: 50, content: 'a b c d e f g h i j k l m n o p' });
    const g = new Gateway({
      providers: [{ id: 's', type: 'openai-compatible', baseUrl: slow.url, location: 'MA' }],
      models: [{ id: 'chat', targets: [{ provider: 's', model: 'm' }] }],
      usageSink: sink,
    });
    const ac = new AbortController();
    const r = await g.chat(
      { model: 'chat', stream: true, messages: user('x') },
      { requestId: 'p7', signal: ac.signal },
    );
    let n = 0;
    if (r.stream) {
      for await (const _ of r.frames) {
        if (++n === 2) ac.abort();
      }
      r.finish();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(slow.aborted).toBe(1);
    await g.close();
    await slow.close();
    expect(n).toBeLessThan(6);
    expect(sink.records.filter((x) => x.requestId === 'p7')).toEqual([
      expect.objectContaining({ status: 'client_aborted' }),
    ]);
  });
});

describe('Guard restorers on streamed tool calls', () => {
  it('restores pseudonyms inside streamed tool-call arguments, flushing held-back text before finish', async () => {
    const g = new Gateway({
      providers: [{ id: 'local', type: 'openai-compatible', baseUrl: oa.url, location: 'MA' }],
      models: [{ id: 'chat', targets: [{ provider: 'local', model: 'm' }] }],
      guard: {
        plan: (req) => ({
          dataClass: 'personal',
          forTarget: () => ({
            allowed: true,
            body: req,
            decision: 'pseudonymised',
            legalBasis: 'test',
            restorer: () => {
              let held = '';
              return {
                push: (t: string) => {
                  held += t;
                  return '';
                },
                flush: () => held.replaceAll('Rabat', 'Casablanca'),
              };
            },
          }),
        }),
      },
    });
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'f', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      },
    ];
    const r = await g.chat(
      { model: 'chat', stream: true, tools, messages: user('x') },
      { requestId: 'g-tools' },
    );
    const events = dataEvents(r.stream ? await collect(r.frames) : '');
    const args = events
      .flatMap((e) => e.choices[0]?.delta?.tool_calls ?? [])
      .map((t: { function?: { arguments?: string } }) => t.function?.arguments ?? '')
      .join('');
    expect(JSON.parse(args)).toEqual({ city: 'Casablanca' });
    const finishAt = events.findIndex((e) => e.choices[0]?.finish_reason);
    expect(events.slice(finishAt + 1).some((e) => e.choices[0]?.delta?.tool_calls)).toBe(false);
    await g.close();
  });
});

describe('Mistral adapter over HTTP (strict Mistral mock)', () => {
  it('sends random_seed, tool_choice any and 9-character tool ids that Mistral accepts', async () => {
    const r = await gw.chat(
      {
        model: 'mchat',
        seed: 1,
        tool_choice: 'required',
        tools: [
          {
            type: 'function',
            function: {
              name: 'weather',
              parameters: { type: 'object', properties: { city: { type: 'string' } } },
            },
          },
        ],
        messages: [
          { role: 'user', content: 'weather?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_9f8e7d6c5b4a', type: 'function', function: { name: 'weather', arguments: '{}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_9f8e7d6c5b4a', content: 'sunny' },
          { role: 'user', content: 'and tomorrow?' },
        ],
      },
      { requestId: 'm1' },
    );
    expect(r.stream).toBe(false);
    const body = mi.requests[0]!.body!;
    expect(body).toMatchObject({ random_seed: 1, tool_choice: 'any' });
    expect(body.seed).toBeUndefined();
    expect(mi.requests[0]!.headers.authorization).toBe('Bearer sk-test');
  });

  it("normalises Mistral's 422 validation errors to an OpenAI 400 naming the field", async () => {
    mi.script({ status: 422 });
    await expect(gw.chat({ model: 'mchat', messages: user('x') }, { requestId: 'm2' })).rejects.toMatchObject(
      { status: 400 },
    );
  });

  it('streams with usage taken from the final Mistral chunk', async () => {
    const r = await gw.chat(
      { model: 'mchat', stream: true, stream_options: { include_usage: true }, messages: user('salam') },
      { requestId: 'm3' },
    );
    const events = dataEvents(r.stream ? await collect(r.frames) : '');
    expect(mi.requests[0]!.body!.stream_options).toBeUndefined();
    expect(events.at(-1).usage).toMatchObject({ prompt_tokens: 6, completion_tokens: 3 });
    expect(events.map((e) => e.choices[0]?.delta?.content ?? '').join('')).toBe('You said: salam');
  });

  it('serves embeddings with OpenAI shape and the public model name', async () => {
    const r = await gw.embeddings(
      { model: 'embed', input: ['سلام', 'azul'], dimensions: 4 },
      { requestId: 'm4' },
    );
    const json = JSON.parse(r.json);
    expect(json).toMatchObject({ object: 'list', model: 'embed' });
    expect(json.data).toHaveLength(2);
    expect(json.data[1].embedding).toHaveLength(4);
    expect(mi.requests[0]!.body).toMatchObject({ output_dimension: 4 });
  });
});
