import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  closeRun,
  DEFAULT_ERRORS,
  generateRegistry,
  parseConfig,
  runLinkage,
  syntheticConfig,
  writeRecordsCsv,
} from '@khidma/registry';

/**
 * Deduplication benchmark on synthetic Moroccan registries (mixed scripts, 25% duplicates).
 * Each size runs in its own process so peak RSS is per size. Sizes: BENCH_SIZES (default 100k,1M).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface SizeResult {
  records: number;
  generateSeconds: number;
  stages: Record<string, number>;
  /** CPU seconds per stage, all threads (the machine is shared: wall time alone misleads). */
  cpuStages: Record<string, number>;
  cpuSeconds: number;
  /** 1-minute load average when the size finished (other jobs share the 2 cores). */
  loadAverage: number;
  linkSeconds: number;
  comparisons: number;
  rules: { rule: string; comparisons: number }[];
  links: number;
  clusters: number;
  peakRssMb: number;
  chunks: number;
  workers: number;
}

async function runSize(records: number, chunks: number, workers: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-bench-'));
  try {
    let t = performance.now();
    // 25% of persons appear twice: persons = records / 1.25.
    const data = generateRegistry(
      Math.round(records / 1.25),
      [{ name: 'MIX', script: 'mixed', coverage: 1, duplicateRate: 0.25, errors: DEFAULT_ERRORS }],
      2026,
    );
    const path = join(dir, 'registry.csv');
    const rows = data.get('MIX')!;
    await writeRecordsCsv(path, rows);
    const generateSeconds = (performance.now() - t) / 1000;
    data.clear();
    const config = parseConfig({
      ...syntheticConfig([{ name: 'MIX', path }], 'dedupe'),
      maxComparisons: 500_000_000,
      engine: { kind: 'duckdb', memoryLimit: '3GB', tempDirectory: join(dir, 'spill'), chunks, workers },
    });
    t = performance.now();
    const run = await runLinkage(config);
    const linkSeconds = (performance.now() - t) / 1000;
    const result: SizeResult = {
      records: run.loaded.total,
      generateSeconds,
      stages: run.timings as Record<string, number>,
      cpuStages: run.cpuTimings as Record<string, number>,
      cpuSeconds: Object.values(run.cpuTimings).reduce((a, b) => a + (b ?? 0), 0),
      linkSeconds,
      comparisons: run.comparisons,
      rules: run.ruleCounts,
      links: run.edges.left.length,
      clusters: new Set(run.personIds).size,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      loadAverage: loadavg()[0]!,
      chunks,
      workers,
    };
    await closeRun(run);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const child = process.argv.indexOf('--size');
  if (child !== -1) {
    const size = Number(process.argv[child + 1]);
    const chunks = Number(process.env.BENCH_CHUNKS ?? 1);
    const workers = Number(process.env.BENCH_WORKERS ?? 1);
    process.stdout.write(`${JSON.stringify(await runSize(size, chunks, workers))}\n`);
    return;
  }
  const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = r.stdout.trim().split('\n').at(-1);
    if (r.status !== 0 || !line) throw new Error(`size ${size} failed (exit ${r.status})`);
    const res = JSON.parse(line) as SizeResult;
    results.push(res);
    console.error(
      `${size}: ${res.linkSeconds.toFixed(1)} s, ${res.comparisons} comparisons, ${res.peakRssMb.toFixed(0)} MB`,
    );
  }
  const stageNames = ['inspect', 'standardise', 'blocking', 'compare', 'train', 'score', 'cluster'];
  const md = [
    '# Registry deduplication benchmark',
    '',
    `Synthetic Moroccan registry (mixed Arabic/Latin scripts, 25% duplicates, default error rates), DuckDB engine,`,
    `memory_limit 3GB, ${results[0]?.chunks ?? 1} chunk(s). Machine: ${process.env.BENCH_MACHINE ?? '2 cores, shared'}. ${new Date().toISOString()}.`,
    '',
    `| records | ${stageNames.join(' | ')} | total link s (wall) | CPU s (all threads) | comparisons | links | clusters | peak RSS MB |`,
    `|---|${stageNames.map(() => '---').join('|')}|---|---|---|---|---|---|`,
    ...results.map(
      (r) =>
        `| ${r.records.toLocaleString('en-US')} | ${stageNames.map((s) => `${(r.stages[s] ?? 0).toFixed(1)} / ${(r.cpuStages[s] ?? 0).toFixed(1)}`).join(' | ')} | ${r.linkSeconds.toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${r.comparisons.toLocaleString('en-US')} | ${r.links.toLocaleString('en-US')} | ${r.clusters.toLocaleString('en-US')} | ${r.peakRssMb.toFixed(0)} |`,
    ),
    '',
    'Stage cells: wall seconds / CPU seconds (standardise includes loading the CSV). Data generation is excluded.',
    `1-minute load average at the end of each size: ${results.map((r) => r.loadAverage.toFixed(1)).join(', ')} (2 cores shared with other jobs).`,
  ];
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'registry.json'), `${JSON.stringify({ results }, null, 2)}\n`);
  writeFileSync(join(out, 'registry.md'), `${md.join('\n')}\n`);
  console.log(md.join('\n'));
}

await main();
