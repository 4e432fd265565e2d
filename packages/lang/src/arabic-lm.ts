/**
 * Character trigram model of Arabic-script Darija spelling, used to rank transliteration candidates
 * (which of ة/ا ends a word, whether a short vowel is written). Built lazily from the project-authored
 * lexicon and the authored Darija sentences shipped in the model file.
 */
import { DARIJA_LEXICON_SOURCE } from './darija-lexicon.js';
import { DARIJA_ARABIC_TEXT } from './model/darija-arabic-text.js';

let counts: Map<string, number> | undefined;
let contextCounts: Map<string, number> | undefined;
const ALPHABET = 40;

function build(): void {
  counts = new Map();
  contextCounts = new Map();
  const words: string[] = [];
  for (const line of DARIJA_LEXICON_SOURCE.split('\n')) {
    const parts = line.split('|').slice(1);
    for (const p of parts) words.push(...p.trim().split(/\s+/));
  }
  words.push(...DARIJA_ARABIC_TEXT.split(/[^\u0621-\u064a\u0671-\u06d3]+/));
  for (const w of words) {
    if (!w) continue;
    const s = `^^${w}$`;
    for (let i = 2; i < s.length; i++) {
      const ctx = s.slice(i - 2, i);
      const tri = s.slice(i - 2, i + 1);
      counts.set(tri, (counts.get(tri) ?? 0) + 1);
      contextCounts.set(ctx, (contextCounts.get(ctx) ?? 0) + 1);
    }
  }
}

/** Average log-probability per character of an Arabic word under the Darija spelling model (≤ 0). */
export function scoreArabicWord(word: string): number {
  if (!counts || !contextCounts) build();
  const c = counts as Map<string, number>;
  const cc = contextCounts as Map<string, number>;
  const s = `^^${word}$`;
  let total = 0;
  for (let i = 2; i < s.length; i++) {
    const n = c.get(s.slice(i - 2, i + 1)) ?? 0;
    const d = cc.get(s.slice(i - 2, i)) ?? 0;
    total += Math.log((n + 0.1) / (d + 0.1 * ALPHABET));
  }
  return total / (s.length - 2);
}
