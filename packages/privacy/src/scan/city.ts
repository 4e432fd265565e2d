import { CITY_PHRASES } from '../lexicon/index.js';
import { isLetter } from '../text.js';

/** End offset of a Moroccan city name starting exactly at `q` in the folded text, or -1. */
export function cityAt(low: string, q: number): number {
  const n = low.length;
  const words: string[] = [];
  const ends: number[] = [];
  let p = q;
  for (let w = 0; w < 4 && p < n; w++) {
    const s = p;
    while (p < n && isLetter(low.charCodeAt(p))) p++;
    if (p === s) break;
    words.push(low.slice(s, p));
    ends.push(p);
    const c = low.charCodeAt(p);
    if ((c === 32 || c === 45 || c === 39) && p + 1 < n && isLetter(low.charCodeAt(p + 1))) p++;
    else break;
  }
  const first = words[0];
  if (!first) return -1;
  const phrases = CITY_PHRASES.get(first);
  if (!phrases) return -1;
  for (const phrase of phrases) {
    if (phrase.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < phrase.length; k++) if (phrase[k] !== words[k]) ok = false;
    if (ok) return ends[phrase.length - 1]!;
  }
  return -1;
}
