import { CITY_PHRASES, LEXICON } from '../lexicon/index.js';
import { findKeyInText } from '../lexicon/key-table.js';
import { isLetter } from '../text.js';

/** Word boundaries read at `q` (at most four words), reused: cityAt runs for every word of an address. */
const wordStart = new Int32Array(4);
const wordEnd = new Int32Array(4);

/** End offset of a Moroccan city name starting exactly at `q` in the folded text, or -1. */
export function cityAt(low: string, q: number): number {
  const n = low.length;
  let words = 0;
  let p = q;
  for (let w = 0; w < 4 && p < n; w++) {
    const s = p;
    while (p < n && isLetter(low.charCodeAt(p))) p++;
    if (p === s) break;
    wordStart[words] = s;
    wordEnd[words] = p;
    words++;
    const c = low.charCodeAt(p);
    if ((c === 32 || c === 45 || c === 39) && p + 1 < n && isLetter(low.charCodeAt(p + 1))) p++;
    else break;
  }
  if (words === 0) return -1;
  // The first word through the lexicon (city first words are entries); an exact, mark-free match only,
  // as the phrases hold bare keys.
  const entry = findKeyInText(LEXICON, low, wordStart[0]!, wordEnd[0]!);
  if (entry < 0 || LEXICON.keyLength[entry] !== wordEnd[0]! - wordStart[0]!) return -1;
  const phrases = CITY_PHRASES.get(LEXICON.keys[entry]!);
  if (!phrases) return -1;
  for (const phrase of phrases) {
    if (phrase.length > words) continue;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) {
      const word = phrase[k]!;
      ok = wordEnd[k]! - wordStart[k]! === word.length && low.startsWith(word, wordStart[k]!);
    }
    if (ok) return wordEnd[phrase.length - 1]!;
  }
  return -1;
}
