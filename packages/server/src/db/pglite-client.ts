import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';
import {
  deserialiseError,
  type SerialisedError,
  type WorkerReply,
  type WorkerRequest,
} from './pglite-protocol.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Parsers = Record<number, (value: string, typeId: number) => unknown>;
export interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Parsers;
}

/** What drizzle's PGlite driver calls on a client or on a transaction. */
export interface PgliteLike {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}

/**
 * PGlite in a worker thread, with the subset of PGlite's interface Khidma uses (query, exec,
 * transaction, listen, close), so drizzle's PGlite driver runs on it unchanged (ADR 0067).
 */
export class PgliteWorkerClient implements PgliteLike {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: WorkerReply) => this.onReply(r));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => this.fail(new Error('the database worker stopped')));
    // Like PGlite on the main thread, an idle database does not keep the process alive; a pending
    // query does.
    worker.unref();
  }

  static async open(dataDir: string): Promise<PgliteWorkerClient> {
    const worker = spawnWorker(dataDir);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (r: WorkerReply) => {
        if (r.ready) resolve();
        else if (r.error) reject(deserialiseError(r.error));
        else return;
        worker.off('message', onMessage);
        worker.off('error', reject);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    }).catch(async (e: unknown) => {
      await worker.terminate();
      throw e;
    });
    return new PgliteWorkerClient(worker);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    let types: number[] | undefined;
    try {
      types = options?.parsers ? rawTypes(options.parsers) : undefined;
    } catch (e) {
      return Promise.reject(e);
    }
    return this.call({
      op: 'query',
      sql,
      ...(params ? { params } : {}),
      ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
      ...(types ? { rawTypes: types } : {}),
      ...(tx === undefined ? {} : { tx }),
    }) as Promise<Results<T>>;
  }

  exec(sql: string, tx?: number): Promise<Results[]> {
    return this.call({ op: 'exec', sql, ...(tx === undefined ? {} : { tx }) }) as Promise<Results[]>;
  }

  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T> {
    const id = (await this.call({ op: 'begin' })) as number;
    const tx: PgliteLike = {
      query: (sql, params, options) => this.query(sql, params, options, id),
      exec: (sql) => this.exec(sql, id),
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      await this.call({ op: 'end', tx: id, commit: false }).catch(() => undefined);
      throw e;
    }
    await this.call({ op: 'end', tx: id, commit: true });
    return result;
  }

  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const listenId = (await this.call({ op: 'listen', channel })) as number;
    this.listeners.set(listenId, callback);
    return async () => {
      this.listeners.delete(listenId);
      await this.call({ op: 'unlisten', listenId });
    };
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.call({ op: 'close' });
    await this.worker.terminate();
  }

  private call(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private onReply(r: WorkerReply): void {
    if (r.notification) {
      this.listeners.get(r.notification.listenId)?.(r.notification.payload);
      return;
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (this.pending.size === 0) this.worker.unref();
    if (r.error) p.reject(deserialiseError(r.error as SerialisedError));
    else p.resolve(r.result);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}

/**
 * The compiled worker normally; under Vitest the sources are TypeScript, and hooks registered on the
 * main thread do not reach worker threads in Node 20, so the worker registers tsx itself first.
 */
function spawnWorker(dataDir: string): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
  }
  // tsx's ESM API (its CommonJS build cannot find its ESM half from an eval'd worker).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { dataDir } });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * drizzle passes identity parsers (keep timestamps, dates and intervals as the server's text); those
 * are sent as type OIDs. Any other parser cannot cross a thread and is refused rather than ignored.
 */
function rawTypes(parsers: Parsers): number[] {
  return Object.entries(parsers).map(([oid, parse]) => {
    if (parse('\u0000probe', Number(oid)) !== '\u0000probe') {
      throw new Error(`a custom parser for type ${oid} cannot run in the database worker`);
    }
    return Number(oid);
  });
}
