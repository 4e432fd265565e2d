import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../src/audit/chain.js';
import { Gateway } from '../src/gateway.js';
import type { ChatGuard } from '../src/routing/guard.js';
import { MemoryUsageSink } from '../src/usage/meter.js';
import { e400, FakeProvider, info, type Step } from './helpers.js';

function gateway(guard?: ChatGuard, onError?: (e: unknown) => void, steps: Step[] = ['ok']) {
  const sink = new MemoryUsageSink();
  const audit = new MemoryAuditStore();
  const gw = new Gateway({
    providers: [],
    adapters: new Map([['p', new FakeProvider(info('p'), steps)]]),
    models: [{ id: 'chat', targets: [{ provider: 'p', model: 'up' }] }],
    usageSink: sink,
    auditStore: audit,
    ...(guard ? { guard } : {}),
    ...(onError ? { audit: { onError } } : {}),
  });
  return { gw, sink, audit };
}

const req = { model: 'chat', messages: [{ role: 'user' as const, content: 'salam' }] };

describe('Deferred accounting (ADR 0062)', () => {
  it('close() right after a complete answer still writes its usage record and audit entry', async () => {
    const { gw, sink, audit } = gateway();
    const r = await gw.chat(req, { requestId: 'r1' });
    expect(r.stream).toBe(false);
    await gw.close();
    expect(sink.records.map((x) => x.requestId)).toEqual(['r1']);
    expect(audit.entries.map((e) => e.requestId)).toEqual(['r1']);
  });

  // A guard may work out the data class and the answer's PII check lazily (the privacy guard does):
  // if that throws, the request must still leave one usage record and one audit entry, and the error
  // the client gets must stay the request's own.
  const brokenGuard: ChatGuard = {
    plan(req) {
      return {
        get dataClass(): never {
          throw new Error('detector failed');
        },
        forTarget: () => ({ allowed: true, body: req, decision: 'allowed', legalBasis: 'x' }),
        onResponseText() {
          throw new Error('detector failed');
        },
      };
    },
  };

  it('records usage and audit once even when the guard throws while the request settles', async () => {
    const errors: unknown[] = [];
    const { gw, sink, audit } = gateway(brokenGuard, (e) => errors.push(e));
    await gw.chat(req, { requestId: 'ok' });
    const s = await gw.chat({ ...req, stream: true }, { requestId: 'st' });
    if (s.stream) for await (const _ of s.frames);
    await gw.usage.flush();
    await gw.audit.flush();
    expect(sink.records.map((x) => x.requestId).sort()).toEqual(['ok', 'st']);
    expect(audit.entries.map((e) => e.requestId).sort()).toEqual(['ok', 'st']);
    expect(audit.entries.every((e) => e.dataClass === 'unknown')).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('keeps the upstream error when the guard throws while a failed request settles', async () => {
    const { gw, sink, audit } = gateway(brokenGuard, () => {}, [e400()]);
    await expect(gw.chat(req, { requestId: 'bad' })).rejects.toMatchObject({ status: 400 });
    await gw.usage.flush();
    await gw.audit.flush();
    expect(sink.records.map((x) => x.requestId)).toEqual(['bad']);
    expect(audit.entries.map((e) => e.requestId)).toEqual(['bad']);
  });
});
