import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { applyMigrations, MIGRATION_LOCK_KEY } from './migrate.js';
import { PgliteWorkerClient } from './pglite-client.js';
import { lockDataDir } from './pglite-lock.js';
import * as schema from './schema/index.js';

export { schema };
export type Schema = typeof schema;
/** The Drizzle handle, identical in use whether PGlite or PostgreSQL is underneath. */
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  orm: Orm;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL schema holding Khidma's tables ("public" unless isolated). */
  schema: string;
  /**
   * Subscribes to a notification channel (PostgreSQL LISTEN, also on PGlite), scoped to this schema so
   * isolated test schemas do not hear each other. Returns an unsubscribe function.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Sends a notification to every instance listening on the channel (NOTIFY). */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

const scoped = (schemaName: string, channel: string) => `${schemaName}_${channel}`;

export interface OpenDatabaseOptions {
  /** postgres:// URL; default process.env.DATABASE_URL. When absent (or ''), PGlite is used. */
  url?: string;
  /** PGlite data directory; default `${KHIDMA_DATA_DIR ?? './.khidma'}/pgdata`. `memory://` for RAM. */
  dataDir?: string;
  /** Isolate every table in this PostgreSQL schema (tests use a unique one per suite). */
  schema?: string;
  /** Apply the committed migrations (default true). */
  migrate?: boolean;
  /** Maximum pool size for node-postgres (default 10). */
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.KHIDMA_DATA_DIR ?? './.khidma');
}

/**
 * Opens the database Khidma runs on: node-postgres when a URL is given (or DATABASE_URL is set),
 * otherwise an embedded PGlite whose files live under KHIDMA_DATA_DIR. Migrations are applied first.
 */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  const schemaName = opts.schema ?? 'public';
  if (!SCHEMA_NAME.test(schemaName)) throw new Error(`invalid database schema name: ${schemaName}`);
  const url = opts.url ?? process.env.DATABASE_URL;
  const migrate = opts.migrate !== false;
  return url
    ? openPostgres(url, schemaName, opts.poolSize ?? 10, migrate)
    : openPglite(opts, schemaName, migrate);
}

async function openPostgres(
  url: string,
  schemaName: string,
  max: number,
  migrate: boolean,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Every pooled connection resolves unqualified table names in the isolated schema.
    options: `-c search_path=${schemaName}`,
  });
  const client = await pool.connect();
  try {
    // One dedicated connection holds a session advisory lock so concurrent starts migrate in turn.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"`);
      if (migrate) await applyMigrations(drizzlePg({ client, schema }), schemaName);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (err) {
    client.release();
    await pool.end();
    throw err;
  }
  client.release();
  const orm = drizzlePg({ client: pool, schema }) as unknown as Orm;
  const listener = new PgListener(url);
  return {
    orm,
    kind: 'postgres',
    schema: schemaName,
    listen: (channel, cb) => listener.listen(scoped(schemaName, channel), cb),
    notify: async (channel, payload) => {
      await pool.query('SELECT pg_notify($1, $2)', [scoped(schemaName, channel), payload]);
    },
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

async function openPglite(
  opts: OpenDatabaseOptions,
  schemaName: string,
  migrate: boolean,
): Promise<Database> {
  const dataDir = opts.dataDir ?? resolve(defaultDataDir(), 'pgdata');
  let unlock = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let client: PgliteWorkerClient;
  try {
    client = await PgliteWorkerClient.open(dataDir);
  } catch (err) {
    unlock();
    throw err;
  }
  if (schemaName !== 'public') {
    await client.exec(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"; SET search_path TO "${schemaName}";`);
  }
  // drizzle's PGlite driver only calls query and transaction, which the worker client provides.
  const orm = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Orm;
  if (migrate) {
    try {
      await applyMigrations(orm, schemaName);
    } catch (err) {
      await client.close();
      unlock();
      throw err;
    }
  }
  return {
    orm,
    kind: 'pglite',
    schema: schemaName,
    listen: (channel, cb) => client.listen(scoped(schemaName, channel), cb),
    notify: async (channel, payload) => {
      await client.query('SELECT pg_notify($1, $2)', [scoped(schemaName, channel), payload]);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * One dedicated connection for LISTEN (pooled connections cannot hold subscriptions). Reconnects
 * after a failure and re-subscribes every channel.
 */
class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> {
    const client = await this.connect();
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await client.query(`LISTEN "${channel}"`);
    }
    set.add(cb);
    return async () => {
      set.delete(cb);
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (msg) => {
        for (const cb of this.handlers.get(msg.channel) ?? []) cb(msg.payload ?? '');
      });
      client.on('error', () => {
        this.client = null;
        client.end().catch(() => undefined);
        if (!this.closed) setTimeout(() => void this.resubscribe(), 1000).unref();
      });
      await client.connect();
      this.client = client;
      this.connecting = null;
      return client;
    })();
    return this.connecting;
  }

  private async resubscribe(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
    } catch {
      this.connecting = null;
      if (!this.closed) setTimeout(() => void this.resubscribe(), 5000).unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client ?? (this.connecting ? await this.connecting.catch(() => null) : null);
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
