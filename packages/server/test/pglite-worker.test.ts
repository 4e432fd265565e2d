import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteWorkerClient } from '../src/db/pglite-client.js';

describe('PgliteWorkerClient (the embedded database on its own thread)', () => {
  let db: PgliteWorkerClient;

  beforeAll(async () => {
    db = await PgliteWorkerClient.open('memory://');
    await db.exec('create table t (id int primary key, note text, at timestamptz default now())');
  });

  afterAll(async () => {
    await db.close();
  });

  it('answers queries with parameters, in object and array row modes', async () => {
    await db.query('insert into t (id, note) values ($1, $2), ($3, $4)', [1, 'un', 2, 'deux']);
    const objects = await db.query<{ id: number; note: string }>('select id, note from t order by id');
    expect(objects.rows).toEqual([
      { id: 1, note: 'un' },
      { id: 2, note: 'deux' },
    ]);
    const arrays = await db.query('select id, note from t order by id', [], { rowMode: 'array' });
    expect(arrays.rows).toEqual([
      [1, 'un'],
      [2, 'deux'],
    ]);
  });

  it("keeps timestamps as the server's text when given drizzle's identity parsers", async () => {
    const raw = await db.query<{ at: unknown }>('select at from t where id = 1', [], {
      parsers: { 1184: (v: string) => v },
    });
    expect(typeof raw.rows[0]!.at).toBe('string');
    const parsed = await db.query<{ at: unknown }>('select at from t where id = 1');
    expect(parsed.rows[0]!.at).toBeInstanceOf(Date);
  });

  it('refuses a parser that would have to run in the worker instead of ignoring it', async () => {
    await expect(db.query('select 1', [], { parsers: { 23: (v: string) => Number(v) * 2 } })).rejects.toThrow(
      /custom parser/,
    );
  });

  it('carries PostgreSQL error fields across the thread (a unique violation keeps code 23505)', async () => {
    await expect(db.query('insert into t (id, note) values (1, $1)', ['again'])).rejects.toMatchObject({
      code: '23505',
    });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const id = await db.transaction(async (tx) => {
      await tx.query('insert into t (id, note) values (10, $1)', ['kept']);
      return 10;
    });
    expect(id).toBe(10);
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t (id, note) values (11, $1)', ['dropped']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await db.query<{ id: number }>('select id from t where id >= 10 order by id');
    expect(rows.rows).toEqual([{ id: 10 }]);
  });

  it('keeps other queries out of an open transaction until it ends', async () => {
    let inside = false;
    const tx = db.transaction(async (t) => {
      inside = true;
      await t.query('insert into t (id, note) values (20, $1)', ['in tx']);
      await new Promise((r) => setTimeout(r, 50));
      inside = false;
    });
    await new Promise((r) => setTimeout(r, 10));
    const seen = await db.query<{ n: number }>('select count(*)::int as n from t where id = 20');
    expect(inside).toBe(false);
    expect(seen.rows[0]!.n).toBe(1);
    await tx;
  });

  it('delivers notifications to listeners until they unsubscribe', async () => {
    const got: string[] = [];
    const unlisten = await db.listen('khidma_test', (p) => got.push(p));
    await db.query("select pg_notify('khidma_test', 'one')");
    await new Promise((r) => setTimeout(r, 50));
    await unlisten();
    await db.query("select pg_notify('khidma_test', 'two')");
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['one']);
  });

  it('rejects calls after close with a clear error', async () => {
    const other = await PgliteWorkerClient.open('memory://');
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/database worker stopped/);
  });
});
