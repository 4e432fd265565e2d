import type { LinkConfig } from './config.js';
import { readCsvRows } from './csv.js';
import { DuckDbEngine } from './engine/duckdb.js';
import type { Engine } from './engine/types.js';
import { sqlString } from './engine/types.js';
import { RegistryError } from './errors.js';
import { standardColumns, standardiseValue } from './fields.js';
import type { InspectedSource } from './input.js';
import type { ComparisonSpec } from './levels.js';

/** Name pairs compared with swapWith: each gives a `<a>_<b>_set` column, the same whatever the order. */
export function nameSetColumns(comparisons: ComparisonSpec[]): { a: string; b: string; name: string }[] {
  const out = new Map<string, { a: string; b: string; name: string }>();
  for (const c of comparisons) {
    if (!c.swapWith) continue;
    const [a, b] = [c.field, c.swapWith].sort() as [string, string];
    out.set(`${a}_${b}`, { a, b, name: `${a}_${b}_set` });
  }
  return [...out.values()];
}

export interface LoadedSources {
  counts: number[];
  /** uid of the first record of each source; uids are dense 0..total-1. */
  offsets: number[];
  total: number;
}

/** Reads Parquet metadata through a throwaway DuckDB (both engines accept Parquet input). */
export async function describeParquet(path: string): Promise<{ columns: string[]; rows: number }> {
  const duck = await DuckDbEngine.open({ memoryLimit: '512MB' });
  try {
    const cols = await duck.query<{ column_name: string }>(
      `select column_name from (describe select * from read_parquet(${sqlString(path)}))`,
    );
    const [n] = await duck.query<{ n: number }>(`select count(*) as n from read_parquet(${sqlString(path)})`);
    return { columns: cols.map((c) => c.column_name), rows: n?.n ?? 0 };
  } finally {
    await duck.close();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function loadRaw(engine: Engine, src: InspectedSource, index: number, fieldNames: string[]) {
  const table = `raw_${index}`;
  const cols = [src.source.id, ...fieldNames.map((f) => src.columnOf[f]!)];
  if (engine.dialect.name === 'duckdb') {
    const reader =
      src.format === 'parquet'
        ? `read_parquet(${sqlString(src.path)})`
        : `read_csv(${sqlString(src.path)}, delim=${sqlString(src.delimiter)}, header=true, all_varchar=true,
            names=[${src.header.map(sqlString).join(', ')}], quote='"', escape='"', strict_mode=false)`;
    const select = cols
      .map(
        (c, i) =>
          `nullif(trim(cast(${quoteIdent(c)} as varchar)), '') as ${i === 0 ? '_id' : fieldNames[i - 1]}`,
      )
      .join(', ');
    await engine.exec(`create or replace table ${table} as select ${select} from ${reader}`);
    return;
  }
  const spec = [
    { name: '_id', type: 'text' as const },
    ...fieldNames.map((f) => ({ name: f, type: 'text' as const })),
  ];
  if (src.format === 'parquet') {
    const duck = await DuckDbEngine.open({ memoryLimit: '1GB' });
    try {
      const rows = await duck.query(
        `select ${cols.map((c) => `cast(${quoteIdent(c)} as varchar) as ${quoteIdent(c)}`).join(', ')}
         from read_parquet(${sqlString(src.path)})`,
      );
      await engine.loadRows(
        table,
        spec,
        rows.map((r) =>
          cols.map((c) => (r[c] == null || String(r[c]).trim() === '' ? null : String(r[c]).trim())),
        ),
      );
    } finally {
      await duck.close();
    }
    return;
  }
  const idx = cols.map((c) => src.header.indexOf(c));
  const rows: (string | null)[][] = [];
  let first = true;
  for await (const row of readCsvRows(src.path, src.delimiter)) {
    if (first) {
      first = false;
      continue;
    }
    rows.push(idx.map((i) => (row[i] === undefined || row[i] === '' ? null : row[i]!)));
  }
  await engine.loadRows(table, spec, rows);
}

/**
 * Loads every source, checks ids, standardises distinct values in TypeScript (names through
 * @khidma/lang) and joins them back in SQL into one `rec` table with dense integer uids.
 */
export async function loadAndStandardise(
  engine: Engine,
  config: LinkConfig,
  sources: InspectedSource[],
  comparisons: ComparisonSpec[],
  onStep: (step: string, done: number, total: number) => void = () => {},
): Promise<LoadedSources> {
  const fieldNames = config.fields.map((f) => f.name);
  const counts: number[] = [];
  for (const [i, src] of sources.entries()) {
    onStep('load', i, sources.length);
    await loadRaw(engine, src, i, fieldNames);
    const [c] = await engine.query<{ n: number; ids: number; nulls: number }>(
      `select count(*) as n, count(distinct _id) as ids, count(*) - count(_id) as nulls from raw_${i}`,
    );
    if (!c || c.n === 0) throw new RegistryError('empty_input', { source: src.source.name });
    if (c.nulls > 0)
      throw new RegistryError('missing_column', { source: src.source.name, column: src.source.id });
    if (c.ids !== c.n) {
      const [dup] = await engine.query<{ id: string }>(
        `select _id as id from raw_${i} group by _id having count(*) > 1 limit 1`,
      );
      throw new RegistryError('duplicate_id', { source: src.source.name, detail: dup?.id ?? '' });
    }
    counts.push(c.n);
  }
  onStep('load', sources.length, sources.length);

  for (const [k, field] of config.fields.entries()) {
    onStep('standardise', k, config.fields.length);
    const union = sources.map((_, i) => `select ${field.name} as raw from raw_${i}`).join(' union ');
    const distinct = await engine.query<{ raw: string }>(
      `select distinct raw from (${union}) u where raw is not null`,
    );
    const cols = standardColumns(field);
    await engine.loadRows(
      `std_${field.name}`,
      [{ name: 'raw', type: 'text' }, ...cols],
      distinct.map((d) => [d.raw, ...standardiseValue(field, d.raw)]),
    );
  }
  onStep('standardise', config.fields.length, config.fields.length);

  const offsets: number[] = [];
  let total = 0;
  for (const n of counts) {
    offsets.push(total);
    total += n;
  }
  // Byte order of ids gives the same uids on every engine (PostgreSQL needs the C collation).
  const order = engine.dialect.name === 'postgres' ? '_id collate "C"' : '_id';
  const parts = sources.map((src, i) => {
    const select = config.fields
      .flatMap((f) => [
        ...standardColumns(f).map((c) => `s_${f.name}.${c.name} as ${c.name}`),
        `t.${f.name} as ${f.name}_raw`,
      ])
      .join(', ');
    const joins = config.fields
      .map((f) => `left join std_${f.name} s_${f.name} on s_${f.name}.raw = t.${f.name}`)
      .join(' ');
    return `select cast(${offsets[i]} + row_number() over (order by ${order}) - 1 as bigint) as uid,
      ${i} as src, ${sqlString(src.source.name)} as source, t._id as record_id, ${select}
      from raw_${i} t ${joins}`;
  });
  await engine.exec('drop table if exists rec0');
  await engine.exec(`create table rec0 as ${parts.join(' union all ')}`);

  // Term frequencies: share of records holding each value, joined back as <field>_tf.
  const tfFields = [...new Set(comparisons.filter((c) => c.termFrequency).map((c) => c.field))];
  const tfSelect = tfFields.map((f) => `tf_${f}.tf as ${f}_tf`).join(', ');
  const tfJoins = tfFields
    .map(
      (f) => `left join (select ${f} as v,
        cast(count(*) as double precision) / cast((select count(${f}) from rec0) as double precision) as tf
        from rec0 where ${f} is not null group by ${f}) tf_${f} on tf_${f}.v = rec0.${f}`,
    )
    .join(' ');
  // Order-free name keys (e.g. first+last skeletons) let blocking catch swapped name order.
  const setSelect = nameSetColumns(comparisons)
    .map(
      (c) =>
        `, least(rec0.${c.a}_sk, rec0.${c.b}_sk) || '|' || greatest(rec0.${c.a}_sk, rec0.${c.b}_sk) as ${c.name}`,
    )
    .join('');
  await engine.exec('drop table if exists rec');
  await engine.exec(
    `create table rec as select rec0.*${tfSelect ? `, ${tfSelect}` : ''}${setSelect} from rec0 ${tfJoins}`,
  );
  await engine.exec('drop table rec0');
  for (let i = 0; i < sources.length; i++) await engine.exec(`drop table raw_${i}`);
  for (const f of config.fields) await engine.exec(`drop table std_${f.name}`);
  return { counts, offsets, total };
}
