/**
 * BM25 over weighted fields (BM25F-style: each field's term counts are multiplied by the field weight
 * before saturation). Postings are rebuilt lazily after changes, as typed arrays, so a query is a few
 * tight loops over small arrays.
 */
export interface WeightedTerms {
  /** term -> weighted frequency */
  tf: Map<string, number>;
  length: number;
}

interface Posting {
  docs: Int32Array;
  tfs: Float32Array;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

export class Bm25 {
  private readonly docs: (WeightedTerms | undefined)[] = [];
  private readonly keyToDoc = new Map<string, number>();
  private readonly free: number[] = [];
  private postings = new Map<string, Posting>();
  private lengths = new Float32Array(0);
  private avgLength = 1;
  private live = 0;
  private dirty = true;
  private scores = new Float64Array(0);

  constructor(
    private readonly k1 = 1.2,
    private readonly b = 0.6,
  ) {}

  get size(): number {
    return this.live;
  }

  /** Adds or replaces a document; returns its numeric slot. */
  upsert(key: string, doc: WeightedTerms): number {
    let id = this.keyToDoc.get(key);
    if (id === undefined) {
      id = this.free.pop() ?? this.docs.length;
      this.keyToDoc.set(key, id);
      this.live++;
    }
    this.docs[id] = doc;
    this.dirty = true;
    return id;
  }

  remove(key: string): boolean {
    const id = this.keyToDoc.get(key);
    if (id === undefined) return false;
    this.docs[id] = undefined;
    this.keyToDoc.delete(key);
    this.free.push(id);
    this.live--;
    this.dirty = true;
    return true;
  }

  idOf(key: string): number | undefined {
    return this.keyToDoc.get(key);
  }

  termsOf(id: number): WeightedTerms | undefined {
    return this.docs[id];
  }

  has(term: string): boolean {
    this.build();
    return this.postings.has(term);
  }

  df(term: string): number {
    this.build();
    return this.postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    const n = Math.max(this.live, 1);
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  vocabulary(): IterableIterator<[string, Posting]> {
    this.build();
    return this.postings.entries();
  }

  private build(): void {
    if (!this.dirty) return;
    const lists = new Map<string, { d: number[]; t: number[] }>();
    this.lengths = new Float32Array(this.docs.length);
    let total = 0;
    this.docs.forEach((doc, id) => {
      if (!doc) return;
      this.lengths[id] = doc.length;
      total += doc.length;
      for (const [term, tf] of doc.tf) {
        let l = lists.get(term);
        if (!l) {
          l = { d: [], t: [] };
          lists.set(term, l);
        }
        l.d.push(id);
        l.t.push(tf);
      }
    });
    this.postings = new Map();
    for (const [term, l] of lists) {
      this.postings.set(term, { docs: Int32Array.from(l.d), tfs: Float32Array.from(l.t) });
    }
    this.avgLength = this.live ? total / this.live : 1;
    this.scores = new Float64Array(this.docs.length);
    this.dirty = false;
  }

  /** Top-k (id, score), best first. `accept` filters documents (audience, category…). */
  search(terms: QueryTerm[], k: number, accept?: (id: number) => boolean): { id: number; score: number }[] {
    this.build();
    const scores = this.scores;
    const touched: number[] = [];
    const n = Math.max(this.live, 1);
    for (const { term, weight } of terms) {
      const p = this.postings.get(term);
      if (!p) continue;
      const df = p.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const w = weight * idf;
      for (let i = 0; i < p.docs.length; i++) {
        const id = p.docs[i] as number;
        const tf = p.tfs[i] as number;
        const norm = this.k1 * (1 - this.b + (this.b * (this.lengths[id] as number)) / this.avgLength);
        if (scores[id] === 0) touched.push(id);
        scores[id] = (scores[id] as number) + (w * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    const out: { id: number; score: number }[] = [];
    for (const id of touched) {
      const score = scores[id] as number;
      scores[id] = 0;
      if (score > 0 && (!accept || accept(id))) out.push({ id, score });
    }
    out.sort((a, b) => b.score - a.score);
    return out.slice(0, k);
  }
}
