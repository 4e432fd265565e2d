import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayFromMinuteBoundary } from './helpers.js';
import { type Khidma, mockConfig, startKhidma } from './sdk-harness.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log('Redis quota SDK suite skipped: REDIS_URL is not set');

describe.skipIf(!REDIS_URL)('quotas on Redis through the openai SDK', () => {
  const prefix = `khidma-sdk-test:${process.pid}:${Date.now()}:`;
  let up: MockUpstream;
  let k: Khidma;
  let redis: Redis;

  beforeAll(async () => {
    up = await startMockUpstream();
    redis = new Redis(REDIS_URL!);
    k = await startKhidma(mockConfig(up.url, up.url), { REDIS_URL, KHIDMA_REDIS_PREFIX: prefix });
    await k.createOrg('org-r');
  });
  afterAll(async () => {
    await k?.stop();
    await up?.close();
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('answers 429 with Retry-After and x-ratelimit headers once the Redis-held limit is reached', async () => {
    const key = await k.createKey({ org: 'org-r', limits: { rpm: 3 } });
    const c = new OpenAI({ apiKey: key.key, baseURL: k.baseURL, maxRetries: 0 });
    const ask = () =>
      c.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] });
    await awayFromMinuteBoundary();
    for (let i = 0; i < 3; i++) await ask();
    const err = await ask().catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number(err.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(err.headers.get('x-ratelimit-limit-requests')).toBe('3');
    expect(err.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    // The counter lives in Redis under the configured prefix (shared by every instance).
    const keys = await redis.keys(`${prefix}key:${key.id}:requests_per_minute:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis.get(keys[0]!))).toBe(3);
  });

  it('charges actual tokens to Redis and enforces tokens per minute', async () => {
    const key = await k.createKey({ org: 'org-r', limits: { tpm: 30 } });
    const c = new OpenAI({ apiKey: key.key, baseURL: k.baseURL, maxRetries: 0 });
    const long = 'kalma '.repeat(40);
    await awayFromMinuteBoundary();
    await c.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: long }] });
    await new Promise((r) => setTimeout(r, 200));
    const err = await c.chat.completions
      .create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(err.code).toBe('rate_limit_exceeded');
    expect(err.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
  });
});
