import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { JARO_WINKLER_PLPGSQL, LEVENSHTEIN_PLPGSQL } from './postgres-functions.js';
import type { ColumnSpec, ColumnType, Dialect, Engine, Row, WorkerTarget } from './types.js';

export const postgresDialect: Dialect = {
  name: 'postgres',
  series: (n) => `(select generate_series(0::bigint, ${Math.floor(n) - 1}::bigint) as i)`,
  hashInt: (expr) => `(abs(hashint8((${expr})::bigint)::bigint) % 1000003)`,
  type: (t: ColumnType) =>
    ({ text: 'text', int: 'integer', bigint: 'bigint', double: 'double precision' })[t],
};

// count(*) and sums come back as int8/numeric strings by default; the pipeline wants numbers.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PostgresOptions {
  url: string;
  /** Schema to work in; a unique one is created when absent and dropped on close. */
  schema?: string;
  keepSchema?: boolean;
}

/** PostgreSQL engine: works inside its own schema so concurrent runs never collide. */
export class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  private constructor(
    private readonly client: pg.Client,
    private readonly url: string,
    readonly schema: string,
    private readonly dropOnClose: boolean,
  ) {}

  static async open(opts: PostgresOptions): Promise<PostgresEngine> {
    const client = new pg.Client({ connectionString: opts.url, types });
    await client.connect();
    const schema = opts.schema ?? `khidma_reg_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const engine = new PostgresEngine(client, opts.url, schema, !opts.schema && !opts.keepSchema);
    await client.query(`create schema if not exists ${schema}`);
    await engine.installFunctions();
    return engine;
  }

  /** Connects to an existing run schema (worker processes). */
  static async attach(url: string, schema: string): Promise<PostgresEngine> {
    const client = new pg.Client({ connectionString: url, types });
    await client.connect();
    const engine = new PostgresEngine(client, url, schema, false);
    await engine.setSearchPath();
    return engine;
  }

  private async setSearchPath(): Promise<void> {
    const ext = await this.client.query(
      `select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
       where e.extname = 'fuzzystrmatch'`,
    );
    const extSchema = (ext.rows[0] as { schema?: string } | undefined)?.schema;
    const path = [this.schema, extSchema, 'public'].filter((s, i, a) => s && a.indexOf(s) === i);
    await this.client.query(`set search_path to ${path.join(', ')}`);
  }

  private async installFunctions(): Promise<void> {
    let haveFuzzy = false;
    try {
      await this.client.query('create extension if not exists fuzzystrmatch schema public');
      haveFuzzy = true;
    } catch {
      // Concurrent creation or missing privileges: fall back to an existing install or our own function.
      const r = await this.client.query(`select 1 from pg_extension where extname = 'fuzzystrmatch'`);
      haveFuzzy = r.rowCount === 1;
    }
    await this.setSearchPath();
    await this.client.query(JARO_WINKLER_PLPGSQL);
    if (!haveFuzzy) await this.client.query(LEVENSHTEIN_PLPGSQL);
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    const r = await this.client.query(sql);
    return r.rows as T[];
  }

  async loadRows(table: string, columns: ColumnSpec[], rows: Iterable<(string | number | null)[]>) {
    const cols = columns.map((c) => `${c.name} ${this.dialect.type(c.type)}`).join(', ');
    await this.client.query(`drop table if exists ${table}`);
    await this.client.query(`create table ${table} (${cols})`);
    const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
    const names = columns.map((c) => c.name).join(', ');
    let batch: (string | number | null)[] = [];
    let count = 0;
    const flush = async () => {
      if (count === 0) return;
      const tuples: string[] = [];
      for (let r = 0; r < count; r++)
        tuples.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      await this.client.query(`insert into ${table} (${names}) values ${tuples.join(', ')}`, batch);
      batch = [];
      count = 0;
    };
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) batch.push(row[i] ?? null);
      count++;
      if (count >= perBatch) await flush();
    }
    await flush();
  }

  workerTarget(): WorkerTarget {
    return { kind: 'postgres', url: this.url, schema: this.schema };
  }

  async close(): Promise<void> {
    try {
      if (this.dropOnClose) await this.client.query(`drop schema if exists ${this.schema} cascade`);
    } finally {
      await this.client.end();
    }
  }
}
