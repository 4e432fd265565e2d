/**
 * The embedded database's own thread. PGlite runs PostgreSQL compiled to WASM synchronously on the
 * thread that calls it; on the main thread every usage and audit batch stopped the event loop for
 * milliseconds (ADR 0067). Here it answers the messages of `PgliteWorkerClient` (pglite-client.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { serialiseError, type WorkerReply, type WorkerRequest } from './pglite-protocol.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread');

const identity = (value: unknown) => value;
const ROLLBACK = Symbol('rollback');

interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean) => void;
  endId: number;
}

const transactions = new Map<number, OpenTransaction>();
const listeners = new Map<number, () => Promise<void>>();
let lastId = 0;

const reply = (r: WorkerReply) => port.postMessage(r);

async function open(dataDir: string): Promise<PGlite> {
  const fresh = !dataDir.startsWith('memory://') && !existsSync(resolve(dataDir, 'PG_VERSION'));
  let db = await PGlite.create(dataDir);
  if (fresh) {
    // initdb grows PGlite's WASM heap to ~800 MiB RSS and it never shrinks; reopening the new
    // cluster starts small again (measured 850 -> 460 MiB on first start).
    await db.close();
    db = await PGlite.create(dataDir);
  }
  return db;
}

function parsersFor(types: number[] | undefined): Record<number, (v: unknown) => unknown> | undefined {
  if (!types || types.length === 0) return undefined;
  return Object.fromEntries(types.map((t) => [t, identity]));
}

function target(db: PGlite, tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.tx;
}

function begin(db: PGlite, id: number): void {
  const txId = ++lastId;
  const entry = { endId: 0 } as OpenTransaction;
  db.transaction(async (tx) => {
    entry.tx = tx;
    transactions.set(txId, entry);
    reply({ id, result: txId });
    await new Promise<void>((done, fail) => {
      entry.end = (commit) => (commit ? done() : fail(ROLLBACK));
    });
  }).then(
    () => {
      transactions.delete(txId);
      reply({ id: entry.endId, result: null });
    },
    (e: unknown) => {
      transactions.delete(txId);
      if (e === ROLLBACK) reply({ id: entry.endId, result: null });
      else reply({ id: entry.endId || id, error: serialiseError(e) });
    },
  );
}

async function handle(db: PGlite, m: WorkerRequest): Promise<unknown> {
  switch (m.op) {
    case 'query':
      return target(db, m.tx).query(m.sql, m.params, {
        ...(m.rowMode ? { rowMode: m.rowMode } : {}),
        ...(m.rawTypes ? { parsers: parsersFor(m.rawTypes) } : {}),
      });
    case 'exec':
      return target(db, m.tx).exec(m.sql);
    case 'listen': {
      const listenId = ++lastId;
      const unsubscribe = await db.listen(m.channel, (payload) =>
        reply({ id: 0, notification: { listenId, payload } }),
      );
      listeners.set(listenId, unsubscribe);
      return listenId;
    }
    case 'unlisten':
      await listeners.get(m.listenId)?.();
      listeners.delete(m.listenId);
      return null;
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${(m as { op: string }).op}`);
  }
}

try {
  const db = await open((workerData as { dataDir: string }).dataDir);
  port.on('message', (m: WorkerRequest) => {
    if (m.op === 'begin') return begin(db, m.id);
    if (m.op === 'end') {
      const open = transactions.get(m.tx);
      if (!open) return reply({ id: m.id, error: { message: `transaction ${m.tx} is not open` } });
      open.endId = m.id;
      return open.end(m.commit);
    }
    handle(db, m).then(
      (result) => {
        reply({ id: m.id, result });
        if (m.op === 'close') port.close();
      },
      (e: unknown) => reply({ id: m.id, error: serialiseError(e) }),
    );
  });
  reply({ id: 0, ready: true });
} catch (e) {
  reply({ id: 0, error: serialiseError(e) });
}
