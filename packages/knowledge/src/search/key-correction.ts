/** Word keys mapped onto the form the lexicon or the index knows (inflections, glued articles, typos). */
import type { AnalyzeOptions } from './analysis-terms.js';
import type { Lexicon } from './lexicon.js';
import { ARABIC_RE, stem } from './word-keys.js';

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

/** Unknown words are corrected to a close lexicon or index key (misspellings, missing article). */
export function correctKey(key: string, lexicon: Lexicon, vocab: AnalyzeOptions['vocabulary']): string {
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
