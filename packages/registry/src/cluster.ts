/** Union-find with path halving and union by size over dense integer ids. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }
}

export interface Edges {
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  weight: ArrayLike<number>;
}

/**
 * Connected components of the edges; each record's cluster is the smallest uid of its component,
 * so the result does not depend on edge order or engine.
 */
export function connectedComponents(n: number, edges: Edges): Int32Array {
  const uf = new UnionFind(n);
  for (let k = 0; k < edges.left.length; k++) uf.union(edges.left[k]!, edges.right[k]!);
  const minOf = new Int32Array(n).fill(-1);
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    if (minOf[r] === -1) minOf[r] = i;
    cluster[i] = minOf[r]!;
  }
  return cluster;
}

/**
 * One-to-one linking for sources without duplicates: edges taken greedily by weight (ties by uid),
 * each record linked to at most one record of each other source.
 */
export function oneToOneEdges(edges: Edges, sourceOf: (uid: number) => number): Edges {
  const order = Array.from({ length: edges.left.length }, (_, k) => k);
  order.sort(
    (a, b) =>
      edges.weight[b]! - edges.weight[a]! ||
      edges.left[a]! - edges.left[b]! ||
      edges.right[a]! - edges.right[b]!,
  );
  const used = new Set<string>();
  const left: number[] = [];
  const right: number[] = [];
  const weight: number[] = [];
  for (const k of order) {
    const a = edges.left[k]!;
    const b = edges.right[k]!;
    const ka = `${a}:${sourceOf(b)}`;
    const kb = `${b}:${sourceOf(a)}`;
    if (used.has(ka) || used.has(kb)) continue;
    used.add(ka);
    used.add(kb);
    left.push(a);
    right.push(b);
    weight.push(edges.weight[k]!);
  }
  return { left, right, weight };
}

/** Cluster-size histogram: size -> number of clusters. */
export function clusterSizes(cluster: Int32Array): Map<number, number> {
  const count = new Map<number, number>();
  for (const c of cluster) count.set(c, (count.get(c) ?? 0) + 1);
  const sizes = new Map<number, number>();
  for (const s of count.values()) sizes.set(s, (sizes.get(s) ?? 0) + 1);
  return sizes;
}
