import { closeRun, type LinkRun, loadConfigFile, runLinkage } from '@khidma/registry';
import { exactClusters, type Prf, pairKey, pairsOfGroups, pairwise } from './metrics.js';

export interface LinkEval {
  dataset: string;
  records: number;
  comparisons: number;
  pairwise: Prf;
  /** Pairs implied by the clusters (transitive closure). */
  clusterPairs: Prf;
  /** Clusters that equal a true cluster exactly. */
  clusterExact: Prf;
  seconds: number;
}

/** FEBRL truth: rec-N-org and rec-N-dup-k are the same person N. */
export function febrlEntity(recordId: string): string {
  const m = /^rec-(\d+)-/.exec(recordId);
  return m ? m[1]! : recordId;
}

export function evaluateRun(
  run: LinkRun,
  dataset: string,
  entityOf: (key: string) => string,
  seconds: number,
): LinkEval {
  const cross = run.config.linkType === 'link';
  const truth = new Map(run.keys.map((k) => [k, entityOf(k)]));
  const truePairs = pairsOfGroups(truth, cross);
  const predicted = new Set<string>();
  for (let i = 0; i < run.edges.left.length; i++)
    predicted.add(pairKey(run.keys[run.edges.left[i]!]!, run.keys[run.edges.right[i]!]!));
  const clusters = new Map(run.keys.map((k, uid) => [k, run.personIds[uid]!]));
  return {
    dataset,
    records: run.loaded.total,
    comparisons: run.comparisons,
    pairwise: pairwise(predicted, truePairs),
    clusterPairs: pairwise(pairsOfGroups(clusters, cross), truePairs),
    clusterExact: exactClusters(clusters, truth),
    seconds,
  };
}

export async function evaluateFebrl(configFile: string, dataset: string): Promise<LinkEval> {
  const config = loadConfigFile(configFile);
  const t = performance.now();
  const run = await runLinkage(config);
  try {
    return evaluateRun(
      run,
      dataset,
      (k) => febrlEntity(k.slice(k.indexOf(':') + 1)),
      (performance.now() - t) / 1000,
    );
  } finally {
    await closeRun(run);
  }
}
