import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Khidma, mockConfig, startKhidma } from './sdk-harness.js';

let up: MockUpstream;
let mi: MockUpstream;
let k: Khidma;
/**
 * The Mistral SDK publishes its TypeScript sources under the `source` export condition, which the
 * repository's test typecheck enables for @khidma packages; importing it statically would typecheck the
 * SDK's own sources. It is loaded by a non-literal specifier instead, typed by the part used here.
 */
const MISTRAL_SDK: string = '@mistralai/mistralai';
type Msg = Record<string, unknown>;
interface MistralClient {
  chat: {
    complete(req: Msg): Promise<{
      choices: { message?: { content?: unknown; toolCalls?: { id?: string }[] } }[];
      usage: { totalTokens?: number };
    }>;
    stream(req: Msg): Promise<
      AsyncIterable<{
        data: {
          choices: {
            delta: {
              content?: unknown;
              toolCalls?: { id?: string; function: { name: string; arguments: unknown } }[];
            };
            finishReason?: string | null;
          }[];
          usage?: { totalTokens?: number };
        };
      }>
    >;
  };
  embeddings: { create(req: Msg): Promise<{ data: { embedding?: number[] }[] }> };
  models: { list(): Promise<{ data?: Record<string, unknown>[] }> };
}
let mistral: MistralClient;

beforeAll(async () => {
  up = await startMockUpstream();
  mi = await startMockUpstream({ flavor: 'mistral' });
  k = await startKhidma(mockConfig(up.url, mi.url));
  await k.createOrg('org-m');
  const key = await k.createKey({ org: 'org-m' });
  const { Mistral } = (await import(MISTRAL_SDK)) as { Mistral: new (o: Msg) => MistralClient };
  mistral = new Mistral({ apiKey: key.key, serverURL: k.url, retryConfig: { strategy: 'none' } });
});
afterAll(async () => {
  await k?.stop();
  await up?.close();
  await mi?.close();
});
beforeEach(() => {
  up.reset();
  mi.reset();
});

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather in a Moroccan city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('@mistralai/mistralai SDK against khidma start', () => {
  it('completes a chat on a Mistral target, passing random_seed and safe_prompt through', async () => {
    const r = await mistral.chat.complete({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'Chno homa l-watha2iq dyal l-7ala l-madaniya?' }],
      randomSeed: 11,
      safePrompt: true,
    });
    expect(r.choices[0]?.message?.content).toBe('You said: Chno homa l-watha2iq dyal l-7ala l-madaniya?');
    expect(r.usage.totalTokens).toBeGreaterThan(0);
    expect(mi.requests[0]?.body).toMatchObject({
      model: 'mistral-small-latest',
      random_seed: 11,
      safe_prompt: true,
    });
    expect(mi.requests[0]?.headers.authorization).toBe('Bearer sk-mistral-test');
  });

  it('maps random_seed to seed and tool_choice any to required on an OpenAI-compatible target', async () => {
    await mistral.chat.complete({
      model: 'chat',
      messages: [{ role: 'user', content: 'x' }],
      randomSeed: 5,
      tools: [weather],
      toolChoice: 'any',
    });
    const body = up.requests[0]?.body;
    expect(body).toMatchObject({ seed: 5, tool_choice: 'required' });
    expect(body?.random_seed).toBeUndefined();
    expect(body?.safe_prompt).toBeUndefined();
  });

  it('streams chat deltas and final usage', async () => {
    const stream = await mistral.chat.stream({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'ⴰⵣⵓⵍ' }],
    });
    let text = '';
    let total = 0;
    for await (const ev of stream) {
      const c = ev.data.choices[0]?.delta.content;
      if (typeof c === 'string') text += c;
      if (ev.data.usage) total = ev.data.usage.totalTokens ?? 0;
    }
    expect(text).toBe('You said: ⴰⵣⵓⵍ');
    expect(total).toBeGreaterThan(0);
  });

  it('streams whole tool calls to Mistral clients even when the upstream sends fragments', async () => {
    const stream = await mistral.chat.stream({
      model: 'chat',
      messages: [{ role: 'user', content: 'Taqs f Tanja?' }],
      tools: [weather],
      toolChoice: 'any',
    });
    const calls: { name: string; arguments: unknown }[] = [];
    let finish: string | null | undefined;
    for await (const ev of stream) {
      for (const tc of ev.data.choices[0]?.delta.toolCalls ?? []) calls.push(tc.function);
      finish = ev.data.choices[0]?.finishReason ?? finish;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe('get_weather');
    expect(JSON.parse(String(calls[0]?.arguments))).toEqual({ city: 'Rabat' });
    expect(finish).toBe('tool_calls');
  });

  it('round-trips a tool call with Mistral-valid ids even when history carries OpenAI ids', async () => {
    const first = await mistral.chat.complete({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'Taqs f Fès?' }],
      tools: [weather],
      toolChoice: 'any',
    });
    const call = first.choices[0]?.message?.toolCalls?.[0];
    expect(call?.id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(mi.requests[0]?.body?.tool_choice).toBe('any');
    const second = await mistral.chat.complete({
      model: 'mistral-small-latest',
      messages: [
        { role: 'user', content: 'Taqs f Fès?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'call_abc_from_openai', function: { name: 'get_weather', arguments: '{"city":"Fès"}' } },
          ],
        },
        { role: 'tool', toolCallId: 'call_abc_from_openai', name: 'get_weather', content: '24°C' },
      ],
      tools: [weather],
      toolChoice: 'none',
    });
    expect(second.choices[0]?.message?.content).toBe('Tool result received: 24°C');
  });

  it('creates embeddings with the Mistral SDK', async () => {
    const r = await mistral.embeddings.create({
      model: 'mistral-embed',
      inputs: ['رخصة السياقة', 'permis de conduire'],
    });
    expect(r.data).toHaveLength(2);
    expect(r.data[0]?.embedding?.length).toBe(8);
    expect(mi.requests[0]?.body).toMatchObject({
      model: 'mistral-embed',
      input: ['رخصة السياقة', 'permis de conduire'],
    });
  });

  it('lists models as Mistral model cards with capabilities', async () => {
    const list = await mistral.models.list();
    const chat = list.data?.find((m) => m.id === 'mistral-small-latest');
    expect(chat).toMatchObject({
      type: 'base',
      capabilities: { completionChat: true, functionCalling: true },
    });
    expect(list.data?.find((m) => m.id === 'mistral-embed')).toMatchObject({
      capabilities: { completionChat: false },
    });
  });

  it('surfaces gateway errors as Mistral SDK errors with the HTTP status', async () => {
    const err = await mistral.chat
      .complete({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(err.statusCode).toBe(404);
    expect(String(err.body ?? err.message)).toContain('model_not_found');
  });
});
