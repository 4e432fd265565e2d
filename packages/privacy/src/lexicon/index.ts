import { foldText, foldValue } from '../text.js';
import type { SensitiveCategory } from '../types.js';
import { RAW_CUES } from './cue-words.js';
import { buildKeyTable } from './key-table.js';
import {
  ABD_SUFFIXES,
  FAMILY_ARABIC,
  FAMILY_ARABIC_AMBIGUOUS,
  FAMILY_LATIN,
  FAMILY_LATIN_AMBIGUOUS,
  GIVEN_ARABIC,
  GIVEN_ARABIC_AMBIGUOUS,
  GIVEN_LATIN,
  GIVEN_LATIN_AMBIGUOUS,
  INTRO_CUES,
  NAME_PARTICLES,
  TITLE_CUES,
} from './names.js';
import { ADDRESS_KEYWORDS, CITIES, WEAK_ADDRESS_KEYWORDS } from './places.js';
import { PERSONAL_MARKERS, SENSITIVE_TERMS } from './sensitive.js';
import { CAPTURE_STOPWORDS, INTERNAL_MARKERS } from './stopwords.js';

/** Bit flags attached to a folded token. */
export const F = {
  GIVEN: 1,
  FAMILY: 2,
  AMBIG: 4,
  PARTICLE: 8,
  TITLE: 16,
  ABD_SUFFIX: 32,
  ADDR: 64,
  ADDR_WEAK: 128,
  CITY_START: 256,
  SENS_START: 512,
  PERSONAL: 1024,
  STOP: 2048,
  INTERNAL: 4096,
  /** Last word of an introduction cue ("je m'appelle", "smiti", "اسمي"). */
  INTRO_LAST: 8192,
  /** First word of a trade-register cue ("RC", "registre", "السجل"). */
  RC_CUE: 16384,
  /** Last word of a context cue (see cue-words.ts). */
  CUE: 32768,
} as const;
export const NAME_CORE = F.GIVEN | F.FAMILY;
/** Flags that survive a one-letter Arabic proclitic: name and address meanings, not stopwords or titles. */
export const PROCLITIC_KEEPS = ~(F.STOP | F.TITLE);

export interface SensitivePhrase {
  tokens: string[];
  category: SensitiveCategory;
  strong: boolean;
}

export const TOKEN_FLAGS = new Map<string, number>();
/** Cities by first token, each as its token keys. */
export const CITY_PHRASES = new Map<string, string[][]>();
export const SENSITIVE_PHRASES = new Map<string, SensitivePhrase[]>();
/** Tokens that are names only when not ambiguous in the other script list. */

function words(list: string): string[] {
  return list
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

function add(key: string, flag: number): void {
  if (!key) return;
  TOKEN_FLAGS.set(key, (TOKEN_FLAGS.get(key) ?? 0) | flag);
}

const PARTICLE_WORDS = new Set(words(NAME_PARTICLES).map((w) => foldValue(w)));

function addNames(list: string, flag: number): void {
  for (const w of words(list)) {
    // Hyphenated entries are stored as parts (the tokenizer splits on hyphens) and joined; particles
    // ("el" of El-Alami) keep only their particle meaning.
    for (const part of foldValue(w).split(' ')) if (!PARTICLE_WORDS.has(part)) add(part, flag);
    const joined = foldValue(w).replace(/ /g, '');
    add(joined, flag);
    // Arabic family names also appear without the article: العلوي / علوي.
    if (joined.startsWith('ال') && joined.length > 4) add(joined.slice(2), flag);
  }
}

addNames(GIVEN_LATIN, F.GIVEN);
addNames(GIVEN_ARABIC, F.GIVEN);
addNames(FAMILY_LATIN, F.FAMILY);
addNames(FAMILY_ARABIC, F.FAMILY);
addNames(GIVEN_LATIN_AMBIGUOUS, F.GIVEN | F.AMBIG);
addNames(GIVEN_ARABIC_AMBIGUOUS, F.GIVEN | F.AMBIG);
addNames(FAMILY_LATIN_AMBIGUOUS, F.FAMILY | F.AMBIG);
addNames(FAMILY_ARABIC_AMBIGUOUS, F.FAMILY | F.AMBIG);
// A name listed as both plain and ambiguous stays ambiguous.
for (const w of words(NAME_PARTICLES)) add(foldValue(w), F.PARTICLE);
for (const w of words(ABD_SUFFIXES)) add(foldValue(w), F.ABD_SUFFIX);
for (const w of words(TITLE_CUES)) add(foldValue(w).replace(/ /g, ''), F.TITLE);
for (const w of words(ADDRESS_KEYWORDS)) {
  const k = foldValue(w);
  add(k, WEAK_ADDRESS_KEYWORDS.has(w) ? F.ADDR | F.ADDR_WEAK : F.ADDR);
}
for (const w of words(PERSONAL_MARKERS)) add(foldValue(w), F.PERSONAL);
for (const w of words(CAPTURE_STOPWORDS)) add(foldValue(w), F.STOP);
for (const w of words(INTERNAL_MARKERS)) add(foldValue(w), F.INTERNAL);
for (const cue of INTRO_CUES) {
  const parts = foldText(cue)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  const last = parts[parts.length - 1];
  if (last) add(last, F.INTRO_LAST);
}
for (const w of ['rc', 'r', 'registre', 'السجل', 'س']) add(w, F.RC_CUE);
for (const list of Object.values(RAW_CUES)) {
  for (const cue of list) {
    const last = foldText(cue)
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .pop();
    if (last) add(last, F.CUE);
  }
}

for (const city of CITIES.split('|')) {
  const tokens = foldValue(city.trim())
    .split(/[\s']+/)
    .filter(Boolean);
  const first = tokens[0];
  if (!first) continue;
  add(first, F.CITY_START);
  const list = CITY_PHRASES.get(first) ?? [];
  list.push(tokens);
  CITY_PHRASES.set(first, list);
}
for (const list of CITY_PHRASES.values()) list.sort((a, b) => b.length - a.length);

for (const [category, lex] of Object.entries(SENSITIVE_TERMS) as [
  SensitiveCategory,
  { strong: string; topic: string },
][]) {
  for (const [strong, list] of [
    [true, lex.strong],
    [false, lex.topic],
  ] as const) {
    for (const w of words(list)) {
      const tokens = foldValue(w.replace(/_/g, ' ')).split(' ');
      const first = tokens[0]!;
      add(first, F.SENS_START);
      const entries = SENSITIVE_PHRASES.get(first) ?? [];
      entries.push({ tokens, category, strong });
      SENSITIVE_PHRASES.set(first, entries);
    }
  }
}
for (const list of SENSITIVE_PHRASES.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

/** The same keys and flags, probed without building strings (see key-table.ts). */
export const LEXICON = buildKeyTable(TOKEN_FLAGS);

const ARABIC_PROCLITICS = new Set(['و', 'ب', 'ل', 'ف', 'ك']);

/** Flags of a folded token key; Arabic tokens are retried without a one-letter proclitic (و، ب، ل…). */
export function flagsOf(key: string): number {
  const f = TOKEN_FLAGS.get(key);
  if (f !== undefined) return f;
  if (key.length > 3 && ARABIC_PROCLITICS.has(key[0]!)) {
    const g = TOKEN_FLAGS.get(key.slice(1));
    // Only name and address meanings survive a proclitic; stopwords do not.
    if (g !== undefined) return g & PROCLITIC_KEEPS;
  }
  return 0;
}
