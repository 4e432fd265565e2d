import { type Analysis, type AnalyzedTerm, type AnalyzeOptions, conceptTerm } from './analysis-terms.js';
import { addTransliterations, rawLatinWords, transliteratedPhrases } from './arabizi-readings.js';
import { canonicalKey, correctKey } from './key-correction.js';
import type { Lexicon } from './lexicon.js';
import { wordTokens } from './word-keys.js';

// Words that introduce a purpose; an article may sit between them and the topic ("pour un visa").
const PURPOSE_MARKERS = new Set(['pour', 'for', 'bach', 'bash', 'baach', 'باش', 'لاجل', 'اجل', 'to']);
const ARTICLES = new Set(['un', 'une', 'le', 'la', 'les', 'l', 'a', 'an', 'the', 'chi', 'wahed', 'واحد']);
function afterPurpose(keys: string[], start: number): boolean {
  let i = start - 1;
  if (i >= 0 && ARTICLES.has(keys[i] as string)) i--;
  return i >= 0 && PURPOSE_MARKERS.has(keys[i] as string);
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
    terms.push(conceptTerm(m.concept, m.concept.startsWith('kw:') ? 1 : 2, slot));
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
