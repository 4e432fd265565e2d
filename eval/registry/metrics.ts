/** Pairwise and cluster-level quality measures for record linkage. */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  actual: number;
}

export function prf(tp: number, predicted: number, actual: number): Prf {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = actual === 0 ? 0 : tp / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives: tp, predicted, actual };
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`;
}

/** Pairs of record keys sharing a group, optionally only across sources ("source:id" keys). */
export function pairsOfGroups(groupOf: Map<string, string>, crossSourceOnly: boolean): Set<string> {
  const groups = new Map<string, string[]>();
  for (const [key, g] of groupOf) {
    const list = groups.get(g);
    if (list) list.push(key);
    else groups.set(g, [key]);
  }
  const out = new Set<string>();
  for (const members of groups.values()) {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (crossSourceOnly && a.slice(0, a.indexOf(':')) === b.slice(0, b.indexOf(':'))) continue;
        out.add(pairKey(a, b));
      }
  }
  return out;
}

export function pairwise(predicted: Set<string>, truth: Set<string>): Prf {
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  return prf(tp, predicted.size, truth.size);
}

/** Cluster F1: a predicted cluster counts when it equals a true cluster exactly. */
export function exactClusters(predicted: Map<string, string>, truth: Map<string, string>): Prf {
  const sig = (m: Map<string, string>) => {
    const groups = new Map<string, string[]>();
    for (const [k, g] of m) {
      const list = groups.get(g);
      if (list) list.push(k);
      else groups.set(g, [k]);
    }
    return new Set([...groups.values()].map((l) => l.sort().join('\u0002')));
  };
  const p = sig(predicted);
  const t = sig(truth);
  let tp = 0;
  for (const c of p) if (t.has(c)) tp++;
  return prf(tp, p.size, t.size);
}
