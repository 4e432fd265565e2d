import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDbEngine } from './engine/duckdb.js';
import { sqlString } from './engine/types.js';
import { buildGoldenRecords, type GoldenRecord } from './golden.js';
import { type LinkModel, saveModel } from './model.js';
import type { LinkRun } from './pipeline.js';
import { renderReport } from './report.js';

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: (string | number | null)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/** Reads raw field values per uid (for golden records). */
async function rawValues(run: LinkRun) {
  const fields = run.config.fields.map((f) => f.name);
  const rows = await run.engine.query(
    `select source, record_id, ${fields.map((f) => `${f}_raw`).join(', ')} from rec order by uid`,
  );
  const values: Record<string, (string | null)[]> = {};
  for (const f of fields) values[f] = rows.map((r) => (r[`${f}_raw`] == null ? null : String(r[`${f}_raw`])));
  return {
    source: rows.map((r) => String(r.source)),
    recordId: rows.map((r) => String(r.record_id)),
    values,
  };
}

export async function goldenRecords(run: LinkRun): Promise<GoldenRecord[]> {
  const raw = await rawValues(run);
  return buildGoldenRecords(
    { ...raw, personId: run.personIds },
    run.config.golden,
    run.config.fields.map((f) => f.name),
  );
}

export interface WrittenOutputs {
  clusters: string;
  pairs: string;
  golden: string;
  report: string;
  model: string;
}

const PAIR_COLUMNS = `l.source as source_l, l.record_id as record_id_l, r.source as source_r, r.record_id as record_id_r`;

/** Writes clusters.csv, pairs.parquet, golden.csv, model.json and report.html into outDir. */
export async function writeOutputs(run: LinkRun, outDir: string): Promise<WrittenOutputs> {
  mkdirSync(outDir, { recursive: true });
  const files: WrittenOutputs = {
    clusters: join(outDir, 'clusters.csv'),
    pairs: join(outDir, 'pairs.parquet'),
    golden: join(outDir, 'golden.csv'),
    report: join(outDir, 'report.html'),
    model: join(outDir, 'model.json'),
  };
  const clusterRows = run.keys.map((k, uid) => {
    const i = k.indexOf(':');
    return [k.slice(0, i), k.slice(i + 1), run.personIds[uid]!];
  });
  writeFileSync(files.clusters, csv(['source', 'record_id', 'cluster_id'], clusterRows));

  const gammas = run.model.comparisons.map((c) => `p.g_${c.name}`).join(', ');
  const pairsSelect = `select ${PAIR_COLUMNS}, p.match_weight, p.match_probability, ${gammas}
    from scored p join rec l on l.uid = p.uid_l join rec r on r.uid = p.uid_r`;
  if (run.engine.dialect.name === 'duckdb') {
    await run.engine.exec(`copy (${pairsSelect}) to ${sqlString(files.pairs)} (format parquet)`);
  } else {
    const rows = await run.engine.query(pairsSelect);
    const duck = await DuckDbEngine.open({ memoryLimit: '1GB' });
    try {
      const cols = Object.keys(rows[0] ?? { source_l: 1 });
      await duck.loadRows(
        'pairs_out',
        cols.map((c) => ({
          name: c,
          type: /^(g_|match_)/.test(c) ? (c.startsWith('g_') ? 'int' : 'double') : 'text',
        })),
        rows.map((r) => cols.map((c) => r[c] ?? null)),
      );
      await duck.exec(`copy pairs_out to ${sqlString(files.pairs)} (format parquet)`);
    } finally {
      await duck.close();
    }
  }

  const golden = await goldenRecords(run);
  const fields = run.config.fields.map((f) => f.name);
  writeFileSync(
    files.golden,
    csv(
      ['cluster_id', 'records', 'sources', ...fields.flatMap((f) => [f, `${f}_from`])],
      golden.map((g) => [
        g.personId,
        g.records,
        g.sources.join('|'),
        ...fields.flatMap((f) => [g.fields[f]!.value, g.fields[f]!.from]),
      ]),
    ),
  );
  const model: LinkModel = { ...run.model, tf: await topTermFrequencies(run) };
  saveModel(model, files.model);
  writeFileSync(files.report, await renderReport(run));
  return files;
}

/** The most common values of each TF comparison, stored with the model for later explanations. */
async function topTermFrequencies(
  run: LinkRun,
  limit = 2000,
): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of run.model.comparisons.filter((x) => x.termFrequency)) {
    const rows = await run.engine.query<{ v: string; tf: number }>(
      `select ${c.field} as v, max(${c.field}_tf) as tf from rec where ${c.field} is not null
       group by ${c.field} order by tf desc, v limit ${limit}`,
    );
    out[c.name] = Object.fromEntries(rows.map((r) => [r.v, r.tf]));
  }
  return out;
}

export interface ReviewPair {
  left: string;
  right: string;
  matchWeight: number;
  matchProbability: number;
  leftValues: Record<string, string | null>;
  rightValues: Record<string, string | null>;
}

/** Pairs closest to the decision threshold, for clerical review (their decisions become labels). */
export async function uncertainPairs(run: LinkRun, limit = 200, band = 0.4): Promise<ReviewPair[]> {
  const t = run.model.threshold;
  const fields = run.config.fields.map((f) => f.name);
  const cols = fields.flatMap((f) => [`l.${f}_raw as l_${f}`, `r.${f}_raw as r_${f}`]).join(', ');
  const rows = await run.engine.query(
    `select l.source || ':' || l.record_id as a, r.source || ':' || r.record_id as b,
       p.match_weight as w, p.match_probability as p, ${cols}
     from scored p join rec l on l.uid = p.uid_l join rec r on r.uid = p.uid_r
     where p.match_probability between ${Math.max(0, t - band)} and ${Math.min(1, t + band)}
     order by abs(p.match_probability - ${t}), p.uid_l, p.uid_r limit ${Math.floor(limit)}`,
  );
  const str = (v: unknown) => (v == null ? null : String(v));
  return rows.map((r) => ({
    left: String(r.a),
    right: String(r.b),
    matchWeight: Number(r.w),
    matchProbability: Number(r.p),
    leftValues: Object.fromEntries(fields.map((f) => [f, str(r[`l_${f}`])])),
    rightValues: Object.fromEntries(fields.map((f) => [f, str(r[`r_${f}`])])),
  }));
}
