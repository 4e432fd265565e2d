import { arabiziCandidates, normalize, tifinaghToLatin } from '@khidma/lang';
import { LEXICON_SOURCE, STOPWORDS_SOURCE } from './lexicon-data.js';

/** Prefix that marks a concept term in the index so it never collides with a word. */
export const CONCEPT_PREFIX = '§';

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

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const TIFINAGH_RE = /[\u2d30-\u2d7f]/;
const ARABIC_RE = /[\u0600-\u06ff]/;
const MAX_PHRASE = 6;
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
// Words that introduce a purpose; an article may sit between them and the topic ("pour un visa").
const PURPOSE_MARKERS = new Set(['pour', 'for', 'bach', 'bash', 'baach', 'باش', 'لاجل', 'اجل', 'to']);
const ARTICLES = new Set(['un', 'une', 'le', 'la', 'les', 'l', 'a', 'an', 'the', 'chi', 'wahed', 'واحد']);
function afterPurpose(keys: string[], start: number): boolean {
  let i = start - 1;
  if (i >= 0 && ARTICLES.has(keys[i] as string)) i--;
  return i >= 0 && PURPOSE_MARKERS.has(keys[i] as string);
}
const FINAL_ONLY_GLUED = /([\u0629\u0649])(?=[\u0621-\u064a])/g;
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

/** Word keys: normalised for search, Tifinagh read as IRCAM Latin, light affix stripping. */
export function wordTokens(text: string): string[] {
  // The Tifinagh schwa ⴻ is optional in IRCAM spelling (ⵜⴰⵣⴷⴻⵖⵜ = ⵜⴰⵣⴷⵖⵜ): drop it so both spellings agree.
  let src = TIFINAGH_RE.test(text) ? tifinaghToLatin(text.replace(/\u2D3B/g, '')) : text;
  // ة and ى only end words: a letter right after one means a missing space ("شهادةالسكنى").
  if (ARABIC_RE.test(src)) src = src.replace(FINAL_ONLY_GLUED, '$1 ');
  const norm = normalize(src, { for: 'search' });
  const out: string[] = [];
  for (const m of norm.matchAll(TOKEN_RE)) out.push(stem(m[0]));
  return out;
}

/** Deliberately light stemming: strip the Arabic article and French/English plural -s. */
export function stem(token: string): string {
  if (ARABIC_RE.test(token)) {
    let t = token;
    for (const p of ARABIC_PREFIXES) {
      if (t.startsWith(p) && t.length - p.length >= 3) {
        t = t.slice(p.length);
        break;
      }
    }
    // Darija drops the final hamza of اء (البنا for البناء, الكهربا): fold both to the short form.
    if (t.length >= 4 && t.endsWith('\u0627\u0621')) t = t.slice(0, -1);
    return t;
  }
  if (token.length >= 5 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

interface LexiconEntry {
  concept: string;
  facet: boolean;
}

/** Phrase trie over word keys. */
interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: LexiconEntry[];
}

export class Lexicon {
  private readonly root: TrieNode = { next: new Map() };
  readonly stopwords = new Set<string>();
  /** Single-word lexicon keys (for spelling correction and transliteration lookups). */
  readonly words = new Set<string>();
  readonly concepts = new Set<string>();

  static fromSources(lexicon = LEXICON_SOURCE, stopwords = STOPWORDS_SOURCE): Lexicon {
    const lx = new Lexicon();
    for (const raw of lexicon.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const colon = line.indexOf(':');
      if (colon < 1) continue;
      let concept = line.slice(0, colon).trim();
      const facet = concept.startsWith('?');
      if (facet) concept = concept.slice(1);
      for (const phrase of line.slice(colon + 1).split('|')) lx.add(concept, phrase, facet);
    }
    for (const w of stopwords.split(/\s+/)) {
      for (const t of wordTokens(w)) lx.stopwords.add(t);
    }
    return lx;
  }

  add(concept: string, phrase: string, facet = false): void {
    const keys = wordTokens(phrase);
    if (keys.length === 0) return;
    this.concepts.add(concept);
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map() };
        node.next.set(k, child);
      }
      node = child;
      this.words.add(k);
    }
    node.entries ??= [];
    if (!node.entries.some((e) => e.concept === concept)) node.entries.push({ concept, facet });
  }

  /**
   * All maximal phrase matches (a match inside a longer one is dropped); overlapping matches that are
   * not contained in each other are both kept, since either reading may be the right one.
   */
  match(keys: string[]): { start: number; end: number; concept: string; facet: boolean }[] {
    const found: { start: number; end: number; concept: string; facet: boolean }[] = [];
    for (let i = 0; i < keys.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < keys.length && j - i < MAX_PHRASE; j++) {
        node = node.next.get(keys[j] as string);
        if (!node) break;
        for (const e of node.entries ?? []) found.push({ start: i, end: j + 1, ...e });
      }
    }
    return found.filter(
      (a) =>
        !found.some(
          (b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start,
        ),
    );
  }
}

let defaultLexicon: Lexicon | undefined;
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= Lexicon.fromSources();
  return defaultLexicon;
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

/** Analyses text into weighted index/query terms. Documents and queries share it, so keys agree. */
export function analyze(text: string, lexicon: Lexicon, opts: AnalyzeOptions = {}): Analysis {
  let keys = wordTokens(text).map((k) => canonicalKey(k, lexicon));
  if (opts.query) opts = { ...opts, rawWords: rawLatinWords(text) };
  if (opts.query) keys = keys.map((k) => correctKey(k, lexicon, opts.vocabulary));
  const terms: AnalyzedTerm[] = [];
  const facets = new Set<string>();
  const concepts = new Set<string>();
  // slotOf[i]: -1 = free word, -2 = facet word, n >= 0 = slot of the concept covering the word.
  const slotOf = new Int32Array(keys.length).fill(-1);
  let slots = 0;
  for (const m of lexicon.match(keys)) {
    if (m.facet) {
      facets.add(m.concept);
      for (let i = m.start; i < m.end; i++) if (slotOf[i] === -1) slotOf[i] = -2;
      continue;
    }
    // An out-of-catalog topic named as a purpose ("fiche anthropométrique pour un visa") is not the
    // object of the question: it does not count against it.
    // A foreign document stays the object even after "for" ("apply for a UK driving licence").
    if (m.concept.startsWith('oos-') && m.concept !== 'oos-foreign-document' && afterPurpose(keys, m.start))
      continue;
    const slot = slots++;
    concepts.add(m.concept);
    const anchor = !GENERIC_CONCEPTS.has(m.concept);
    terms.push({
      term: CONCEPT_PREFIX + m.concept,
      weight: m.concept.startsWith('kw:') ? 1 : 2,
      facet: false,
      slot,
      anchor,
    });
    for (let i = m.start; i < m.end; i++) if ((slotOf[i] as number) < 0) slotOf[i] = slot;
  }
  keys.forEach((k, i) => {
    const s = slotOf[i] as number;
    if (s === -2 || lexicon.stopwords.has(k) || k.length < 2) return;
    const slot = s >= 0 ? s : slots++;
    terms.push({ term: k, weight: s >= 0 ? 0.5 : 1, facet: false, slot });
    if (opts.query && opts.arabizi !== false && s < 0)
      addTransliterations(k, slot, lexicon, opts, terms, concepts);
  });
  if (opts.query && opts.arabizi !== false)
    transliteratedPhrases(keys, slotOf, lexicon, opts, terms, concepts);
  return { terms, facets: [...facets], concepts: [...concepts] };
}

/** Arabizi words also search their Arabic-script spellings (and any concept those spellings name). */
function addTransliterations(
  key: string,
  slot: number,
  lexicon: Lexicon,
  opts: AnalyzeOptions,
  terms: AnalyzedTerm[],
  concepts: Set<string>,
): void {
  for (const ak of arabicReadings(key, lexicon, opts)) {
    const hit = lexicon.match([ak])[0];
    if (hit && !hit.facet && !concepts.has(hit.concept)) {
      concepts.add(hit.concept);
      const anchor = !GENERIC_CONCEPTS.has(hit.concept);
      terms.push({ term: CONCEPT_PREFIX + hit.concept, weight: 1.2, facet: false, slot, anchor });
    } else if (opts.vocabulary?.has(ak)) {
      terms.push({ term: ak, weight: 0.6, facet: false, slot });
    }
  }
}

/**
 * Multi-word Arabizi phrases ("l7ala lmadaniya", "3a9d l2izdiyad") are read again in Arabic script, word
 * by word, so that the lexicon's Arabic phrases can match them.
 */
function transliteratedPhrases(
  keys: string[],
  slotOf: Int32Array,
  lexicon: Lexicon,
  opts: AnalyzeOptions,
  terms: AnalyzedTerm[],
  concepts: Set<string>,
): void {
  let changed = false;
  const alt = keys.map((k, i) => {
    if ((slotOf[i] as number) !== -1 || lexicon.stopwords.has(k)) return k;
    const r = arabicReadings(k, lexicon, opts)[0];
    if (r) changed = true;
    return r ?? k;
  });
  if (!changed) return;
  for (const m of lexicon.match(alt)) {
    if (m.facet || m.end - m.start < 2 || concepts.has(m.concept)) continue;
    concepts.add(m.concept);
    const slot =
      terms.find((t) => t.slot >= 0 && keys[m.start] !== undefined && t.term === keys[m.start])?.slot ?? -1;
    const anchor = !GENERIC_CONCEPTS.has(m.concept);
    terms.push({
      term: CONCEPT_PREFIX + m.concept,
      weight: 1.2,
      facet: false,
      slot: slot >= 0 ? slot : 1000 + m.start,
      anchor,
    });
  }
}

/**
 * Arabic-script readings of an Arabizi word that exist in the lexicon or the index (the top
 * transliteration alone is often wrong: "lhala" ranks لهالة before لحالة). A glued article "l" is also
 * tried without it.
 */
function arabicReadings(key: string, lexicon: Lexicon, opts: AnalyzeOptions): string[] {
  if (ARABIC_RE.test(key) || !/^[a-z]{3,}$/.test(key)) return [];
  const vocab = opts.vocabulary;
  const raw = opts.rawWords?.get(key) ?? key;
  const words = raw.length >= 4 && /^l/i.test(raw) ? [raw, raw.slice(1)] : [raw];
  const out: string[] = [];
  for (const w of words) {
    for (const cand of cachedCandidates(w)) {
      for (const ak of wordTokens(cand)) {
        if (out.includes(ak) || lexicon.stopwords.has(ak)) continue;
        if (lexicon.words.has(ak) || vocab?.has(ak)) out.push(ak);
      }
    }
  }
  return out.slice(0, 3);
}

const candidateCache = new Map<string, string[]>();
/** arabiziCandidates is pure but not free (~0.1 ms a word): memoise, bounded. */
function cachedCandidates(word: string): string[] {
  let c = candidateCache.get(word);
  if (!c) {
    if (candidateCache.size >= 20_000) candidateCache.clear();
    c = arabiziCandidates(word).slice(0, 6);
    candidateCache.set(word, c);
  }
  return c;
}

/** Latin words as typed, keyed by their normalised form (normalisation turns Arabizi digits into letters). */
function rawLatinWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/[A-Za-z0-9\u00c0-\u024f]+/g)) {
    if (!/[A-Za-z]/.test(m[0])) continue;
    const key = wordTokens(m[0])[0];
    if (key && !out.has(key)) out.set(key, m[0]);
  }
  return out;
}

/** Unknown words are corrected to a close lexicon or index key (misspellings, missing article). */
/**
 * Tamazight nouns in the annexed state (ubasbor → abasbor, tmghra → tamghra, urba → arba) when the free
 * form is a lexicon word. Applied to documents and queries alike, so both index the same key.
 */
export function canonicalKey(key: string, lexicon: Lexicon): string {
  if (lexicon.words.has(key)) return key;
  if (/^u[a-z]{3,}$/.test(key) && lexicon.words.has(`a${key.slice(1)}`)) return `a${key.slice(1)}`;
  if (/^t[^aeiou][a-z]{2,}$/.test(key) && lexicon.words.has(`ta${key.slice(1)}`)) return `ta${key.slice(1)}`;
  return key;
}

function correctKey(key: string, lexicon: Lexicon, vocab: AnalyzeOptions['vocabulary']): string {
  if (lexicon.words.has(key) || lexicon.stopwords.has(key) || vocab?.has(key)) return key;
  // Darija article glued to a French or Arabic word: "lpermis", "lkarta", "الكارطة".
  if (/^l[a-z]{3,}$/.test(key)) {
    const bare = key.slice(1);
    if (lexicon.words.has(bare) || vocab?.has(bare)) return bare;
  }
  // Arabic-script verb person prefixes and the conjunction و: أجدد → جدد, ونجدد → نجدد.
  if (ARABIC_RE.test(key) && key.length >= 4 && /^[اانتيو]/.test(key) && lexicon.words.has(key.slice(1))) {
    return key.slice(1);
  }
  // Glued prepositions ف ب ل ك and و: "فكازا", "بالبطاقة" (the article is handled by the stemmer).
  if (ARABIC_RE.test(key) && key.length >= 4 && /^[فبلكو]/.test(key)) {
    const bare = stem(key.slice(1));
    if (lexicon.words.has(bare) || vocab?.has(bare)) return bare;
  }
  // Arabic-script possessive endings: بطاقتي → بطاقه, ولدي → ولد (only when the bare form is known).
  if (ARABIC_RE.test(key) && key.length >= 4) {
    const m = /^(.{2,}?)(ت?)(ي|ك|ها|نا|كم|هم|و)$/.exec(key);
    if (m) {
      const bare = `${m[1]}${m[2] ? 'ه' : ''}`;
      if (lexicon.words.has(bare) || vocab?.has(bare)) return bare;
    }
  }
  // Darija verb person prefixes: "tsajel", "nsali" → "sajel", "sali" when that form is known.
  if (/^[tny][a-z]{3,}$/.test(key)) {
    const bare = key.slice(1);
    if (lexicon.words.has(bare)) return bare;
  }
  // Tamazight first-person verb ending -ɣ (normalised "gh"), with or without a schwa: "bnugh" → "bnu",
  // "ssnflegh" → "ssnfl".
  const tzm = /^([a-z]{3,}?)e?gh$/.exec(key);
  if (tzm) {
    const bare = tzm[1] as string;
    if (lexicon.words.has(bare) || vocab?.has(bare)) return bare;
  }
  // Arabizi object/possessive suffixes: "njeddedha", "ntalbo", "nakhdhom" → the bare verb when known,
  // also without its person prefix ("njibha" → "jib").
  const obj = /^([a-z]{4,}?)(ha|hom|hum|o|ou|ni)$/.exec(key);
  if (obj) {
    const bare = obj[1] as string;
    if (lexicon.words.has(bare) || vocab?.has(bare)) return bare;
    if (/^[tny][a-z]{3,}$/.test(bare) && lexicon.words.has(bare.slice(1))) return bare.slice(1);
  }
  if (key.length < 4) return key;
  return vocab?.correct?.(key) ?? key;
}
