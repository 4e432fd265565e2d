import { DuckDbEngine } from './duckdb.js';
import { PostgresEngine } from './postgres.js';
import type { Engine } from './types.js';

export interface EngineOptions {
  kind: 'duckdb' | 'postgres';
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
  databaseUrl?: string;
  file?: string | null;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  if (opts.kind === 'postgres') {
    const url = opts.databaseUrl ?? process.env.DATABASE_URL;
    if (!url) throw new Error('the postgres engine needs engine.databaseUrl or DATABASE_URL');
    return PostgresEngine.open({ url });
  }
  return DuckDbEngine.open(opts);
}

export { DuckDbEngine, duckdbDialect } from './duckdb.js';
export { PostgresEngine, postgresDialect } from './postgres.js';
export type { ColumnSpec, ColumnType, Dialect, Engine, Row, WorkerTarget } from './types.js';
export { sqlIdent, sqlString } from './types.js';
