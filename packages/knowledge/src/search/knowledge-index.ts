import { identify } from '@khidma/lang';
import type { Audience, Category, KnowledgeDocument, Procedure, TextLang } from '../catalog/types.js';
import { type Analysis, CONCEPT_PREFIX } from './analysis-terms.js';
import { analyze } from './analyzer.js';
import { answerConfidence } from './answer-confidence.js';
import { Bm25, type WeightedTerms } from './bm25.js';
import { agreeWithConcepts } from './concept-agreement.js';
import { EntryTerms, texts } from './entry-terms.js';
import { Lexicon } from './lexicon.js';
import { bestPassages, type PassageCandidate, procedurePassages } from './passages.js';
import type { SearchFilters, SearchHit, SearchOptions, SearchResult } from './search-types.js';
import { Speller } from './speller.js';

interface Entry {
  key: string;
  kind: 'procedure' | 'chunk';
  procedure?: Procedure;
  chunkDoc?: KnowledgeDocument;
  chunkOrdinal?: number;
  audience: Audience[];
  administration: string;
  category?: Category;
  candidates: PassageCandidate[];
}

/** In-memory hybrid index over procedures and imported document passages. */
export class KnowledgeIndex {
  readonly lexicon: Lexicon;
  private readonly bm25 = new Bm25();
  private readonly entries: (Entry | undefined)[] = [];
  private readonly procedures = new Map<string, Procedure>();
  private readonly documents = new Map<string, KnowledgeDocument>();
  private speller: Speller | undefined;
  private readonly entryTerms: EntryTerms;

  /** Each index owns its lexicon, because catalog keywords are added to it as per-procedure concepts. */
  constructor(lexicon: Lexicon = Lexicon.fromSources()) {
    this.lexicon = lexicon;
    this.entryTerms = new EntryTerms(lexicon);
  }

  get size(): number {
    return this.bm25.size;
  }

  getProcedure(id: string): Procedure | undefined {
    return this.procedures.get(id);
  }

  listProcedures(): Procedure[] {
    return [...this.procedures.values()];
  }

  listDocuments(): KnowledgeDocument[] {
    return [...this.documents.values()];
  }

  upsertProcedure(p: Procedure): void {
    this.procedures.set(p.id, p);
    this.reindexProcedure(p.id);
  }

  removeProcedure(id: string): void {
    this.procedures.delete(id);
    this.bm25.remove(`p:${id}`);
  }

  upsertDocument(doc: KnowledgeDocument): void {
    const old = this.documents.get(doc.id);
    if (old) this.removeDocument(doc.id);
    this.documents.set(doc.id, doc);
    for (const c of doc.chunks) {
      const pid = c.procedureId ?? doc.procedureId;
      if (pid && this.procedures.has(pid)) continue;
      const candidates: PassageCandidate[] = [{ field: 'chunk', lang: 'und', text: c.text }];
      this.put(`c:${doc.id}#${c.ordinal}`, this.entryTerms.forChunk(doc, c), {
        key: `c:${doc.id}#${c.ordinal}`,
        kind: 'chunk',
        chunkDoc: doc,
        chunkOrdinal: c.ordinal,
        audience: [],
        administration: '',
        candidates,
      });
    }
    const attached = new Set(doc.chunks.map((c) => c.procedureId ?? doc.procedureId).filter(Boolean));
    for (const pid of attached) if (pid && this.procedures.has(pid)) this.reindexProcedure(pid);
  }

  removeDocument(id: string): void {
    const doc = this.documents.get(id);
    if (!doc) return;
    this.documents.delete(id);
    const attached = new Set<string>();
    for (const c of doc.chunks) {
      this.bm25.remove(`c:${doc.id}#${c.ordinal}`);
      const pid = c.procedureId ?? doc.procedureId;
      if (pid) attached.add(pid);
    }
    for (const pid of attached) if (this.procedures.has(pid)) this.reindexProcedure(pid);
  }

  private attachedChunks(pid: string): { text: string; headings: string[] }[] {
    const out: { text: string; headings: string[] }[] = [];
    for (const d of this.documents.values()) {
      for (const c of d.chunks) if ((c.procedureId ?? d.procedureId) === pid) out.push(c);
    }
    return out;
  }

  private reindexProcedure(id: string): void {
    const p = this.procedures.get(id);
    if (!p) return;
    // The catalog's own alternative names become a concept of this procedure ("lakarte" → §kw:cnie-…):
    // a question using one of them is clearly about a catalogued procedure.
    for (const k of p.keywords) this.lexicon.add(`kw:${p.id}`, k);
    const chunks = this.attachedChunks(id);
    const candidates = procedurePassages(p);
    for (const c of chunks) candidates.push({ field: 'chunk', lang: 'und', text: c.text });
    this.put(`p:${id}`, this.entryTerms.forProcedure(p, chunks), {
      key: `p:${id}`,
      kind: 'procedure',
      procedure: p,
      audience: p.audience,
      administration: p.administration.id,
      category: p.category,
      candidates,
    });
  }

  private put(key: string, terms: WeightedTerms, entry: Entry): void {
    const id = this.bm25.upsert(key, terms);
    this.entries[id] = entry;
    this.speller = undefined;
  }

  private getSpeller(): Speller {
    if (this.speller) return this.speller;
    const sp = new Speller();
    for (const w of this.lexicon.words) sp.add(w, 50);
    for (const [term, p] of this.bm25.vocabulary()) {
      if (!term.startsWith(CONCEPT_PREFIX) && !/^[0-9]+$/.test(term)) sp.add(term, p.docs.length);
    }
    this.speller = sp;
    return sp;
  }

  /** Query analysis with spelling correction against this index's vocabulary. */
  analyzeQuery(query: string): Analysis {
    const speller = this.getSpeller();
    const id = identify(query);
    const european =
      (id.tag === 'fra-Latn' || id.tag === 'eng-Latn' || id.tag === 'spa-Latn') && id.confidence >= 0.6;
    return analyze(query, this.lexicon, {
      query: true,
      arabizi: !european,
      vocabulary: { has: (t) => speller.has(t), correct: (t) => speller.correct(t) },
    });
  }

  /** Lexical search (BM25 + lexicon + transliteration). Synchronous and allocation-light. */
  search(query: string, opts: SearchOptions = {}): SearchResult {
    const limit = Math.min(Math.max(opts.limit ?? 5, 1), 50);
    const analysis = this.analyzeQuery(query.slice(0, 2000));
    const weights = new Map<string, number>();
    for (const t of analysis.terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
    if (opts.context) {
      for (const t of this.analyzeQuery(opts.context.slice(0, 4000)).terms) {
        if (t.term.startsWith(CONCEPT_PREFIX) && !weights.has(t.term)) weights.set(t.term, 0.5);
      }
    }
    const queryTerms = [...weights].map(([term, weight]) => ({ term, weight }));
    const accept = this.filter(opts);
    const ranked = agreeWithConcepts(
      this.bm25,
      this.bm25.search(queryTerms, Math.max(limit, 20), accept),
      analysis,
    ).slice(0, limit);
    const termSet = new Set(weights.keys());
    const hits = ranked.map(({ id, score }) => this.toHit(id, score, termSet, opts.preferLang));
    const confidence = ranked[0] ? answerConfidence(this.bm25, analysis, ranked[0].id) : 0;
    return { hits, confidence, facets: analysis.facets, concepts: analysis.concepts };
  }

  /** Builds hits for already-ranked entry keys (used by dense fusion). */
  hitsForKeys(keys: { key: string; score: number }[], query: string, preferLang?: TextLang): SearchHit[] {
    const termSet = new Set(this.analyzeQuery(query).terms.map((t) => t.term));
    const out: SearchHit[] = [];
    for (const { key, score } of keys) {
      const id = this.bm25.idOf(key);
      if (id !== undefined) out.push(this.toHit(id, score, termSet, preferLang));
    }
    return out;
  }

  entryKeys(opts: SearchFilters = {}): { key: string; text: string }[] {
    const accept = this.filter(opts);
    const out: { key: string; text: string }[] = [];
    this.entries.forEach((e, id) => {
      if (!e || this.bm25.idOf(e.key) !== id || (accept && !accept(id))) return;
      const text = e.procedure
        ? [texts(e.procedure.title).join(' / '), texts(e.procedure.summary).join(' ')].join('\n')
        : (e.candidates[0]?.text ?? '');
      out.push({ key: e.key, text });
    });
    return out;
  }

  acceptsKey(key: string, opts: SearchFilters): boolean {
    const id = this.bm25.idOf(key);
    const accept = this.filter(opts);
    return id !== undefined && (!accept || accept(id));
  }

  private filter(opts: SearchFilters): ((id: number) => boolean) | undefined {
    if (!opts.audience && !opts.administration && !opts.category) return undefined;
    return (id) => {
      const e = this.entries[id];
      if (!e) return false;
      if (opts.audience && !e.audience.includes(opts.audience)) return false;
      if (opts.administration && e.administration !== opts.administration) return false;
      if (opts.category && e.category !== opts.category) return false;
      return true;
    };
  }

  private toHit(id: number, score: number, terms: Set<string>, preferLang?: TextLang): SearchHit {
    const e = this.entries[id] as Entry;
    const passages = bestPassages(e.candidates, terms, this.lexicon, {
      max: 2,
      ...(preferLang ? { preferLang } : {}),
    });
    if (e.procedure) {
      const p = e.procedure;
      return {
        id: p.id,
        kind: 'procedure',
        title: p.title,
        score,
        sourceUrl: p.sourceUrl,
        procedure: p,
        passages,
      };
    }
    const doc = e.chunkDoc as KnowledgeDocument;
    const chunk = doc.chunks.find((c) => c.ordinal === e.chunkOrdinal);
    const heading = chunk?.headings.at(-1);
    const hit: SearchHit = {
      id: `${doc.id}#${e.chunkOrdinal}`,
      kind: 'chunk',
      title: { fr: heading ? `${doc.title} — ${heading}` : doc.title },
      score,
      passages,
    };
    if (doc.sourceUrl) hit.sourceUrl = doc.sourceUrl;
    return hit;
  }
}
