import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../src/audit/chain.js';
import { Gateway } from '../src/gateway.js';
import type { ChatGuard } from '../src/routing/guard.js';
import { MemoryUsageSink } from '../src/usage/meter.js';
import { FakeProvider, info } from './helpers.js';

function gateway(guard?: ChatGuard, onError?: (e: unknown) => void) {
  const sink = new MemoryUsageSink();
  const audit = new MemoryAuditStore();
  const gw = new Gateway({
    providers: [],
    adapters: new Map([['p', new FakeProvider(info('p'), ['ok'])]]),
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
});
