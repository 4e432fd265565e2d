import { GENESIS_HASH, hashEntry, MemoryRateLimiter, verifyChain } from '@khidma/gateway';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../src/auth/service.js';
import { type Database, openDatabase } from '../src/db/index.js';
import { applyMigrations } from '../src/db/migrate.js';
import { restoreQuotaUsage } from '../src/quotas.js';
import { DbAuditStore, type StoredAuditEntry } from '../src/stores/audit.js';
import { type ChainVerifier, verifyAuditLog } from '../src/stores/audit-verify.js';
import { OrgService } from '../src/stores/orgs.js';
import { UsageStore } from '../src/stores/usage.js';
import { BACKENDS, dropSchema, uniqueSchema } from './helpers.js';

/** PGlite and node-postgres both answer `execute` with `{ rows }`. */
function rowsOf<T>(res: unknown): T[] {
  return (res as { rows: T[] }).rows;
}

const verifier = verifyChain as unknown as ChainVerifier;

function chain(n: number, orgId: string): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = {
      seq: i,
      ts: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      prevHash: prev,
      requestId: `req-${i}`,
      actor: { keyId: 'key_x', orgId },
      endpoint: 'chat.completions' as const,
      model: 'chat',
      provider: i % 2 ? 'local' : 'mistral',
      destinationCountry: i % 2 ? 'MA' : 'EU',
      decision: 'allowed',
      legalBasis: 'not_assessed',
      dataClass: 'public' as const,
      status: 'ok',
      flags: [],
    };
    const hash = hashEntry(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.enabled)(`storage on ${backend.name}`, () => {
    const schema = uniqueSchema('storage');
    let db: Database;
    let orgs: OrgService;
    let auth: AuthService;
    let usage: UsageStore;
    let audit: DbAuditStore;

    beforeAll(async () => {
      db = await openDatabase(backend.options(schema));
      orgs = new OrgService(db);
      auth = new AuthService(db);
      usage = new UsageStore(db);
      audit = new DbAuditStore(db);
    });
    afterAll(async () => {
      await db?.close();
      if (backend.name === 'PostgreSQL') await dropSchema(schema);
    });

    it('applies the committed migrations once, and again is a no-op', async () => {
      await applyMigrations(db.orm, db.schema);
      const tables = await db.orm.execute(
        sql`select table_name from information_schema.tables where table_schema = ${db.schema} order by 1`,
      );
      const names = rowsOf<{ table_name: string }>(tables).map((r) => r.table_name);
      expect(names).toEqual(
        expect.arrayContaining(['api_keys', 'audit_entries', 'orgs', 'settings', 'usage_records']),
      );
    });

    it('creates organisations with unique slugs and a default one on demand', async () => {
      const def = await orgs.ensureDefault();
      expect(def.slug).toBe('default');
      const a = await orgs.create({ name: 'Ministère de la Santé', limits: { rpm: 10 } });
      expect(a.slug).toBe('ministere-de-la-sante');
      await expect(orgs.create({ name: 'x', slug: a.slug })).rejects.toMatchObject({ statusCode: 409 });
      expect((await orgs.get(a.id))?.limits.rpm).toBe(10);
    });

    it('stores only the hash of a key and resolves it to its principal until revoked', async () => {
      const org = await orgs.create({ name: 'Agence A', slug: 'agence-a' });
      const { key, info } = await auth.createKey({ orgId: org.id, name: 'k', scopes: ['chat'] });
      expect(key.startsWith(`${info.prefix}_`)).toBe(true);
      const raw = await db.orm.execute(sql`select hash, prefix from api_keys where id = ${info.id}`);
      const rows = rowsOf<{ hash: string }>(raw);
      expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(key);
      const p = await auth.authenticate(key);
      expect(p).toMatchObject({
        kind: 'key',
        keyId: info.id,
        orgId: org.id,
        role: 'member',
        scopes: ['chat'],
      });
      await auth.revokeKey(info.id);
      expect(await auth.authenticate(key)).toBeNull();
    });

    it('evicts another instance’s cached key at once when a key is revoked elsewhere (NOTIFY)', async () => {
      const other = backend.name === 'PGlite' ? db : await openDatabase(backend.options(schema));
      try {
        const org = await orgs.create({ name: 'Notify', slug: `notify-${backend.name.toLowerCase()}` });
        const instanceA = new AuthService(db, { cacheTtlMs: 600_000 });
        const stop = await instanceA.listenForChanges();
        const instanceB = new AuthService(other);
        const { key, info } = await instanceB.createKey({ orgId: org.id, name: 'k' });
        expect(await instanceA.authenticate(key)).not.toBeNull(); // now cached for 10 minutes on A
        await instanceB.revokeKey(info.id);
        await expect.poll(() => instanceA.authenticate(key), { timeout: 5000, interval: 50 }).toBeNull();
        await stop();
      } finally {
        if (other !== db) await other.close();
      }
    });

    it('refuses keys of a disabled organisation and expired keys', async () => {
      const org = await orgs.create({ name: 'Agence B', slug: 'agence-b' });
      const { key } = await auth.createKey({ orgId: org.id, name: 'k' });
      let now = Date.now();
      const clocked = new AuthService(db, { now: () => now });
      const { key: shortLived } = await clocked.createKey({
        orgId: org.id,
        name: 's',
        expiresAt: new Date(now + 1000),
      });
      expect(await clocked.authenticate(shortLived)).not.toBeNull();
      now += 2000;
      expect(await clocked.authenticate(shortLived)).toBeNull();
      await orgs.update(org.id, { disabled: true });
      auth.invalidateOrg(org.id);
      expect(await auth.authenticate(key)).toBeNull();
    });

    it('records usage once per request id and aggregates tokens and MAD', async () => {
      const base = {
        endpoint: 'chat.completions',
        status: 'ok',
        stream: false,
        orgId: 'org_u',
        keyId: 'key_u',
      };
      const rows = [
        {
          ...base,
          requestId: 'u1',
          ts: new Date('2026-11-02T10:00:00Z'),
          model: 'chat',
          promptTokens: 10,
          completionTokens: 5,
          totalTokens: 15,
          costMad: 0.5,
        },
        {
          ...base,
          requestId: 'u2',
          ts: new Date('2026-11-02T11:00:00Z'),
          model: 'chat',
          promptTokens: 20,
          completionTokens: 10,
          totalTokens: 30,
          costMad: 1.25,
        },
        {
          ...base,
          requestId: 'u3',
          ts: new Date('2026-11-03T11:00:00Z'),
          model: 'embed',
          promptTokens: 7,
          completionTokens: 0,
          totalTokens: 7,
          costMad: 0.001,
          status: 'error',
        },
      ];
      await usage.insert(rows);
      await usage.insert([rows[0]!]); // a retried batch must not double-count
      const byDay = await usage.aggregate({ orgId: 'org_u', groupBy: ['day'] });
      expect(byDay).toEqual([
        expect.objectContaining({
          day: '2026-11-02',
          requests: 2,
          total_tokens: 45,
          cost_mad: 1.75,
          errors: 0,
        }),
        expect.objectContaining({ day: '2026-11-03', requests: 1, total_tokens: 7, errors: 1 }),
      ]);
      const byModel = await usage.aggregate({ keyId: 'key_u', groupBy: ['model'] });
      expect(byModel.map((b) => b.model)).toEqual(['chat', 'embed']);
      expect(await usage.aggregate({ orgId: 'org_other' })).toEqual([
        expect.objectContaining({ requests: 0 }),
      ]);
    });

    it('restores today’s tokens and this month’s spend into a fresh in-process limiter, so a restart resets neither', async () => {
      const now = new Date();
      const earlierThisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const row = {
        endpoint: 'chat.completions',
        model: 'chat',
        status: 'ok',
        orgId: 'org_b',
        keyId: 'key_b',
      };
      await usage.insert([
        { ...row, requestId: 'b1', ts: now, costMad: 3, totalTokens: 900 },
        // Earlier this month (or today, on the 1st): its spend counts for the month only.
        { ...row, requestId: 'b0', ts: earlierThisMonth, costMad: 1, totalTokens: 0 },
      ]);
      const limiter = new MemoryRateLimiter();
      // Other tests of this suite stored usage too: at least key_b and org_b are restored.
      expect(await restoreQuotaUsage(limiter, usage, new Date(now.getTime() + 1000))).toBeGreaterThanOrEqual(
        2,
      );
      const key = await limiter.check({ keyId: 'key_b', key: { monthlyBudgetMad: 3.5 } }, { tokens: 1 });
      expect(key).toMatchObject({ allowed: false, limit: 'monthly_budget_mad' });
      const org = await limiter.check({ orgId: 'org_b', org: { monthlyBudgetMad: 5 } }, { tokens: 1 });
      expect(org.allowed).toBe(true);
      const daily = await limiter.check({ keyId: 'key_b', key: { tokensPerDay: 1000 } }, { tokens: 200 });
      expect(daily).toMatchObject({ allowed: false, limit: 'tokens_per_day' });
      // The per-minute window is not charged with the day's total.
      const minute = await limiter.check({ keyId: 'key_b', key: { tokensPerMinute: 1000 } }, { tokens: 200 });
      expect(minute.allowed).toBe(true);
    });

    it('keeps the audit chain verifiable and names the first edited, deleted or reordered entry', async () => {
      const entries = chain(25, 'org_audit');
      await audit.append(entries.slice(0, 10));
      await audit.append(entries.slice(10));
      expect(await audit.head()).toEqual({ seq: 25, hash: entries[24]!.hash });
      expect(await verifyAuditLog(audit, verifier, 7)).toMatchObject({ ok: true, checked: 25, headSeq: 25 });
      expect((await audit.list({ location: 'EU', limit: 100 })).length).toBe(12);

      // Edit a filterable column only: the copy no longer matches the hashed body.
      await db.orm.execute(sql`update audit_entries set provider = 'openai' where seq = 12`);
      expect(await verifyAuditLog(audit, verifier, 7)).toMatchObject({
        ok: false,
        firstBad: { seq: 12, problem: 'edited' },
      });
      await db.orm.execute(sql`update audit_entries set provider = 'mistral' where seq = 12`);

      // Edit the hashed body itself.
      await db.orm.execute(
        sql`update audit_entries set body = replace(body, '"allowed"', '"refused"') where seq = 9`,
      );
      expect(await verifyAuditLog(audit, verifier, 7)).toMatchObject({
        ok: false,
        firstBad: { seq: 9, problem: 'edited' },
      });
      await db.orm.execute(
        sql`update audit_entries set body = replace(body, '"refused"', '"allowed"') where seq = 9`,
      );
      expect((await verifyAuditLog(audit, verifier)).ok).toBe(true);

      // Delete one entry.
      await db.orm.execute(sql`delete from audit_entries where seq = 17`);
      expect(await verifyAuditLog(audit, verifier, 7)).toMatchObject({
        ok: false,
        firstBad: { seq: 18, problem: 'deleted_or_reordered' },
      });
    });

    it('re-chains a concurrent writer’s batch and reports a reordering of entries (swapped sequence numbers)', async () => {
      const s2 = uniqueSchema('reorder');
      const db2 = await openDatabase(
        backend.name === 'PGlite' ? { url: '', dataDir: 'memory://' } : backend.options(s2),
      );
      try {
        const store = new DbAuditStore(db2);
        await store.append(chain(6, 'org_r'));
        // A second writer (another instance) that believed the log was empty: its batch is re-chained.
        await store.append(chain(3, 'org_other_instance'));
        expect(await verifyAuditLog(store, verifier)).toMatchObject({ ok: true, checked: 9, headSeq: 9 });
        await db2.orm.execute(sql`update audit_entries set seq = -1 where seq = 3`);
        await db2.orm.execute(sql`update audit_entries set seq = 3 where seq = 4`);
        await db2.orm.execute(sql`update audit_entries set seq = 4 where seq = -1`);
        const report = await verifyAuditLog(store, verifier);
        expect(report).toMatchObject({ ok: false, firstBad: { seq: 4, problem: 'edited' } });
      } finally {
        await db2.close();
        if (backend.name === 'PostgreSQL') await dropSchema(s2);
      }
    });
  });
}
