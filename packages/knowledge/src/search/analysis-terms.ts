/** The terms an analysis produces, and the concept vocabulary they are named in. */

/** Prefix that marks a concept term in the index so it never collides with a word. */
export const CONCEPT_PREFIX = '§';
/** Concepts made from a catalogued procedure's own keywords (§kw:<procedure id>). */
export const KW_PREFIX = `${CONCEPT_PREFIX}kw:`;
/** Out-of-catalog topics (visa, loans…), which exist only to lower a question's confidence. */
export const OOS_PREFIX = `${CONCEPT_PREFIX}oos-`;

export interface AnalyzedTerm {
  term: string;
  /** Query-side weight: concepts and exact words weigh more than guessed variants. */
  weight: number;
  /** Facet concepts (fee, documents…) say what is asked, not which procedure. */
  facet: boolean;
  /** Terms from the same stretch of the input (a word, its variants, the concept it names) share a slot. */
  slot: number;
  /** Concept that names a procedure object (not a generic word such as "certificate" or "change"). */
  anchor?: boolean;
}

export interface Analysis {
  /** Topical terms: words and concept ids (prefixed), with weights. */
  terms: AnalyzedTerm[];
  /** Facets asked for, e.g. 'fee', 'documents', 'time', 'where', 'online', 'steps'. */
  facets: string[];
  /** Concept ids found (without prefix). */
  concepts: string[];
}

/** Concepts too generic to show on their own that a question is about a catalogued procedure. */
export const GENERIC_CONCEPTS = new Set([
  'oos-legal-complaint',
  'oos-visa',
  'oos-loan',
  'oos-weather',
  'oos-politics',
  'oos-bill',
  'oos-foreigner-residence',
  'oos-school-enrolment',
  'oos-housing-aid',
  'oos-disability',
  'oos-traffic-fine',
  'oos-licences',
  'oos-jobs',
  'oos-banking',
  'oos-animals',
  'oos-foreign-document',
  'renew',
  'first',
  'lost',
  'change',
  'declare',
  'certificate',
  'create',
  'transfer',
  'subscription',
  'vehicle',
  'company',
  'tax',
  'abroad',
  'newborn',
  'employee',
  'employer',
  'local-authority',
  'diploma',
  'birth',
  'address',
  'civil-status',
]);

/** The term of a concept found in the text; an anchor unless the concept is generic. */
export function conceptTerm(concept: string, weight: number, slot: number): AnalyzedTerm {
  return {
    term: CONCEPT_PREFIX + concept,
    weight,
    facet: false,
    slot,
    anchor: !GENERIC_CONCEPTS.has(concept),
  };
}

export interface AnalyzeOptions {
  /** Known index vocabulary, used to pick spelling corrections and transliterations. */
  vocabulary?: { has(term: string): boolean; correct?(term: string): string | undefined };
  /** Query mode adds Arabizi transliterations and spelling corrections. */
  query?: boolean;
  /** Internal: normalised key → the Latin word as typed (digits 3, 7, 9 intact) for transliteration. */
  rawWords?: Map<string, string>;
  /**
   * Read Latin words as possible Arabizi (default true). The index turns it off for text identified as
   * French or English, where "meteo" must not become موت.
   */
  arabizi?: boolean;
}
