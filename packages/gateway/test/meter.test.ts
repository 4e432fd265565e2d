import { describe, expect, it } from 'vitest';
import { MemoryUsageSink, UsageMeter, type UsageRecord } from '../src/usage/meter.js';
import { Pricer } from '../src/usage/prices.js';

const rec = (i: number): UsageRecord => ({
  requestId: `r${i}`,
  ts: new Date(0).toISOString(),
  keyId: 'k',
  orgId: 'o',
  endpoint: 'chat.completions',
  model: 'chat',
  provider: 'p',
  upstreamModel: 'm',
  stream: false,
  status: 'ok',
  httpStatus: 200,
  errorCode: null,
  promptTokens: 1,
  completionTokens: 1,
  totalTokens: 2,
  usageSource: 'provider',
  costMad: 0,
  latencyMs: 1,
  ttftMs: 1,
  attempts: 1,
});

describe('Usage meter', () => {
  it('writes in batches, never on the request path', async () => {
    const batches: number[] = [];
    const meter = new UsageMeter(
      { write: async (r) => void batches.push(r.length) },
      { batchSize: 3, flushIntervalMs: 60_000 },
    );
    meter.record(rec(1));
    meter.record(rec(2));
    expect(batches).toEqual([]);
    meter.record(rec(3));
    await meter.flush();
    meter.record(rec(4));
    await meter.close();
    expect(batches).toEqual([3, 1]);
  });

  it('splits a flush into short sequential writes so no single write blocks for long', async () => {
    const batches: number[] = [];
    const meter = new UsageMeter(
      { write: async (r) => void batches.push(r.length) },
      { writeChunkSize: 2, flushIntervalMs: 60_000 },
    );
    for (let i = 0; i < 5; i++) meter.record(rec(i));
    await meter.close();
    expect(batches).toEqual([2, 2, 1]);
  });

  it('keeps records when the sink fails and writes them on the next flush', async () => {
    let fail = true;
    const sink = new MemoryUsageSink();
    const errors: unknown[] = [];
    const meter = new UsageMeter(
      {
        write: async (r) => {
          if (fail) throw new Error('db down');
          await sink.write(r);
        },
      },
      { flushIntervalMs: 60_000, onError: (e) => errors.push(e) },
    );
    meter.record(rec(1));
    await meter.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    meter.record(rec(2));
    await meter.close();
    expect(sink.records.map((r) => r.requestId)).toEqual(['r1', 'r2']);
  });
});

describe('Price table in MAD', () => {
  const p = new Pricer({
    'mistral/mistral-small-latest': { inputPerMTokMad: 1, outputPerMTokMad: 3 },
    'gpt-4o-mini': { inputPerMTokMad: 1.5, outputPerMTokMad: 6 },
    'local/*': { inputPerMTokMad: 0.1, outputPerMTokMad: 0.1 },
    chat: { inputPerMTokMad: 9, outputPerMTokMad: 9 },
  });
  it('prices by provider/model, by upstream model, by public model, then by prefix', () => {
    expect(p.cost('mistral', 'mistral-small-latest', 1_000_000, 1_000_000)).toBe(4);
    expect(p.cost('openai', 'gpt-4o-mini', 2_000_000, 0)).toBe(3);
    expect(p.cost('vllm', 'qwen', 1_000_000, 0, 'chat')).toBe(9);
    expect(p.cost('local', 'qwen2.5:7b', 1_000_000, 1_000_000)).toBe(0.2);
    expect(p.cost('other', 'unknown', 1_000_000, 1_000_000)).toBe(0);
  });
});
