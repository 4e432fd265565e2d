/**
 * Character 1–4-gram model of Arabic-script spelling (Darija and MSA as Moroccans write them), used to
 * rank transliteration candidates: which of ة/ا ends a word, whether a short vowel is written, where
 * hamza sits. Built lazily from the project-authored lexicon and the authored Arabic-script corpus.
 */
import { DARIJA_LEXICON_SOURCE } from './darija-lexicon.js';
import { DARIJA_VOCABULARY_SOURCE } from './darija-vocabulary.js';
import { ARABIC_SPELLING_TEXT } from './model/arabic-spelling-text.js';

const ORDER = 4;
const LAMBDAS = [0.05, 0.15, 0.3, 0.5]; // unigram .. 4-gram interpolation weights
const FLOOR = 1e-4;

let grams: Map<string, number>[] | undefined;
let known: Set<string> | undefined;
let contexts: Map<string, number>[] | undefined;
let total = 0;

function build(): void {
  grams = Array.from({ length: ORDER }, () => new Map<string, number>());
  contexts = Array.from({ length: ORDER }, () => new Map<string, number>());
  const words: string[] = [];
  for (const line of `${DARIJA_LEXICON_SOURCE}\n${DARIJA_VOCABULARY_SOURCE}`.split('\n')) {
    for (const p of line.split('|').slice(1)) words.push(...p.trim().split(/\s+/));
  }
  words.push(...ARABIC_SPELLING_TEXT.split(/[^\u0621-\u064a\u0671-\u06d3]+/));
  known = new Set(words.filter((w) => w.length > 1));
  for (const w of words) {
    if (!w) continue;
    const s = `${'^'.repeat(ORDER - 1)}${w}$`;
    for (let i = ORDER - 1; i < s.length; i++) {
      total++;
      for (let n = 1; n <= ORDER; n++) {
        const g = s.slice(i - n + 1, i + 1);
        const c = s.slice(i - n + 1, i);
        const gm = grams[n - 1] as Map<string, number>;
        const cm = contexts[n - 1] as Map<string, number>;
        gm.set(g, (gm.get(g) ?? 0) + 1);
        cm.set(c, (cm.get(c) ?? 0) + 1);
      }
    }
  }
}

/** Whether the word (or the word without its article) occurs in the authored Arabic-script text. */
export function isKnownArabicWord(word: string): boolean {
  if (!known) build();
  const k = known as Set<string>;
  return k.has(word) || (word.startsWith('ال') && k.has(word.slice(2))) || k.has(`ال${word}`);
}

/** Log-probability of an Arabic word (with its end mark) under the spelling model (≤ 0). */
export function scoreArabicWord(word: string): number {
  if (!grams || !contexts) build();
  const g = grams as Map<string, number>[];
  const c = contexts as Map<string, number>[];
  const s = `${'^'.repeat(ORDER - 1)}${word}$`;
  let logp = 0;
  for (let i = ORDER - 1; i < s.length; i++) {
    let p = 0;
    for (let n = 1; n <= ORDER; n++) {
      const num = (g[n - 1] as Map<string, number>).get(s.slice(i - n + 1, i + 1)) ?? 0;
      const den = n === 1 ? total : ((c[n - 1] as Map<string, number>).get(s.slice(i - n + 1, i)) ?? 0);
      if (den > 0) p += (LAMBDAS[n - 1] as number) * (num / den);
    }
    logp += Math.log(p + FLOOR);
  }
  // Per character, so that candidates that write more vowels are not penalised for their length.
  return logp;
}
