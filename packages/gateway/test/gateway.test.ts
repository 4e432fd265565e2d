import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../src/audit/chain.js';
import { Gateway, type VirtualModel } from '../src/gateway.js';
import { MemoryRateLimiter } from '../src/quota/memory.js';
import type { ChatCompletionChunk } from '../src/types/openai.js';
import { MemoryUsageSink } from '../src/usage/meter.js';
import { collect, completion, FakeProvider, info } from './helpers.js';

const assistant: VirtualModel = {
  id: 'khidma-assistant',
  ownedBy: 'khidma',
  async chat(req) {
    if (req.stream) {
      async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
        for (const piece of ['Salam', ' khouya']) {
          yield {
            id: 'v',
            object: 'chat.completion.chunk',
            created: 1,
            model: 'x',
            choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
          };
        }
        yield {
          id: 'v',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'x',
          choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        };
      }
      return { type: 'stream', chunks: chunks() };
    }
    return { type: 'completion', completion: completion('Salam khouya', 'x') };
  },
};

function gateway(extra: Partial<ConstructorParameters<typeof Gateway>[0]> = {}) {
  const sink = new MemoryUsageSink();
  const audit = new MemoryAuditStore();
  const gw = new Gateway({
    providers: [],
    adapters: new Map([['p', new FakeProvider(info('p'), ['ok'])]]),
    models: [{ id: 'chat', targets: [{ provider: 'p', model: 'up' }] }],
    virtualModels: [assistant],
    usageSink: sink,
    auditStore: audit,
    prices: { 'p/up': { inputPerMTokMad: 1_000, outputPerMTokMad: 2_000 } },
    ...extra,
  });
  return { gw, sink, audit };
}

describe('Gateway facade', () => {
  it('lists routed and virtual models in OpenAI shape', () => {
    const { gw } = gateway();
    expect(gw.listModels().map((m) => [m.id, m.object, m.owned_by])).toEqual([
      ['chat', 'model', 'khidma'],
      ['khidma-assistant', 'model', 'khidma'],
    ]);
    expect(gw.getModel('nope')).toBeUndefined();
  });

  it('answers 404 model_not_found for unknown models without recording usage', async () => {
    const { gw, sink } = gateway();
    await expect(
      gw.chat({ model: 'gpt-x', messages: [{ role: 'user', content: 'x' }] }, { requestId: 'n' }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
    await gw.usage.flush();
    expect(sink.records).toHaveLength(0);
  });

  it('serves a virtual model to streaming clients when it answers in one piece', async () => {
    const whole: VirtualModel = {
      ...assistant,
      chat: (req) => assistant.chat({ ...req, stream: false }, { requestId: 'i' }),
    };
    const { gw } = gateway({ virtualModels: [whole] });
    const r = await gw.chat(
      { model: 'khidma-assistant', stream: true, messages: [{ role: 'user', content: 'x' }] },
      { requestId: 'v1' },
    );
    const text = r.stream ? await collect(r.frames) : '';
    expect(text).toContain('"content":"Salam khouya"');
    expect(text).toContain('"model":"khidma-assistant"');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('aggregates a streaming virtual model for non-streaming clients', async () => {
    const vm: VirtualModel = {
      ...assistant,
      chat: (req) => assistant.chat({ ...req, stream: true }, { requestId: 'i' }),
    };
    const { gw } = gateway({ virtualModels: [vm] });
    const r = await gw.chat(
      { model: 'khidma-assistant', messages: [{ role: 'user', content: 'x' }] },
      { requestId: 'v2' },
    );
    const json = JSON.parse(r.stream ? '' : r.json);
    expect(json.choices[0].message.content).toBe('Salam khouya');
    expect(json.object).toBe('chat.completion');
  });

  it('prices usage in MAD and charges it to the quota subject', async () => {
    const limiter = new MemoryRateLimiter();
    const { gw, sink } = gateway({ limiter });
    const quota = { keyId: 'k', orgId: 'o', org: { monthlyBudgetMad: 0.015 } };
    await gw.chat(
      { model: 'chat', messages: [{ role: 'user', content: 'x' }] },
      { requestId: 'c1', keyId: 'k', orgId: 'o', quota },
    );
    await gw.usage.flush();
    // 5 prompt tokens × 1000 MAD/M + 2 completion × 2000 MAD/M = 0.009 MAD
    expect(sink.records[0]?.costMad).toBeCloseTo(0.009, 6);
    await gw.chat(
      { model: 'chat', messages: [{ role: 'user', content: 'x' }] },
      { requestId: 'c2', keyId: 'k', orgId: 'o', quota },
    );
    await expect(
      gw.chat(
        { model: 'chat', messages: [{ role: 'user', content: 'x' }] },
        { requestId: 'c3', keyId: 'k', orgId: 'o', quota },
      ),
    ).rejects.toMatchObject({ status: 429, code: 'budget_exceeded' });
  });

  it('records a client_aborted row when a stream is abandoned before it started', async () => {
    const { gw, sink } = gateway({ adapters: new Map([['p', new FakeProvider(info('p'), ['stream-ok'])]]) });
    const r = await gw.chat(
      { model: 'chat', stream: true, messages: [{ role: 'user', content: 'x' }] },
      { requestId: 'a1' },
    );
    if (r.stream) {
      r.finish();
      r.finish();
    }
    await gw.usage.flush();
    expect(sink.records.map((x) => [x.requestId, x.status])).toEqual([['a1', 'client_aborted']]);
  });
});
