/** The weighted terms an index entry is found by: which fields of a procedure or passage count, and how much. */
import type { DocumentChunk, KnowledgeDocument, LocalizedText, Procedure } from '../catalog/types.js';
import { type AnalyzedTerm, CONCEPT_PREFIX, KW_PREFIX, OOS_PREFIX } from './analysis-terms.js';
import { analyze } from './analyzer.js';
import type { WeightedTerms } from './bm25.js';
import type { Lexicon } from './lexicon.js';

export const FIELD_WEIGHTS = {
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

export const texts = (t: LocalizedText | undefined): string[] => (t ? Object.values(t).filter(Boolean) : []);

export class EntryTerms {
  constructor(private readonly lexicon: Lexicon) {}

  /** A procedure's fields, plus the imported passages attached to it. */
  forProcedure(p: Procedure, attachedChunks: { text: string }[]): WeightedTerms {
    const fields: [string, number][] = [];
    for (const t of texts(p.title)) fields.push([t, FIELD_WEIGHTS.title]);
    for (const k of p.keywords) fields.push([k, FIELD_WEIGHTS.keywords]);
    for (const t of texts(p.summary)) fields.push([t, FIELD_WEIGHTS.summary]);
    for (const t of texts(p.administration.name)) fields.push([t, FIELD_WEIGHTS.administration]);
    for (const d of p.documents) for (const t of texts(d)) fields.push([t, FIELD_WEIGHTS.documents]);
    for (const s of p.steps) for (const t of texts(s)) fields.push([t, FIELD_WEIGHTS.steps]);
    for (const o of p.channels.offices) for (const t of texts(o)) fields.push([t, FIELD_WEIGHTS.channels]);
    for (const l of p.legalReferences) for (const t of texts(l.title)) fields.push([t, FIELD_WEIGHTS.legal]);
    for (const c of attachedChunks) fields.push([c.text, FIELD_WEIGHTS.chunk]);
    return this.weigh(fields, `kw:${p.id}`);
  }

  /** An imported passage that is not attached to a catalogued procedure. */
  forChunk(doc: KnowledgeDocument, chunk: DocumentChunk): WeightedTerms {
    return this.weigh([
      [chunk.headings.join(' '), FIELD_WEIGHTS.title / 2],
      [doc.title, FIELD_WEIGHTS.summary],
      [chunk.text, 1],
    ]);
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
}
