import type { BlockingRule } from './blocking.js';
import type { LinkConfig } from './config.js';
import type { Engine } from './engine/types.js';
import type { ComparisonSpec } from './levels.js';
import { type LoadedSources, nameSetColumns } from './load.js';
import {
  applyMFromLabels,
  applyU,
  type ComparisonParams,
  type EmIteration,
  initialParams,
  type LinkModel,
  runEm,
} from './model.js';
import { allPatterns, labelledPatterns, patternCounts, randomPairPatterns } from './training.js';

/** Indexes of the comparisons whose fields a blocking rule uses (their agreement is forced). */
export function blockedComparisons(rule: BlockingRule, specs: ComparisonSpec[]): Set<number> {
  const referenced = new Set<string>();
  for (const key of rule.keys) for (const m of key.matchAll(/\bl\.([a-z0-9_]+)/g)) referenced.add(m[1]!);
  const sets = new Map(nameSetColumns(specs).map((s) => [s.name, [s.a, s.b]]));
  const fields = new Set<string>();
  for (const col of referenced) {
    const pair = sets.get(col);
    if (pair) for (const f of pair) fields.add(f);
    else for (const s of specs) if (col === s.field || col.startsWith(`${s.field}_`)) fields.add(s.field);
  }
  return new Set(specs.map((s, i) => (fields.has(s.field) ? i : -1)).filter((i) => i >= 0));
}

const MIN_PAIRS_PER_RULE = 50;

/**
 * Trains the Fellegi-Sunter model:
 * - u from deterministic pseudo-random pairs;
 * - m by EM run separately on the pairs of each blocking rule, leaving out the comparisons that
 *   rule blocks on, then averaged over the rules that could estimate it (or m from labels);
 * - the prior as the probability that two random records match: expected matches among the
 *   candidates (EM on all candidates with m and u fixed) over all possible pairs, because the
 *   comparison vector already carries the blocking evidence.
 */
export async function trainModel(
  engine: Engine,
  config: LinkConfig,
  specs: ComparisonSpec[],
  rules: BlockingRule[],
  loaded: LoadedSources,
  labels: { left: string; right: string; match: boolean }[] | undefined,
  progress: (done: number) => void,
): Promise<LinkModel> {
  const params = initialParams(specs);
  const possible =
    config.linkType === 'link'
      ? loaded.counts[0]! * (loaded.total - loaded.counts[0]!)
      : (loaded.total * (loaded.total - 1)) / 2;
  const uPairs = Math.max(1, Math.min(config.training.uPairs, possible));
  const random = await randomPairPatterns(engine, params, loaded, config.linkType, uPairs);
  applyU(params, random.patterns);
  progress(1);
  const byRule = await patternCounts(engine, params, rules.length);
  const everything = await allPatterns(engine, params);
  progress(2);
  const opts = { maxIterations: config.training.maxIterations, tolerance: config.training.tolerance };
  const matches = labels ? await labelledPatterns(engine, params, labels) : [];
  let history: EmIteration[] = [];
  let iterations = 0;
  let converged = true;
  if (matches.length > 0) applyMFromLabels(params, matches);
  else {
    const sums = params.map((c) => c.levels.map(() => 0));
    const runs = params.map(() => 0);
    const usable = [...byRule.entries()].filter(
      ([, p]) => p.reduce((a, x) => a + x.n, 0) >= MIN_PAIRS_PER_RULE,
    );
    for (const [ruleId, patterns] of usable.length > 0 ? usable : [...byRule.entries()]) {
      const exclude = blockedComparisons(rules[ruleId]!, specs);
      const trial: ComparisonParams[] = structuredClone(params);
      const em = runEm(trial, patterns, 0.3, { ...opts, exclude });
      history = history.concat(em.history);
      iterations += em.iterations;
      converged &&= em.converged;
      trial.forEach((c, ci) => {
        if (exclude.has(ci)) return;
        runs[ci]!++;
        c.levels.forEach((l, li) => {
          sums[ci]![li]! += l.m;
        });
      });
    }
    params.forEach((c, ci) => {
      if (runs[ci] === 0) return; // blocked by every rule: keep the starting m
      c.levels.forEach((l, li) => {
        if (!l.isNull) l.m = sums[ci]![li]! / runs[ci]!;
      });
    });
  }
  const fit = runEm(params, everything, 0.3, { ...opts, fixM: true });
  const candidates = everything.reduce((a, p) => a + p.n, 0);
  const expectedMatches = fit.prior * candidates;
  const prior = Math.min(Math.max(expectedMatches / Math.max(possible, 1), 1e-12), 0.5);
  progress(3);
  return {
    format: 'khidma-registry-model',
    version: 1,
    linkType: config.linkType,
    prior,
    threshold: config.threshold,
    comparisons: params,
    training: {
      uPairs: random.sampled,
      emIterations: iterations,
      converged,
      history,
      mSource: matches.length > 0 ? 'labels' : 'em',
    },
    config,
  };
}
