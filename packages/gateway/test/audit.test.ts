import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/audit/canonical.js';
import { AuditChain, hashEntry, MemoryAuditStore } from '../src/audit/chain.js';
import type { AuditEntry, AuditInput } from '../src/audit/types.js';
import { verifyChain } from '../src/audit/verify.js';

const input = (i: number): AuditInput => ({
  requestId: `req-${i}`,
  actor: { keyId: 'key-1', orgId: 'org-1' },
  endpoint: 'chat.completions',
  model: 'chat',
  provider: i % 2 ? 'mistral' : 'local',
  destinationCountry: i % 2 ? 'EU' : 'MA',
  decision: 'allowed',
  legalBasis: 'not_assessed',
  dataClass: 'internal',
  status: 'ok',
});

async function chainOf(n: number): Promise<AuditEntry[]> {
  const store = new MemoryAuditStore();
  const chain = new AuditChain(store);
  for (let i = 1; i <= n; i++) chain.record(input(i));
  await chain.close();
  return store.entries.map((e) => structuredClone(e));
}

describe('Audit chain', () => {
  it('numbers entries from 1 and links each to the previous hash', async () => {
    const entries = await chainOf(5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prevHash).toBe('0'.repeat(64));
    expect(entries[3]?.prevHash).toBe(entries[2]?.hash);
    expect(verifyChain(entries)).toMatchObject({ ok: true, count: 5 });
  });

  it('continues an existing chain after a restart', async () => {
    const store = new MemoryAuditStore();
    const first = new AuditChain(store);
    first.record(input(1));
    await first.close();
    const second = new AuditChain(store);
    second.record(input(2));
    await second.close();
    expect(store.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(verifyChain(store.entries).ok).toBe(true);
  });

  it('names an edited entry', async () => {
    const entries = await chainOf(6);
    entries[3]!.destinationCountry = 'US';
    expect(verifyChain(entries)).toMatchObject({
      ok: false,
      firstBad: { seq: 4, index: 3, problem: 'edited' },
    });
  });

  it('detects an entry rewritten with a recomputed hash at the next link', async () => {
    const entries = await chainOf(6);
    entries[2]!.provider = 'openai';
    entries[2]!.hash = hashEntry(entries[2]!);
    expect(verifyChain(entries)).toMatchObject({
      ok: false,
      firstBad: { seq: 4, problem: 'deleted_or_reordered' },
    });
  });

  it('names the entry after a deleted one', async () => {
    const entries = await chainOf(6);
    entries.splice(2, 1);
    expect(verifyChain(entries)).toMatchObject({
      ok: false,
      firstBad: { seq: 4, index: 2, problem: 'deleted_or_reordered' },
    });
  });

  it('detects reordered entries', async () => {
    const entries = await chainOf(6);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBad: { seq: 3, index: 1 } });
  });

  it('detects a deleted first entry', async () => {
    const entries = await chainOf(3);
    expect(verifyChain(entries.slice(1))).toMatchObject({
      ok: false,
      firstBad: { seq: 2, problem: 'bad_genesis' },
    });
  });

  it('hashes canonical JSON, so key order in storage does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 'ⵣ' })).toBe('{"b":"ⵣ"}');
  });

  it('never stores prompt text (entries carry only metadata fields)', async () => {
    const [e] = await chainOf(1);
    expect(Object.keys(e!).sort()).toEqual(
      [
        'actor',
        'dataClass',
        'decision',
        'destinationCountry',
        'endpoint',
        'flags',
        'hash',
        'legalBasis',
        'model',
        'prevHash',
        'provider',
        'requestId',
        'seq',
        'status',
        'ts',
      ].sort(),
    );
  });

  it('keeps order and retries after a failed write', async () => {
    let fail = true;
    const store = new MemoryAuditStore();
    const flaky = {
      head: () => store.head(),
      append: async (e: AuditEntry[]) => {
        if (fail) throw new Error('db down');
        await store.append(e);
      },
    };
    const chain = new AuditChain(flaky);
    chain.record(input(1));
    chain.record(input(2));
    await chain.flush();
    expect(store.entries).toHaveLength(0);
    fail = false;
    chain.record(input(3));
    await chain.close();
    expect(store.entries.map((e) => e.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
    expect(verifyChain(store.entries).ok).toBe(true);
  });
});

describe('Audit canonical fast path', () => {
  it('produces exactly the generic canonical JSON for entries of the standard shape', async () => {
    const { fastAuditCanonical } = await import('../src/audit/fast-canonical.js');
    const entries = await chainOf(4);
    entries[1]!.flags = ['unexpected_pii:CIN', 'x"y\\\\ⵣ'];
    entries[2]!.actor = { keyId: null, orgId: 'org "quoted" مغرب' };
    entries[3]!.provider = null;
    for (const e of entries) {
      const { hash: _h, ...rest } = e;
      expect(fastAuditCanonical(e as unknown as Record<string, unknown>)).toBe(canonicalJson(rest));
    }
  });

  it('declines entries of any other shape so the generic path hashes them', async () => {
    const { fastAuditCanonical } = await import('../src/audit/fast-canonical.js');
    const [e] = await chainOf(1);
    expect(fastAuditCanonical({ ...e!, extra: 1 } as unknown as Record<string, unknown>)).toBeNull();
    expect(fastAuditCanonical({ ...e!, seq: 1.5 } as unknown as Record<string, unknown>)).toBeNull();
    expect(fastAuditCanonical({ ...e!, model: undefined } as unknown as Record<string, unknown>)).toBeNull();
    expect(
      fastAuditCanonical({ ...e!, actor: { keyId: 'k', orgId: 'o', role: 'x' } } as unknown as Record<
        string,
        unknown
      >),
    ).toBeNull();
  });
});
