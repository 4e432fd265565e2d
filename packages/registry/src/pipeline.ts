import { performance } from 'node:perf_hooks';
import { type BlockingRule, checkBlockingRules, parseBlockingRule, type RuleCount } from './blocking.js';
import { connectedComponents, type Edges, oneToOneEdges } from './cluster.js';
import { buildComparisonVectors, defaultWorkers } from './compare.js';
import type { LinkConfig } from './config.js';
import { openEngine } from './engine/index.js';
import type { Engine } from './engine/types.js';
import { standardColumns } from './fields.js';
import { type InspectedSource, inspectSource } from './input.js';
import { buildComparisons } from './levels.js';
import { describeParquet, type LoadedSources, loadAndStandardise, nameSetColumns } from './load.js';
import { type LinkModel, matchWeightSql } from './model.js';
import { assignStableIds, readMapping } from './stable-ids.js';
import { trainModel } from './train.js';

export type Stage =
  | 'inspect'
  | 'load'
  | 'standardise'
  | 'blocking'
  | 'compare'
  | 'train'
  | 'score'
  | 'cluster';

export interface Progress {
  stage: Stage;
  done: number;
  total: number;
}

export interface LinkOptions {
  /** Use this engine (left open) instead of opening one from the config. */
  engine?: Engine;
  onProgress?: (p: Progress) => void;
  /** Labelled pairs ("source:record_id"); matches give m directly instead of EM. */
  labels?: { left: string; right: string; match: boolean }[];
  /** Skip EM and score with this model's parameters. */
  model?: LinkModel;
}

export interface LinkRun {
  config: LinkConfig;
  engine: Engine;
  ownsEngine: boolean;
  model: LinkModel;
  loaded: LoadedSources;
  ruleCounts: RuleCount[];
  comparisons: number;
  edges: Edges;
  /** Cluster (smallest uid of the component) per uid. */
  cluster: Int32Array;
  personIds: string[];
  keys: string[];
  timings: Partial<Record<Stage, number>>;
  cpuTimings: Partial<Record<Stage, number>>;
}

/** Columns of `rec` that blocking rules may reference. */
export function recColumns(config: LinkConfig): Set<string> {
  const cols = new Set(['uid', 'src', 'source', 'record_id']);
  for (const c of nameSetColumns(buildComparisons(config.fields, config.comparisons))) cols.add(c.name);
  for (const f of config.fields) {
    for (const c of standardColumns(f)) cols.add(c.name);
    cols.add(`${f.name}_raw`);
  }
  return cols;
}

export async function inspectAll(config: LinkConfig): Promise<InspectedSource[]> {
  const out: InspectedSource[] = [];
  for (const s of config.sources) out.push(await inspectSource(s, config.fields, describeParquet));
  return out;
}

/**
 * Runs the whole linkage: inspect, load + standardise, count blocking rules, build comparison
 * vectors, estimate u (random pairs) and m (EM or labels), score, cluster and assign stable ids.
 * The engine stays open in the result (for outputs and explanations); call closeRun() after.
 */
export async function runLinkage(config: LinkConfig, opts: LinkOptions = {}): Promise<LinkRun> {
  const timings: Partial<Record<Stage, number>> = {};
  const progress = opts.onProgress ?? (() => {});
  const cpuTimings: Partial<Record<Stage, number>> = {};
  let t = performance.now();
  let cpu = process.cpuUsage();
  // Wall and CPU seconds per stage (CPU covers DuckDB's threads too: it is in-process).
  const stageDone = (stage: Stage) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    timings[stage] = (timings[stage] ?? 0) + (now - t) / 1000;
    cpuTimings[stage] = (cpuTimings[stage] ?? 0) + (used.user + used.system) / 1e6;
    t = now;
    cpu = process.cpuUsage();
  };
  progress({ stage: 'inspect', done: 0, total: config.sources.length });
  const sources = await inspectAll(config);
  progress({ stage: 'inspect', done: config.sources.length, total: config.sources.length });
  const specs = buildComparisons(config.fields, config.comparisons);
  const columns = recColumns(config);
  const rules: BlockingRule[] = config.blocking.map((r) => parseBlockingRule(r, columns));
  stageDone('inspect');

  const ownsEngine = !opts.engine;
  const engine =
    opts.engine ??
    (await openEngine({
      kind: config.engine.kind,
      memoryLimit: config.engine.memoryLimit,
      tempDirectory: config.engine.tempDirectory,
      threads: config.engine.threads,
      databaseUrl: config.engine.databaseUrl,
    }));
  try {
    const loaded = await loadAndStandardise(engine, config, sources, specs, (step, done, total) =>
      progress({ stage: step as Stage, done, total }),
    );
    stageDone('standardise');

    progress({ stage: 'blocking', done: 0, total: rules.length });
    const ruleCounts = await checkBlockingRules(engine, rules, config.linkType, config.maxComparisons);
    progress({ stage: 'blocking', done: rules.length, total: rules.length });
    stageDone('blocking');

    const workers = config.engine.workers ?? (config.engine.chunks > 1 ? defaultWorkers() : 1);
    const comparisons = await buildComparisonVectors(engine, specs, rules, config.linkType, {
      chunks: config.engine.chunks,
      workers,
      onChunk: (done, total) => progress({ stage: 'compare', done, total }),
    });
    stageDone('compare');

    progress({ stage: 'train', done: 0, total: 3 });
    const model =
      opts.model ??
      (await trainModel(engine, config, specs, rules, loaded, opts.labels, (done) =>
        progress({ stage: 'train', done, total: 3 }),
      ));
    progress({ stage: 'train', done: 3, total: 3 });
    stageDone('train');

    progress({ stage: 'score', done: 0, total: 1 });
    const w = matchWeightSql(model);
    await engine.exec('drop table if exists scored');
    await engine.exec(
      `create table scored as select p.*, ${w} as match_weight, 1.0 / (1.0 + power(2.0, -(${w}))) as match_probability from pairs p`,
    );
    await engine.exec('drop table pairs');
    progress({ stage: 'score', done: 1, total: 1 });
    stageDone('score');

    progress({ stage: 'cluster', done: 0, total: 2 });
    let edges = await readEdges(engine, model.threshold);
    if (config.oneToOne) {
      const offsets = loaded.offsets;
      const sourceOf = (uid: number) => {
        let s = 0;
        while (s + 1 < offsets.length && offsets[s + 1]! <= uid) s++;
        return s;
      };
      edges = oneToOneEdges(edges, sourceOf);
    }
    const cluster = connectedComponents(loaded.total, edges);
    progress({ stage: 'cluster', done: 1, total: 2 });
    const keyRows = await engine.query<{ k: string }>(
      `select source || ':' || record_id as k from rec order by uid`,
    );
    const keys = keyRows.map((r) => r.k);
    const personIds = assignStableIds(keys, cluster, readMapping(config.previousMapping));
    progress({ stage: 'cluster', done: 2, total: 2 });
    stageDone('cluster');
    return {
      config,
      engine,
      ownsEngine,
      model,
      loaded,
      ruleCounts,
      comparisons,
      edges,
      cluster,
      personIds,
      keys,
      timings,
      cpuTimings,
    };
  } catch (err) {
    if (ownsEngine) await engine.close();
    throw err;
  }
}

async function readEdges(engine: Engine, threshold: number): Promise<Edges> {
  const rows = await engine.query<{ a: number; b: number; w: number }>(
    `select uid_l as a, uid_r as b, match_weight as w from scored where match_probability >= ${threshold}`,
  );
  const left = new Int32Array(rows.length);
  const right = new Int32Array(rows.length);
  const weight = new Float64Array(rows.length);
  rows.forEach((r, k) => {
    left[k] = r.a;
    right[k] = r.b;
    weight[k] = r.w;
  });
  return { left, right, weight };
}

/** Inspects, loads and standardises the sources into `rec` (what explanations need). */
export async function prepareRecords(engine: Engine, config: LinkConfig): Promise<LoadedSources> {
  const sources = await inspectAll(config);
  return loadAndStandardise(engine, config, sources, buildComparisons(config.fields, config.comparisons));
}

export async function closeRun(run: LinkRun): Promise<void> {
  if (run.ownsEngine) await run.engine.close();
}
