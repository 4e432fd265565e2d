import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { OpenDatabaseOptions } from '../src/db/index.js';

export const PG_URL = process.env.DATABASE_URL;

/** A PostgreSQL schema name unique to this suite run, so suites can run in parallel. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  if (!PG_URL) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Both backends the storage suite runs on; PostgreSQL only when DATABASE_URL is set. */
export const BACKENDS: {
  name: string;
  enabled: boolean;
  options: (schema: string) => OpenDatabaseOptions;
}[] = [
  { name: 'PGlite', enabled: true, options: () => ({ url: '', dataDir: 'memory://' }) },
  { name: 'PostgreSQL', enabled: Boolean(PG_URL), options: (schema) => ({ url: PG_URL, schema }) },
];

if (!PG_URL)
  console.info('DATABASE_URL is not set: the PostgreSQL variants of the storage suites are skipped.');

/** Per-minute windows are fixed: keep a test's few requests inside one minute. */
export async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
}
