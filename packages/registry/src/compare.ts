import { fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BlockingRule, pairCondition } from './blocking.js';
import type { LinkConfig } from './config.js';
import type { Engine } from './engine/types.js';
import { sqlString } from './engine/types.js';
import { type ComparisonSpec, gammaSql } from './levels.js';
import type { ChunkJob } from './worker.js';

/** Columns of the comparison-vector table: gammas and the term frequencies of both sides. */
export function vectorSelect(comparisons: ComparisonSpec[], rules: BlockingRule[] = []): string {
  const cols = ['l.uid as uid_l', 'r.uid as uid_r'];
  // Which rules each pair satisfies: EM trains on each rule's full pair set.
  for (const [k, rule] of rules.entries()) cols.push(`case when ${rule.sql} then 1 else 0 end as b_${k}`);
  for (const c of comparisons) {
    cols.push(`${gammaSql(c)} as g_${c.name}`);
    if (c.termFrequency) cols.push(`l.${c.field}_tf as tf_l_${c.name}`, `r.${c.field}_tf as tf_r_${c.name}`);
  }
  return cols.join(',\n  ');
}

/**
 * SQL for the comparison vectors of chunk (i, j): left records with hash(uid) % n = i against right
 * records with hash(uid) % n = j, for every blocking rule, each pair once (later rules skip pairs
 * an earlier rule already produced).
 */
export function chunkSql(
  engine: Engine,
  comparisons: ComparisonSpec[],
  rules: BlockingRule[],
  linkType: LinkConfig['linkType'],
  chunks: number,
  i: number,
  j: number,
  recTable = 'rec',
): string {
  const side = (k: number) =>
    chunks === 1
      ? recTable
      : `(select * from ${recTable} where ${engine.dialect.hashInt('uid')} % ${chunks} = ${k})`;
  return rules
    .map((rule, k) => {
      const select = vectorSelect(comparisons, rules);
      const earlier = rules
        .slice(0, k)
        .map((e) => `not coalesce((${e.sql}), false)`)
        .join(' and ');
      return `select ${select}
from ${side(i)} l join ${side(j)} r on ${rule.sql} and ${pairCondition(linkType)}${earlier ? `\nwhere ${earlier}` : ''}`;
    })
    .join('\nunion all\n');
}

export interface CompareOptions {
  chunks: number;
  /** Worker processes; 0 or 1 runs chunks in this process. */
  workers: number;
  onChunk?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Builds the `pairs` table of comparison vectors, chunk by chunk, in-process or in worker processes. */
export async function buildComparisonVectors(
  engine: Engine,
  comparisons: ComparisonSpec[],
  rules: BlockingRule[],
  linkType: LinkConfig['linkType'],
  opts: CompareOptions,
): Promise<number> {
  const n = opts.chunks;
  const jobs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) jobs.push([i, j]);
  await engine.exec('drop table if exists pairs');
  if (opts.workers <= 1 || n === 1) {
    let first = true;
    for (const [k, [i, j]] of jobs.entries()) {
      const sql = chunkSql(engine, comparisons, rules, linkType, n, i, j);
      await engine.exec(first ? `create table pairs as ${sql}` : `insert into pairs ${sql}`);
      first = false;
      opts.onChunk?.(k + 1, jobs.length);
    }
  } else {
    await runInWorkers(engine, comparisons, rules, linkType, jobs, opts);
  }
  const [row] = await engine.query<{ n: number }>('select count(*) as n from pairs');
  return row?.n ?? 0;
}

async function runInWorkers(
  engine: Engine,
  comparisons: ComparisonSpec[],
  rules: BlockingRule[],
  linkType: LinkConfig['linkType'],
  jobs: [number, number][],
  opts: CompareOptions,
): Promise<void> {
  const target = engine.workerTarget();
  const n = opts.chunks;
  const dir = join(tmpdir(), `khidma-chunks-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  try {
    const chunkJobs: ChunkJob[] = [];
    if (target.kind === 'duckdb') {
      // Workers cannot open the main database while it is open; they read a Parquet snapshot of rec.
      const recFile = join(dir, 'rec.parquet');
      await engine.exec(`copy rec to ${sqlString(recFile)} (format parquet)`);
      const perWorkerMemory = `${Math.max(256, Math.floor(parseMemory(target.memoryLimit) / opts.workers))}MB`;
      for (const [i, j] of jobs) {
        const out = join(dir, `pairs_${i}_${j}.parquet`);
        chunkJobs.push({
          kind: 'duckdb',
          recFile,
          memoryLimit: perWorkerMemory,
          tempDirectory: target.tempDirectory,
          sql: `copy (${chunkSql(engine, comparisons, rules, linkType, n, i, j, 'rec')}) to ${sqlString(out)} (format parquet)`,
        });
      }
    } else {
      await engine.exec(
        `create table pairs as ${chunkSql(engine, comparisons, rules, linkType, 1, 0, 0)} limit 0`,
      );
      for (const [i, j] of jobs)
        chunkJobs.push({
          kind: 'postgres',
          url: target.url,
          schema: target.schema,
          sql: `insert into pairs ${chunkSql(engine, comparisons, rules, linkType, n, i, j)}`,
        });
    }
    let done = 0;
    let next = 0;
    const runOne = async (): Promise<void> => {
      while (next < chunkJobs.length) {
        const job = chunkJobs[next++]!;
        await runWorker(job);
        opts.onChunk?.(++done, chunkJobs.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.workers, chunkJobs.length) }, runOne));
    if (target.kind === 'duckdb')
      await engine.exec(
        `create table pairs as select * from read_parquet(${sqlString(join(dir, 'pairs_*.parquet'))})`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseMemory(limit: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?$/i.exec(limit.trim());
  if (!m) return 2048;
  const unit = (m[2] ?? 'mb').toLowerCase()[0];
  const factor = unit === 'g' ? 1024 : unit === 't' ? 1024 * 1024 : unit === 'k' ? 1 / 1024 : 1;
  return Number(m[1]) * factor;
}

function runWorker(job: ChunkJob): Promise<void> {
  // From sources (tsx) the worker is a .ts file; from dist it is compiled JavaScript.
  const isTs = import.meta.url.endsWith('.ts');
  const script = new URL(isTs ? './worker.ts' : './worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      execArgv: isTs ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let failed: string | null = null;
    child.on('message', (msg: { ok: boolean; error?: string }) => {
      if (!msg.ok) failed = msg.error ?? 'worker failed';
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (failed || code !== 0) reject(new Error(`chunk worker failed: ${failed ?? `exit ${code}`}`));
      else resolve();
    });
    child.send(job);
  });
}
