import { createHash } from 'node:crypto';
import { loadSampleCatalog } from './catalog/sample.js';
import type { Catalog, CatalogMeta, KnowledgeDocument, Procedure } from './catalog/types.js';
import { KnowledgeIndex } from './search/knowledge-index.js';
import type { SearchOptions, SearchResult } from './search/search-types.js';
import type { KnowledgeStore, UpsertOutcome } from './store.js';

/** Embedding model configured in the gateway (dense retrieval is off without one). */
export interface Embedder {
  model: string;
  embed(texts: string[], opts?: { signal?: AbortSignal }): Promise<number[][]>;
}

/** Stable hash of a value: JSON with sorted keys, so key order in a source file does not matter. */
export function contentHash(value: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canon(value)))
    .digest('hex');
}

const RRF_K = 60;

/**
 * The knowledge base service: the persistent store, the in-memory search index rebuilt from it at start,
 * and optional dense vectors fused with BM25 by reciprocal rank fusion.
 */
export class KnowledgeBase {
  readonly index: KnowledgeIndex;
  private vectors = new Map<string, Float32Array>();
  private meta: CatalogMeta = { name: 'khidma-catalog', version: '0', sample: false };

  constructor(
    readonly store: KnowledgeStore,
    private readonly opts: { embedder?: Embedder; index?: KnowledgeIndex } = {},
  ) {
    this.index = opts.index ?? new KnowledgeIndex();
  }

  get embedder(): Embedder | undefined {
    return this.opts.embedder;
  }

  /** Rebuilds the index from the store (called at start). */
  async load(): Promise<{ procedures: number; documents: number }> {
    const procs = await this.store.loadProcedures();
    for (const p of procs) this.index.upsertProcedure(p.procedure);
    const docs = await this.store.loadDocuments();
    for (const d of docs) this.index.upsertDocument(d.document);
    if (procs.some((p) => p.procedure.sample)) this.meta = { ...this.meta, sample: true };
    return { procedures: procs.length, documents: docs.length };
  }

  /** Seeds the project's sample catalog when the store holds no procedure yet (first start). */
  async seedIfEmpty(catalog: Catalog = loadSampleCatalog()): Promise<number> {
    if (this.index.listProcedures().length > 0) return 0;
    if ((await this.store.loadProcedures()).length > 0) return 0;
    this.meta = catalog.meta;
    const source = `sample:${catalog.meta.name}@${catalog.meta.version}`;
    if (this.store.insertMany) {
      const items = catalog.procedures.map((procedure) => ({
        procedure,
        hash: contentHash(procedure),
        source,
      }));
      const n = await this.store.insertMany(items);
      for (const p of catalog.procedures) this.index.upsertProcedure(p);
      return n;
    }
    let n = 0;
    for (const p of catalog.procedures) {
      if (
        (await this.upsertProcedure(p, `sample:${catalog.meta.name}@${catalog.meta.version}`)) !== 'unchanged'
      )
        n++;
    }
    return n;
  }

  async upsertProcedure(p: Procedure, source: string): Promise<UpsertOutcome> {
    const { outcome } = await this.store.upsertProcedure(p, contentHash(p), source);
    if (outcome !== 'unchanged') {
      this.index.upsertProcedure(p);
      this.vectorsStale = true;
    }
    return outcome;
  }

  async upsertDocument(d: KnowledgeDocument): Promise<UpsertOutcome> {
    const { outcome } = await this.store.upsertDocument(d, contentHash(d));
    if (outcome !== 'unchanged') {
      this.index.upsertDocument(d);
      this.vectorsStale = true;
    }
    return outcome;
  }

  /** Content changed since the last embedding pass: the next search refreshes vectors in the background. */
  private vectorsStale = false;
  private refreshing: Promise<number> | undefined;
  private refreshInBackground(): void {
    if (!this.vectorsStale || this.refreshing || !this.opts.embedder) return;
    this.vectorsStale = false;
    this.refreshing = this.refreshVectors()
      .catch(() => {
        this.vectorsStale = true;
        return 0;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
  }

  async deleteProcedure(id: string): Promise<boolean> {
    this.index.removeProcedure(id);
    return this.store.deleteProcedure(id);
  }

  exportCatalog(): Catalog {
    const procedures = this.index.listProcedures().sort((a, b) => a.id.localeCompare(b.id));
    return { meta: this.meta, procedures };
  }

  /** Computes missing embeddings (by content hash) and loads them; no-op without an embedder. */
  async refreshVectors(batch = 32): Promise<number> {
    const e = this.opts.embedder;
    if (!e) return 0;
    const stored = (await this.store.loadVectors?.(e.model)) ?? new Map();
    const todo: { key: string; hash: string; text: string }[] = [];
    const vectors = new Map<string, Float32Array>();
    for (const { key, text } of this.index.entryKeys()) {
      const hash = contentHash(text);
      const have = stored.get(key);
      if (have && have.hash === hash) vectors.set(key, unit(have.vector));
      else todo.push({ key, hash, text });
    }
    for (let i = 0; i < todo.length; i += batch) {
      const part = todo.slice(i, i + batch);
      const out = await e.embed(part.map((t) => t.text));
      const rows = part.map((t, j) => ({ key: t.key, hash: t.hash, vector: out[j] ?? [] }));
      await this.store.saveVectors?.(e.model, rows);
      for (const r of rows) vectors.set(r.key, unit(r.vector));
    }
    this.vectors = vectors;
    return todo.length;
  }

  /**
   * Hybrid search. BM25 always runs; with an embedder and vectors, the dense ranking is fused with the
   * lexical one by RRF. The refusal confidence stays the lexical coverage, raised when both agree.
   */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    const limit = opts.limit ?? 5;
    this.refreshInBackground();
    const lexical = this.index.search(query, { ...opts, limit: Math.max(limit, 20) });
    const e = this.opts.embedder;
    if (!e || this.vectors.size === 0 || !query.trim())
      return { ...lexical, hits: lexical.hits.slice(0, limit) };
    let qv: Float32Array;
    try {
      qv = unit((await e.embed([query.slice(0, 2000)]))[0] ?? []);
    } catch {
      return { ...lexical, hits: lexical.hits.slice(0, limit) };
    }
    const dense: { key: string; score: number }[] = [];
    for (const [key, v] of this.vectors) {
      if (v.length !== qv.length || !this.index.acceptsKey(key, opts)) continue;
      dense.push({ key, score: dot(qv, v) });
    }
    dense.sort((a, b) => b.score - a.score);
    const fused = new Map<string, number>();
    lexical.hits.forEach((h, i) => {
      const key = h.kind === 'procedure' ? `p:${h.id}` : `c:${h.id}`;
      fused.set(key, (fused.get(key) ?? 0) + 1 / (RRF_K + i + 1));
    });
    dense.slice(0, 20).forEach((d, i) => {
      fused.set(d.key, (fused.get(d.key) ?? 0) + 1 / (RRF_K + i + 1));
    });
    const ranked = [...fused].sort((a, b) => b[1] - a[1]).slice(0, limit);
    const hits = this.index.hitsForKeys(
      ranked.map(([key, score]) => ({ key, score })),
      query,
      opts.preferLang,
    );
    const agree =
      hits[0] && lexical.hits[0] && hits[0].id === lexical.hits[0].id && dense[0]?.score !== undefined;
    const confidence = agree ? Math.min(1, lexical.confidence + 0.1) : lexical.confidence;
    return { ...lexical, hits, confidence };
  }
}

function unit(v: number[]): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  return Float32Array.from(v, (x) => x * s);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
