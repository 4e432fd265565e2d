import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../src/audit/chain.js';
import { Gateway } from '../src/gateway.js';
import type { ChatGuard } from '../src/routing/guard.js';
import type { ModelConfig } from '../src/routing/router.js';
import { MemoryUsageSink } from '../src/usage/meter.js';
import { collect, e400, e429, e500, eTimeout, FakeProvider, info, type Step } from './helpers.js';

const fast = { backoff: { baseMs: 1, maxMs: 2 }, breaker: { failureThreshold: 3, cooldownMs: 60_000 } };

function setup(
  a: Step[],
  b: Step[] = ['ok'],
  opts: { guard?: ChatGuard; models?: ModelConfig[]; router?: object } = {},
) {
  const pa = new FakeProvider(info('a'), a);
  const pb = new FakeProvider(info('b', 'EU'), b);
  const sink = new MemoryUsageSink();
  const audit = new MemoryAuditStore();
  const gw = new Gateway({
    providers: [],
    adapters: new Map([
      ['a', pa],
      ['b', pb],
    ]),
    models: opts.models ?? [
      {
        id: 'chat',
        targets: [
          { provider: 'a', model: 'ma', weight: 1000 },
          { provider: 'b', model: 'mb', weight: 0.001 },
        ],
      },
    ],
    router: { ...fast, random: () => 0.5, ...opts.router },
    guard: opts.guard,
    usageSink: sink,
    auditStore: audit,
  });
  return { gw, pa, pb, sink, audit };
}

const ask = (stream = false) => ({
  model: 'chat',
  stream,
  messages: [{ role: 'user' as const, content: 'salam' }],
});
const json = (r: Awaited<ReturnType<Gateway['chat']>>) => JSON.parse(r.stream ? '' : r.json);

describe('Router: retries and fallback', () => {
  it('retries the same target once after a 5xx, then answers', async () => {
    const { gw, pa, pb } = setup([e500(), 'ok']);
    const r = json(await gw.chat(ask(), { requestId: 'r1' }));
    expect(r.choices[0].message.content).toBe('from a');
    expect(pa.calls).toBe(2);
    expect(pb.calls).toBe(0);
  });

  it('falls back to the next target when the first keeps failing', async () => {
    const { gw, pa, pb, sink } = setup([e500()]);
    const r = json(await gw.chat(ask(), { requestId: 'r2' }));
    expect(r.choices[0].message.content).toBe('from b');
    expect(r.model).toBe('chat');
    expect(pa.calls).toBe(2);
    expect(pb.calls).toBe(1);
    await gw.usage.flush();
    expect(sink.records).toHaveLength(1);
    expect(sink.records[0]).toMatchObject({ provider: 'b', upstreamModel: 'mb', attempts: 3, status: 'ok' });
  });

  it('waits for a short Retry-After on 429 and moves on when it is too long', async () => {
    const short = setup([e429(5), 'ok']);
    await short.gw.chat(ask(), { requestId: 'x' });
    expect(short.pa.calls).toBe(2);
    const long = setup([e429(60_000)]);
    const r = json(await long.gw.chat(ask(), { requestId: 'y' }));
    expect(long.pa.calls).toBe(1);
    expect(r.choices[0].message.content).toBe('from b');
  });

  it('does not retry a timed-out target when another target exists', async () => {
    const { gw, pa, pb } = setup([eTimeout()]);
    await gw.chat(ask(), { requestId: 't' });
    expect(pa.calls).toBe(1);
    expect(pb.calls).toBe(1);
  });

  it("never retries the client's own mistakes (400) and returns them unchanged", async () => {
    const { gw, pa, pb } = setup([e400()]);
    await expect(gw.chat(ask(), { requestId: 'b' })).rejects.toMatchObject({
      status: 400,
      param: 'temperature',
    });
    expect(pa.calls + pb.calls).toBe(1);
  });

  it('reports the last upstream error when every target fails', async () => {
    const { gw } = setup([e500()], [e500()]);
    await expect(gw.chat(ask(), { requestId: 'f' })).rejects.toMatchObject({
      status: 502,
      code: 'upstream_error',
    });
  });

  it('retries a stream that fails before its first chunk, but not one that fails mid-way', async () => {
    const before = setup(['stream-fail-first', 'stream-ok']);
    const r = await before.gw.chat(ask(true), { requestId: 's1' });
    expect(r.stream && (await collect(r.frames))).toContain('[DONE]');
    expect(before.pa.calls).toBe(2);

    const mid = setup(['stream-fail-mid', 'stream-ok']);
    const r2 = await mid.gw.chat(ask(true), { requestId: 's2' });
    const text = r2.stream ? await collect(r2.frames) : '';
    expect(text).toContain('"code":"upstream_stream_truncated"');
    expect(text).not.toContain('[DONE]');
    expect(mid.pa.calls).toBe(1);
    await mid.gw.usage.flush();
    expect((mid.gw.usage as unknown as { sink: MemoryUsageSink }).sink.records).toHaveLength(1);
  });
});

describe('Router: weights, cooldown and health', () => {
  it('spreads traffic by weight', async () => {
    let i = 0;
    const seq = [0.1, 0.9, 0.3, 0.7, 0.5, 0.2, 0.8, 0.4, 0.6, 0.05];
    const { gw, pa, pb } = setup(['ok'], ['ok'], {
      models: [
        {
          id: 'chat',
          targets: [
            { provider: 'a', model: 'ma', weight: 3 },
            { provider: 'b', model: 'mb', weight: 1 },
          ],
        },
      ],
      router: { random: () => seq[i++ % seq.length]! },
    });
    for (let n = 0; n < 40; n++) await gw.chat(ask(), { requestId: `w${n}` });
    expect(pa.calls).toBeGreaterThan(pb.calls);
    expect(pb.calls).toBeGreaterThan(0);
  });

  it('cools a target down after repeated failures and skips it while cooling', async () => {
    const { gw, pa } = setup([e500()], ['ok'], { router: { retriesPerTarget: 0 } });
    for (let n = 0; n < 3; n++) await gw.chat(ask(), { requestId: `c${n}` });
    expect(pa.calls).toBe(3);
    const health = gw.health();
    expect(health.find((h) => h.provider === 'a')).toMatchObject({
      state: 'cooldown',
      consecutiveFailures: 3,
    });
    expect(health.find((h) => h.provider === 'b')).toMatchObject({ state: 'healthy' });
    await gw.chat(ask(), { requestId: 'c4' });
    expect(pa.calls).toBe(3);
  });

  it('lets a single probe through once the cooldown has passed, and closes on success', async () => {
    const { gw, pa } = setup([e500(), e500(), e500(), 'ok'], ['ok'], {
      router: { retriesPerTarget: 0, breaker: { failureThreshold: 3, cooldownMs: 20 } },
    });
    for (let n = 0; n < 3; n++) await gw.chat(ask(), { requestId: `p${n}` });
    await new Promise((r) => setTimeout(r, 30));
    const r = json(await gw.chat(ask(), { requestId: 'probe' }));
    expect(r.choices[0].message.content).toBe('from a');
    expect(pa.calls).toBe(4);
    expect(gw.health().find((h) => h.provider === 'a')?.state).toBe('healthy');
  });
});

describe('ChatGuard hook', () => {
  const guard: ChatGuard = {
    plan(req) {
      return {
        dataClass: 'personal',
        forTarget: (p) =>
          p.location === 'MA'
            ? { allowed: false, reason: 'test refusal' }
            : {
                allowed: true,
                body: { ...req, messages: [{ role: 'user', content: 'PERSON_1 asks' }] },
                decision: 'pseudonymised',
                legalBasis: 'loi-09-08 art. 43',
                restorer: () => {
                  let buf = '';
                  return {
                    // Holds text back like a real restorer waiting for a whole placeholder.
                    push: (s: string) => {
                      buf += s;
                      return '';
                    },
                    flush: () => buf.replaceAll('from b', 'from Youssef'),
                  };
                },
              },
      };
    },
  };

  it('skips refused targets, sends the rewritten body, restores the answer and audits the decision', async () => {
    const { gw, pa, pb, audit } = setup(['ok'], ['ok'], { guard });
    const r = json(await gw.chat(ask(), { requestId: 'g1', keyId: 'k1', orgId: 'o1' }));
    expect(pa.calls).toBe(0);
    expect(pb.bodies[0]?.messages[0]?.content).toBe('PERSON_1 asks');
    expect(r.choices[0].message.content).toBe('from Youssef');
    await gw.audit.flush();
    expect(audit.entries[0]).toMatchObject({
      provider: 'b',
      destinationCountry: 'EU',
      decision: 'pseudonymised',
      legalBasis: 'loi-09-08 art. 43',
      dataClass: 'personal',
      actor: { keyId: 'k1', orgId: 'o1' },
    });
    expect(JSON.stringify(audit.entries[0])).not.toContain('salam');
  });

  it('restores streamed deltas too, flushing held-back text before the finish chunk', async () => {
    const { gw } = setup(['ok'], ['stream-ok'], { guard });
    const r = await gw.chat(ask(true), { requestId: 'g2' });
    const text = r.stream ? await collect(r.frames) : '';
    const content = text
      .split('\n\n')
      .filter((l) => l.startsWith('data: {'))
      .map((l) => JSON.parse(l.slice(6)).choices[0]?.delta?.content ?? '')
      .join('');
    expect(content).toBe('from Youssef');
    expect(text.indexOf('from Youssef')).toBeLessThan(text.indexOf('"finish_reason":"stop"'));
  });

  it('answers 403 policy_refused when the guard refuses every target', async () => {
    const refuseAll: ChatGuard = {
      plan: () => ({ dataClass: 'sensitive', forTarget: () => ({ allowed: false, reason: 'health data' }) }),
    };
    const { gw, pa, pb, audit } = setup(['ok'], ['ok'], { guard: refuseAll });
    await expect(gw.chat(ask(), { requestId: 'g3' })).rejects.toMatchObject({
      status: 403,
      code: 'policy_refused',
    });
    expect(pa.calls + pb.calls).toBe(0);
    await gw.audit.flush();
    expect(audit.entries[0]).toMatchObject({ decision: 'refused', dataClass: 'sensitive' });
  });
});
