import { randomBytes } from 'node:crypto';
import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';
import { awayFromMinuteBoundary, dropSchema, uniqueSchema } from './helpers.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.info('REDIS_URL is not set: the Redis variant of the quota suite is skipped.');

const LIMITERS = [
  { name: 'the in-process limiter', enabled: true, env: {} as NodeJS.ProcessEnv },
  {
    name: 'Redis',
    enabled: Boolean(REDIS_URL),
    env: {
      REDIS_URL,
      KHIDMA_REDIS_PREFIX: `khidma-test:${randomBytes(6).toString('hex')}:`,
    } as NodeJS.ProcessEnv,
  },
];

for (const limiter of LIMITERS) {
  describe.skipIf(!limiter.enabled)(`quotas through the HTTP API on ${limiter.name}`, () => {
    let t: TestApp;
    let upstream: MockUpstream;

    beforeAll(async () => {
      upstream = await startMockUpstream();
      t = await createTestApp({
        env: limiter.env,
        config: {
          providers: [{ id: 'local', type: 'openai-compatible', baseUrl: upstream.url, location: 'MA' }],
          models: [{ id: 'chat', targets: [{ provider: 'local', model: 'm' }] }],
          prices: { 'local/m': { inputPer1M: 100_000, outputPer1M: 100_000 } },
        },
      });
    });
    afterAll(async () => {
      await t?.close();
      await upstream?.close();
    });

    const chat = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: { authorization: `Bearer ${key}` },
        payload: {
          model: 'chat',
          messages: [{ role: 'user', content: 'Bghit n3ref lwatha2iq dyal lbasbor' }],
        },
      });

    it('answers 429 with Retry-After and x-ratelimit headers once a key reaches its requests per minute', async () => {
      const { key } = await t.createKey({ org: 'rpm-org', limits: { rpm: 2 } });
      await awayFromMinuteBoundary();
      const first = await chat(key);
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-ratelimit-limit-requests']).toBe('2');
      expect((await chat(key)).statusCode).toBe(200);
      const third = await chat(key);
      expect(third.statusCode).toBe(429);
      expect(third.json().error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.headers['x-ratelimit-remaining-requests']).toBe('0');
    });

    it('shares an organisation limit between its keys', async () => {
      const org = await t.ctx.orgs.create({ name: 'Shared', slug: 'shared-org', limits: { rpm: 1 } });
      const k1 = await t.createKey({ org: org.slug });
      const k2 = await t.createKey({ org: org.slug });
      await awayFromMinuteBoundary();
      expect((await chat(k1.key)).statusCode).toBe(200);
      const denied = await chat(k2.key);
      expect(denied.statusCode).toBe(429);
      expect(denied.json().error.message).toContain('organisation');
    });

    it('stops a key at its monthly budget in MAD', async () => {
      const { key } = await t.createKey({ org: 'budget-org', limits: { monthlyBudgetMad: 0.5 } });
      expect((await chat(key)).statusCode).toBe(200);
      // Charging happens right after the response; give it a moment on Redis.
      await new Promise((r) => setTimeout(r, 50));
      const denied = await chat(key);
      expect(denied.statusCode).toBe(429);
      expect(denied.json().error.code).toBe('budget_exceeded');
    });

    it('does not limit the master token', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await chat(t.adminToken);
        expect(res.statusCode).toBe(200);
      }
    });
  });
}

describe.skipIf(!REDIS_URL || !process.env.DATABASE_URL)(
  'quotas shared by two instances through Redis',
  () => {
    const schema = uniqueSchema('quota2');
    const env = {
      REDIS_URL,
      KHIDMA_REDIS_PREFIX: `khidma-test:${randomBytes(6).toString('hex')}:`,
    } as NodeJS.ProcessEnv;
    let a: TestApp;
    let b: TestApp;
    let upstream: MockUpstream;

    beforeAll(async () => {
      upstream = await startMockUpstream();
      const config = {
        providers: [
          { id: 'local', type: 'openai-compatible' as const, baseUrl: upstream.url, location: 'MA' },
        ],
        models: [{ id: 'chat', targets: [{ provider: 'local', model: 'm' }] }],
      };
      const database = { url: process.env.DATABASE_URL, schema };
      a = await createTestApp({ env, config, database });
      b = await createTestApp({ env, config, database });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await upstream?.close();
      await dropSchema(schema);
    });

    it('counts requests made on either instance against one limit', async () => {
      const { key } = await a.createKey({ org: 'multi', limits: { rpm: 3 } });
      await awayFromMinuteBoundary();
      const call = (app: TestApp) =>
        app.app.inject({
          method: 'POST',
          url: '/v1/chat/completions',
          headers: { authorization: `Bearer ${key}` },
          payload: { model: 'chat', messages: [{ role: 'user', content: 'Salam' }] },
        });
      expect((await call(a)).statusCode).toBe(200);
      expect((await call(b)).statusCode).toBe(200);
      expect((await call(a)).statusCode).toBe(200);
      const denied = await call(b);
      expect(denied.statusCode).toBe(429);
      expect(denied.headers['retry-after']).toBeDefined();
    });
  },
);
