import { identify } from '@khidma/lang';
import type {
  Audience,
  Category,
  KnowledgeDocument,
  LocalizedText,
  Procedure,
  TextLang,
} from '../catalog/types.js';
import { type Analysis, type AnalyzedTerm, analyze, CONCEPT_PREFIX, Lexicon } from './analyzer.js';
import { Bm25, type WeightedTerms } from './bm25.js';
import { bestPassages, type Passage, type PassageCandidate, procedurePassages } from './passages.js';
import { Speller } from './speller.js';

export interface SearchFilters {
  audience?: Audience;
  administration?: string;
  category?: Category;
}

export interface SearchOptions extends SearchFilters {
  limit?: number;
  /** Language preferred for the returned passages. */
  preferLang?: TextLang;
  /** Extra text (earlier turns) whose concepts are added at low weight, for follow-up questions. */
  context?: string;
}

export interface SearchHit {
  /** Procedure id, or `documentId#ordinal` for an imported passage not attached to a procedure. */
  id: string;
  kind: 'procedure' | 'chunk';
  title: LocalizedText;
  score: number;
  sourceUrl?: string;
  procedure?: Procedure;
  passages: Passage[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** 0..1: how much of the question the best hit covers; the assistant refuses below its threshold. */
  confidence: number;
  facets: string[];
  concepts: string[];
}

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

const FIELD_WEIGHTS = {
  title: 4,
  keywords: 3,
  summary: 1.5,
  administration: 0.7,
  documents: 0.4,
  steps: 0.4,
  channels: 0.4,
  legal: 0.3,
  chunk: 0.6,
} as const;

const KW_PREFIX = `${CONCEPT_PREFIX}kw:`;
const OOS_PREFIX = `${CONCEPT_PREFIX}oos-`;
/** Score bonus for a hit containing all of the question's concepts (proportional when it has some). */
const CONCEPT_AGREEMENT_BONUS = 0.15;
const texts = (t: LocalizedText | undefined): string[] => (t ? Object.values(t).filter(Boolean) : []);

/** In-memory hybrid index over procedures and imported document passages. */
export class KnowledgeIndex {
  readonly lexicon: Lexicon;
  private readonly bm25 = new Bm25();
  private readonly entries: (Entry | undefined)[] = [];
  private readonly procedures = new Map<string, Procedure>();
  private readonly documents = new Map<string, KnowledgeDocument>();
  private speller: Speller | undefined;

  /** Each index owns its lexicon, because catalog keywords are added to it as per-procedure concepts. */
  constructor(lexicon: Lexicon = Lexicon.fromSources()) {
    this.lexicon = lexicon;
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
      const terms = this.weigh([
        [c.headings.join(' '), FIELD_WEIGHTS.title / 2],
        [doc.title, FIELD_WEIGHTS.summary],
        [c.text, 1],
      ]);
      this.put(`c:${doc.id}#${c.ordinal}`, terms, {
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
    const fields: [string, number][] = [];
    for (const t of texts(p.title)) fields.push([t, FIELD_WEIGHTS.title]);
    for (const k of p.keywords) fields.push([k, FIELD_WEIGHTS.keywords]);
    for (const t of texts(p.summary)) fields.push([t, FIELD_WEIGHTS.summary]);
    for (const t of texts(p.administration.name)) fields.push([t, FIELD_WEIGHTS.administration]);
    for (const d of p.documents) for (const t of texts(d)) fields.push([t, FIELD_WEIGHTS.documents]);
    for (const s of p.steps) for (const t of texts(s)) fields.push([t, FIELD_WEIGHTS.steps]);
    for (const o of p.channels.offices) for (const t of texts(o)) fields.push([t, FIELD_WEIGHTS.channels]);
    for (const l of p.legalReferences) for (const t of texts(l.title)) fields.push([t, FIELD_WEIGHTS.legal]);
    const candidates = procedurePassages(p);
    for (const c of this.attachedChunks(id)) {
      fields.push([c.text, FIELD_WEIGHTS.chunk]);
      candidates.push({ field: 'chunk', lang: 'und', text: c.text });
    }
    this.put(`p:${id}`, this.weigh(fields, `kw:${id}`), {
      key: `p:${id}`,
      kind: 'procedure',
      procedure: p,
      audience: p.audience,
      administration: p.administration.id,
      category: p.category,
      candidates,
    });
  }

  /**
   * Weighted term frequencies of an entry. Keyword concepts (§kw:…) only count for the procedure that
   * owns them, so the index does not depend on the order procedures were added in.
   */
  private weigh(fields: [string, number][], ownKeywordConcept?: string): WeightedTerms {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [text, w] of fields) {
      // Concepts only come from naming fields (weight >= 1): a passport's list of required papers
      // mentions the CNIE, but the passport procedure is not about the CNIE.
      const naming = w >= 1;
      const own = ownKeywordConcept ? CONCEPT_PREFIX + ownKeywordConcept : undefined;
      // Keywords are analysed fresh (their own §kw concept was just added to the lexicon); other text
      // is cached, which is safe because foreign §kw concepts are dropped below.
      const terms =
        w === FIELD_WEIGHTS.keywords ? analyze(text, this.lexicon).terms : this.analyzeCached(text);
      for (const t of terms) {
        if (!naming && t.term.startsWith(CONCEPT_PREFIX)) continue;
        if (t.term.startsWith(KW_PREFIX) && t.term !== own) continue;
        // Out-of-catalog topics (visa, loans…) exist only to lower a question's confidence.
        if (t.term.startsWith(OOS_PREFIX)) continue;
        const v = w * (t.weight === 0.5 ? 0.5 : 1);
        tf.set(t.term, (tf.get(t.term) ?? 0) + v);
        length += v;
      }
    }
    return { tf, length };
  }

  // Catalogs repeat the same strings ("Carte nationale d'identité", office names) across procedures.
  private readonly textCache = new Map<string, AnalyzedTerm[]>();
  private analyzeCached(text: string): AnalyzedTerm[] {
    let terms = this.textCache.get(text);
    if (!terms) {
      if (this.textCache.size >= 50_000) this.textCache.clear();
      terms = analyze(text, this.lexicon).terms;
      this.textCache.set(text, terms);
    }
    return terms;
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
    const ranked = this.agreeWithConcepts(
      this.bm25.search(queryTerms, Math.max(limit, 20), accept),
      analysis,
    ).slice(0, limit);
    const termSet = new Set(weights.keys());
    const hits = ranked.map(({ id, score }) => this.toHit(id, score, termSet, opts.preferLang));
    const confidence = ranked[0] ? this.confidence(analysis, ranked[0].id) : 0;
    return { hits, confidence, facets: analysis.facets, concepts: analysis.concepts };
  }

  /**
   * Nudges up hits that contain every concept the question names. Raw words can outweigh a concept
   * (a procedure with a long Tamazight title wins "ⵜⴰⴽⴰⵔⴹⴰ … lost" over the lost-card procedure); a hit
   * that agrees with all the question's concepts is the better reading when the scores are close.
   */
  private agreeWithConcepts(ranked: { id: number; score: number }[], analysis: Analysis) {
    const concepts = new Set<string>();
    for (const t of analysis.terms) {
      if (
        t.term.startsWith(CONCEPT_PREFIX) &&
        !t.term.startsWith(OOS_PREFIX) &&
        !t.term.startsWith(KW_PREFIX)
      )
        concepts.add(t.term);
    }
    if (concepts.size < 2) return ranked;
    return ranked
      .map(({ id, score }) => {
        const tf = this.bm25.termsOf(id)?.tf;
        let shared = 0;
        for (const c of concepts) if (tf?.has(c)) shared++;
        return { id, score: score * (1 + (CONCEPT_AGREEMENT_BONUS * shared) / concepts.size) };
      })
      .sort((a, b) => b.score - a.score);
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

  /**
   * Share of the question (IDF-weighted slots; a concept counts double) that the best hit covers. A
   * question naming a catalogued object (an "anchor" concept such as §passport) that the hit contains
   * starts from a higher floor, as does one where two concepts meet; one that only shares generic words
   * must be covered almost entirely.
   */
  private confidence(analysis: Analysis, topId: number): number {
    const doc = this.bm25.termsOf(topId);
    if (!doc) return 0;
    const slots = new Map<number, { weight: number; covered: number; anchor: boolean; concept: boolean }>();
    const maxIdf = Math.log(1 + (this.bm25.size + 0.5) / 0.5);
    for (const t of analysis.terms) {
      const known = this.bm25.df(t.term) > 0;
      let w = known ? this.bm25.idf(t.term) : maxIdf * 0.6;
      if (t.term.startsWith(CONCEPT_PREFIX)) w = Math.max(w, 1) * 2;
      const s = slots.get(t.slot) ?? { weight: 0, covered: 0, anchor: false, concept: false };
      s.weight = Math.max(s.weight, w);
      if (doc.tf.has(t.term)) {
        // A slot matched only through a guessed variant (transliteration) counts partly.
        s.covered = Math.max(s.covered, Math.min(1, t.weight));
        if (t.anchor) s.anchor = true;
        if (t.term.startsWith(CONCEPT_PREFIX)) s.concept = true;
      }
      slots.set(t.slot, s);
    }
    let total = 0;
    let covered = 0;
    let anchored = false;
    let outOfCatalog = false;
    let foreignPaper = false;
    for (const t of analysis.terms) {
      if (t.term.startsWith(OOS_PREFIX)) outOfCatalog = true;
      if (t.term === `${OOS_PREFIX}foreign-document`) foreignPaper = true;
    }
    // Another state's passport or licence shares every word with the Moroccan procedure but is never
    // its object: the catalog cannot answer it, however well the rest of the question matches.
    if (foreignPaper) return 0;
    let coveredConcepts = 0;
    for (const s of slots.values()) {
      total += s.weight;
      covered += s.weight * s.covered;
      if (s.anchor) anchored = true;
      if (s.concept) coveredConcepts++;
    }
    // Two generic concepts together are specific: "create" + "company", "lost" + "driving licence"…
    if (coveredConcepts >= 2) anchored = true;
    if (total === 0) return 0;
    const coverage = covered / total;
    // A question whose object is a known out-of-catalog topic (a bill, a residence permit for
    // foreigners…) gets no anchor floor: sharing a word with a procedure is not enough.
    if (anchored && !outOfCatalog) return 0.4 + 0.6 * coverage;
    // Named next to generic words only ("lost my bank card"), the out-of-catalog topic is the object.
    if (outOfCatalog) return (anchored ? 0.75 : 0.5) * coverage;
    // One shared ordinary word ("population", "service") is weak evidence of a catalogued procedure.
    let coveredSlots = 0;
    for (const s of slots.values()) if (s.covered > 0) coveredSlots++;
    return 0.75 * coverage * (coveredSlots >= 2 ? 1 : 0.6);
  }
}
