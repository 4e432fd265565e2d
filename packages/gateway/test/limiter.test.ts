import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../src/quota/memory.js';
import { RedisRateLimiter } from '../src/quota/redis.js';
import type { QuotaSubject, RateLimiter } from '../src/quota/types.js';

const T0 = Date.UTC(2026, 10, 27, 10, 0, 5); // 5 s into a minute

function contract(name: string, make: () => RateLimiter) {
  describe(`${name} limiter`, () => {
    const sub = (over: Partial<QuotaSubject> = {}): QuotaSubject => ({
      keyId: `k-${Math.random().toString(36).slice(2)}`,
      orgId: `o-${Math.random().toString(36).slice(2)}`,
      ...over,
    });

    it('allows everything when no limit is set, without headers', async () => {
      const d = await make().check(sub(), { tokens: 10 }, T0);
      expect(d).toEqual({ allowed: true, headers: {} });
    });

    it('denies the request over requests-per-minute with Retry-After and x-ratelimit headers', async () => {
      const l = make();
      const s = sub({ key: { requestsPerMinute: 2 } });
      const first = await l.check(s, { tokens: 1 }, T0);
      expect(first.headers).toMatchObject({
        'x-ratelimit-limit-requests': '2',
        'x-ratelimit-remaining-requests': '1',
      });
      expect((await l.check(s, { tokens: 1 }, T0)).allowed).toBe(true);
      const d = await l.check(s, { tokens: 1 }, T0 + 1000);
      expect(d).toMatchObject({
        allowed: false,
        limit: 'requests_per_minute',
        scope: 'key',
        retryAfterSeconds: 54,
      });
      expect(d.headers).toMatchObject({
        'retry-after': '54',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '54s',
      });
      expect((await l.check(s, { tokens: 1 }, T0 + 60_000)).allowed).toBe(true);
    });

    it('charges actual tokens after the fact and denies once the minute is used up', async () => {
      const l = make();
      const s = sub({ key: { tokensPerMinute: 100 } });
      expect((await l.check(s, { tokens: 500 }, T0)).allowed).toBe(true); // a lone big request may pass
      await l.charge(s, { tokens: 90, costMad: 0 }, T0);
      const d = await l.check(s, { tokens: 20 }, T0);
      expect(d).toMatchObject({ allowed: false, limit: 'tokens_per_minute' });
      expect(d.headers['x-ratelimit-remaining-tokens']).toBe('10');
      expect((await l.check(s, { tokens: 5 }, T0)).allowed).toBe(true);
    });

    it('enforces the organisation limit across its keys', async () => {
      const l = make();
      const orgId = `o-${Math.random()}`;
      const a = sub({ orgId, org: { tokensPerDay: 50 } });
      const b = sub({ orgId, org: { tokensPerDay: 50 } });
      await l.charge(a, { tokens: 50, costMad: 0 }, T0);
      expect(await l.check(b, { tokens: 1 }, T0 + 3_600_000)).toMatchObject({
        allowed: false,
        scope: 'org',
        limit: 'tokens_per_day',
      });
    });

    it('stops an organisation at its monthly budget in MAD', async () => {
      const l = make();
      const s = sub({ org: { monthlyBudgetMad: 1.5 } });
      await l.charge(s, { tokens: 10, costMad: 1.5 }, T0);
      const d = await l.check(s, { tokens: 1 }, T0);
      expect(d).toMatchObject({ allowed: false, limit: 'monthly_budget_mad' });
      expect(d.headers['x-ratelimit-remaining-budget-mad']).toBe('0.00');
      const nextMonth = Date.UTC(2026, 11, 1, 0, 0, 1);
      expect((await l.check(s, { tokens: 1 }, nextMonth)).allowed).toBe(true);
    });

    it('does not count a denied request against the request limit', async () => {
      const l = make();
      const s = sub({ key: { requestsPerMinute: 5, tokensPerMinute: 10 } });
      await l.charge(s, { tokens: 10, costMad: 0 }, T0);
      for (let i = 0; i < 3; i++) expect((await l.check(s, { tokens: 1 }, T0)).allowed).toBe(false);
      const d = await l.check(s, { tokens: 0 }, T0 + 60_000);
      expect(d.headers['x-ratelimit-remaining-requests']).toBe('4');
    });
  });
}

contract('memory', () => new MemoryRateLimiter());

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log('Redis limiter suite skipped: REDIS_URL is not set');
describe.skipIf(!REDIS_URL)('Redis limiter (shared across instances)', () => {
  const client = REDIS_URL ? new Redis(REDIS_URL, { lazyConnect: true }) : null;
  const prefix = `khidma-test:${process.pid}:${Date.now()}:`;
  afterAll(async () => {
    if (!client) return;
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
    client.disconnect();
  });
  contract('redis', () => new RedisRateLimiter(client!, { keyPrefix: prefix }));

  it('shares one budget between two limiter instances (two gateway processes)', async () => {
    const a = new RedisRateLimiter(client!, { keyPrefix: prefix });
    const b = new RedisRateLimiter(client!, { keyPrefix: prefix });
    const s: QuotaSubject = { keyId: 'shared-key', key: { requestsPerMinute: 3 } };
    const results = await Promise.all([a, b, a, b, a, b].map((l) => l.check(s, { tokens: 1 }, T0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('keeps only its own prefixed keys, each with an expiry', async () => {
    const l = new RedisRateLimiter(client!, { keyPrefix: prefix });
    await l.check({ keyId: 'ttl', key: { requestsPerMinute: 1 } }, { tokens: 1 });
    const keys = await client!.keys(`${prefix}key:ttl:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(await client!.pttl(k)).toBeGreaterThan(0);
  });
});

describe('MemoryRateLimiter.restore (usage recorded before a restart)', () => {
  const day = Date.UTC(2026, 10, 27, 12, 0, 0);
  it('counts restored tokens against the day and restored spend against the month, not the minute', async () => {
    const limiter = new MemoryRateLimiter();
    limiter.restore({ keyId: 'k', orgId: 'o' }, { tokensToday: 900, costMadThisMonth: 4 }, day);
    const subject: QuotaSubject = {
      keyId: 'k',
      orgId: 'o',
      key: { tokensPerDay: 1_000, tokensPerMinute: 1_000 },
      org: { monthlyBudgetMad: 4 },
    };
    expect(await limiter.check(subject, { tokens: 200 }, day)).toMatchObject({
      allowed: false,
      limit: 'tokens_per_day',
      scope: 'key',
    });
    expect(
      await limiter.check({ ...subject, key: { tokensPerMinute: 1_000 } }, { tokens: 200 }, day),
    ).toMatchObject({
      allowed: false,
      limit: 'monthly_budget_mad',
      scope: 'org',
    });
    expect(
      await limiter.check({ keyId: 'k', key: { tokensPerMinute: 1_000 } }, { tokens: 200 }, day),
    ).toMatchObject({ allowed: true });
  });

  it('lets restored daily tokens expire with the day', async () => {
    const limiter = new MemoryRateLimiter();
    limiter.restore({ keyId: 'k' }, { tokensToday: 900, costMadThisMonth: 0 }, day);
    const tomorrow = day + 24 * 3600_000;
    const d = await limiter.check({ keyId: 'k', key: { tokensPerDay: 1_000 } }, { tokens: 200 }, tomorrow);
    expect(d.allowed).toBe(true);
  });
});
