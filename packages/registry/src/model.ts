import { readFileSync, writeFileSync } from 'node:fs';
import type { LinkConfig } from './config.js';
import { RegistryError } from './errors.js';
import type { ComparisonSpec, LevelSpec } from './levels.js';

export interface LevelParams extends LevelSpec {
  m: number;
  u: number;
}

export interface ComparisonParams extends Omit<ComparisonSpec, 'levels'> {
  levels: LevelParams[];
}

export interface EmIteration {
  iteration: number;
  prior: number;
  maxChange: number;
}

/** A Fellegi-Sunter model: prior match probability plus m and u per comparison level. */
export interface LinkModel {
  format: 'khidma-registry-model';
  version: 1;
  linkType: LinkConfig['linkType'];
  /** Probability that a candidate pair (after blocking) is a match. */
  prior: number;
  threshold: number;
  comparisons: ComparisonParams[];
  training: {
    uPairs: number;
    emIterations: number;
    converged: boolean;
    history: EmIteration[];
    mSource: 'em' | 'labels';
  };
  /** The linkage config the model was trained with, so explain can reload the records. */
  config?: LinkConfig;
  /** Term frequencies (top values) of tf comparisons, for explanations without the data. */
  tf?: Record<string, Record<string, number>>;
}

const EPS = 1e-6;
const M_FLOOR = 1e-3;

export function log2(x: number): number {
  return Math.log(x) / Math.LN2;
}

/** The Bayes-factor weight of one level; null levels carry no evidence. */
export function levelWeight(level: LevelParams): number {
  if (level.isNull) return 0;
  // A level never seen among matches in training still happens in real data: bound its evidence.
  return log2(Math.max(level.m, M_FLOOR) / Math.max(level.u, EPS));
}

export function priorWeight(prior: number): number {
  return log2(prior / (1 - prior));
}

export function probabilityFromWeight(w: number): number {
  return 1 / (1 + 2 ** -w);
}

/** Starting m values: most mass on the best level, decreasing geometrically. */
export function initialParams(specs: ComparisonSpec[]): ComparisonParams[] {
  return specs.map((s) => {
    const scoring = s.levels.filter((l) => !l.isNull);
    const raw = scoring.map((_, i) => 0.5 ** (i + 1) + (i === scoring.length - 1 ? 0.02 : 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const uniform = 1 / scoring.length;
    let k = 0;
    return {
      ...s,
      levels: s.levels.map((l) =>
        l.isNull ? { ...l, m: 0, u: 0 } : { ...l, m: raw[k++]! / total, u: uniform },
      ),
    };
  });
}

/** Sets u per level from gamma-pattern counts over random pairs. */
export function applyU(params: ComparisonParams[], patterns: Pattern[], smoothing = 1): void {
  params.forEach((c, ci) => {
    const counts = c.levels.map(() => 0);
    for (const p of patterns) counts[p.gammas[ci]!]! += p.n;
    const scoring = c.levels.map((l, i) => (l.isNull ? 0 : counts[i]!));
    const total = scoring.reduce((a, b) => a + b, 0) + smoothing * scoring.length;
    c.levels.forEach((l, i) => {
      l.u = l.isNull ? 0 : (scoring[i]! + smoothing) / total;
    });
  });
}

export interface Pattern {
  gammas: number[];
  n: number;
}

export interface EmOptions {
  maxIterations: number;
  tolerance: number;
  /** Also re-estimate u (off by default: u from random pairs is more reliable). */
  updateU?: boolean;
  /** Keep m fixed (m from labels): EM then only estimates the prior. */
  fixM?: boolean;
  /**
   * Comparisons left out of this EM run: those used by the blocking rule that produced the pairs,
   * whose agreement is forced by blocking and so says nothing about matches (as in Splink).
   */
  exclude?: Set<number>;
}

/**
 * Expectation-maximisation over agreement-pattern counts (the table SQL returns), estimating the
 * prior and m (and optionally u) with the other parameters fixed.
 */
export function runEm(
  params: ComparisonParams[],
  patterns: Pattern[],
  startPrior: number,
  opts: EmOptions,
): { prior: number; iterations: number; converged: boolean; history: EmIteration[] } {
  let prior = startPrior;
  const history: EmIteration[] = [];
  const total = patterns.reduce((a, p) => a + p.n, 0);
  if (total === 0) return { prior: startPrior, iterations: 0, converged: true, history };
  for (let it = 1; it <= opts.maxIterations; it++) {
    const mAcc = params.map((c) => c.levels.map(() => 0));
    const uAcc = params.map((c) => c.levels.map(() => 0));
    let matchMass = 0;
    for (const p of patterns) {
      let pm = prior;
      let pu = 1 - prior;
      p.gammas.forEach((g, ci) => {
        const level = params[ci]!.levels[g]!;
        if (level.isNull || opts.exclude?.has(ci)) return;
        pm *= Math.max(level.m, 1e-12);
        pu *= Math.max(level.u, 1e-12);
      });
      const post = pm / (pm + pu);
      matchMass += post * p.n;
      p.gammas.forEach((g, ci) => {
        mAcc[ci]![g]! += post * p.n;
        uAcc[ci]![g]! += (1 - post) * p.n;
      });
    }
    let maxChange = 0;
    params.forEach((c, ci) => {
      if (opts.exclude?.has(ci)) return;
      const mTotal = c.levels.reduce((a, l, i) => a + (l.isNull ? 0 : mAcc[ci]![i]!), 0);
      const uTotal = c.levels.reduce((a, l, i) => a + (l.isNull ? 0 : uAcc[ci]![i]!), 0);
      c.levels.forEach((l, i) => {
        if (l.isNull) return;
        const m = mTotal > 0 && !opts.fixM ? mAcc[ci]![i]! / mTotal : l.m;
        maxChange = Math.max(maxChange, Math.abs(m - l.m));
        l.m = m;
        if (opts.updateU && uTotal > 0) l.u = uAcc[ci]![i]! / uTotal;
      });
    });
    const newPrior = Math.min(Math.max(matchMass / total, 1e-9), 1 - 1e-9);
    maxChange = Math.max(maxChange, Math.abs(newPrior - prior));
    prior = newPrior;
    history.push({ iteration: it, prior, maxChange });
    if (maxChange < opts.tolerance) return { prior, iterations: it, converged: true, history };
  }
  return { prior, iterations: opts.maxIterations, converged: false, history };
}

/** m from labelled pairs (e.g. review-queue decisions): level shares among pairs labelled a match. */
export function applyMFromLabels(params: ComparisonParams[], matches: Pattern[], smoothing = 0.5): void {
  params.forEach((c, ci) => {
    const counts = c.levels.map(() => 0);
    for (const p of matches) counts[p.gammas[ci]!]! += p.n;
    const scoring = c.levels.map((l, i) => (l.isNull ? 0 : counts[i]!));
    const total = scoring.reduce((a, b) => a + b, 0) + smoothing * scoring.length;
    c.levels.forEach((l, i) => {
      if (!l.isNull) l.m = (scoring[i]! + smoothing) / total;
    });
  });
}

function lit(x: number): string {
  if (!Number.isFinite(x)) throw new Error('non-finite weight');
  return x.toPrecision(17);
}

/** SQL expression of the match weight of a row of the `pairs` table, including TF adjustments. */
export function matchWeightSql(model: LinkModel): string {
  const terms = [lit(priorWeight(model.prior))];
  for (const c of model.comparisons) {
    const cases = c.levels.map((l, i) => `when ${i} then ${lit(levelWeight(l))}`).join(' ');
    terms.push(`(case g_${c.name} ${cases} else 0 end)`);
    const exact = c.levels.findIndex((l) => l.tfExact);
    if (c.termFrequency && exact >= 0) {
      const u = Math.max(c.levels[exact]!.u, EPS);
      terms.push(
        `(case when g_${c.name} = ${exact} then coalesce(ln(${lit(u)} / greatest(tf_l_${c.name}, tf_r_${c.name}, ${lit(EPS)})) / ln(2.0), 0) else 0 end)`,
      );
    }
  }
  return terms.join(' + ');
}

/** Term-frequency adjustment in bits for an exact match on a value with frequency tf. */
export function tfAdjustment(level: LevelParams, tf: number | null): number {
  if (tf === null || !level.tfExact) return 0;
  return log2(Math.max(level.u, EPS) / Math.max(tf, EPS));
}

export function saveModel(model: LinkModel, file: string): void {
  writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
}

export function loadModel(file: string): LinkModel {
  let model: LinkModel;
  try {
    model = JSON.parse(readFileSync(file, 'utf8')) as LinkModel;
  } catch (err) {
    throw new RegistryError('invalid_model', { detail: (err as Error).message });
  }
  if (model?.format !== 'khidma-registry-model' || !Array.isArray(model.comparisons))
    throw new RegistryError('invalid_model', { detail: 'not a khidma registry model' });
  return model;
}
