import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ColumnSpec, ColumnType, Dialect, Engine, Row, WorkerTarget } from './types.js';

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  series: (n) => `(select range as i from range(0, ${Math.floor(n)}))`,
  hashInt: (expr) => `(hash(${expr}) % 1000003)`,
  type: (t: ColumnType) => ({ text: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE' })[t],
};

export interface DuckDbOptions {
  /** Database file; null keeps it in memory (spilling still goes to tempDirectory). */
  file?: string | null;
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
}

function toJs(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return String(value);
}

/** DuckDB embedded engine, with a memory limit and a spill directory so large jobs spill, not fail. */
export class DuckDbEngine implements Engine {
  readonly dialect = duckdbDialect;
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly target: WorkerTarget,
  ) {}

  static async open(opts: DuckDbOptions = {}): Promise<DuckDbEngine> {
    const tempDirectory = opts.tempDirectory ?? join(tmpdir(), 'khidma-duckdb-spill');
    mkdirSync(tempDirectory, { recursive: true });
    const memoryLimit = opts.memoryLimit ?? '3GB';
    const settings: Record<string, string> = {
      memory_limit: memoryLimit,
      temp_directory: tempDirectory,
      preserve_insertion_order: 'false',
    };
    if (opts.threads) settings.threads = String(opts.threads);
    const instance = await DuckDBInstance.create(opts.file ?? ':memory:', settings);
    const conn = await instance.connect();
    return new DuckDbEngine(instance, conn, {
      kind: 'duckdb',
      databaseFile: opts.file ?? null,
      memoryLimit,
      tempDirectory,
    });
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql);
    const names = reader.columnNames();
    const columns = reader.getColumnsJS();
    const n = reader.currentRowCount;
    const rows: T[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const row: Row = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = toJs(columns[c]![r]);
      rows[r] = row as T;
    }
    return rows;
  }

  /** Reads columns as typed arrays without building row objects (for large edge lists). */
  async queryColumns(sql: string): Promise<unknown[][]> {
    const reader = await this.conn.runAndReadAll(sql);
    return reader.getColumnsJS() as unknown[][];
  }

  async loadRows(table: string, columns: ColumnSpec[], rows: Iterable<(string | number | null)[]>) {
    const cols = columns.map((c) => `${c.name} ${this.dialect.type(c.type)}`).join(', ');
    await this.conn.run(`create or replace table ${table} (${cols})`);
    const appender = await this.conn.createAppender(table);
    const kinds = columns.map((c) => c.type);
    for (const row of rows) {
      for (let i = 0; i < kinds.length; i++) {
        const v = row[i];
        if (v === null || v === undefined) appender.appendNull();
        else if (kinds[i] === 'text') appender.appendVarchar(String(v));
        else if (kinds[i] === 'int') appender.appendInteger(Number(v));
        else if (kinds[i] === 'bigint') appender.appendBigInt(BigInt(v));
        else appender.appendDouble(Number(v));
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  workerTarget(): WorkerTarget {
    return this.target;
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
