/** Query-side Arabizi: Latin-script Darija words and phrases read again in Arabic script. */
import { arabiziCandidates } from '@khidma/lang';
import { type AnalyzedTerm, type AnalyzeOptions, conceptTerm } from './analysis-terms.js';
import type { Lexicon } from './lexicon.js';
import { ARABIC_RE, wordTokens } from './word-keys.js';

/** Arabizi words also search their Arabic-script spellings (and any concept those spellings name). */
export function addTransliterations(
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
      terms.push(conceptTerm(hit.concept, 1.2, slot));
    } else if (opts.vocabulary?.has(ak)) {
      terms.push({ term: ak, weight: 0.6, facet: false, slot });
    }
  }
}

/**
 * Multi-word Arabizi phrases ("l7ala lmadaniya", "3a9d l2izdiyad") are read again in Arabic script, word
 * by word, so that the lexicon's Arabic phrases can match them.
 */
export function transliteratedPhrases(
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
    terms.push(conceptTerm(m.concept, 1.2, slot >= 0 ? slot : 1000 + m.start));
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
export function rawLatinWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/[A-Za-z0-9\u00c0-\u024f]+/g)) {
    if (!/[A-Za-z]/.test(m[0])) continue;
    const key = wordTokens(m[0])[0];
    if (key && !out.has(key)) out.set(key, m[0]);
  }
  return out;
}
