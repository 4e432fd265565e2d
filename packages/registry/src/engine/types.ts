/** Column types the pipeline creates; each engine maps them to its own SQL types. */
export type ColumnType = 'text' | 'int' | 'bigint' | 'double';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export type Row = Record<string, string | number | null>;

/**
 * The small dialect interface: everything else in the pipeline is plain SQL that both engines
 * accept. Functions that differ by name are created under the same names (PostgreSQL gets
 * jaro_winkler_similarity as a PL/pgSQL function), so only table-producing helpers live here.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'postgres';
  /** A table expression yielding a bigint column `i` from 0 to n-1. */
  series(n: number): string;
  /** A non-negative integer hash of a bigint expression, the same within one engine. */
  hashInt(expr: string): string;
  /** SQL type name for a column type. */
  type(t: ColumnType): string;
}

export interface Engine {
  readonly dialect: Dialect;
  exec(sql: string): Promise<void>;
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Creates `table` with `columns` and bulk-loads the rows. */
  loadRows(table: string, columns: ColumnSpec[], rows: Iterable<(string | number | null)[]>): Promise<void>;
  /** Runs a chunk of SQL in another process when possible; engines describe how to reach them. */
  workerTarget(): WorkerTarget;
  close(): Promise<void>;
}

export type WorkerTarget =
  | { kind: 'duckdb'; databaseFile: string | null; memoryLimit: string; tempDirectory: string }
  | { kind: 'postgres'; url: string; schema: string };

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
}
