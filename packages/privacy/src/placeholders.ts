import { PII_TYPES, type PiiType } from './types.js';

/**
 * Placeholders already built, by type then number: every prompt asks for the same first few, and the
 * template literal was a visible share of pseudonymising one. Only the known types have a list, so
 * callers passing other strings cannot grow it.
 */
const PLACEHOLDER_CACHE = new Map<string, string[]>(PII_TYPES.map((t) => [t, []]));
const CACHED_NUMBERS = 64;

/** Canonical placeholder, e.g. ⟦CIN_1⟧: brackets models rarely alter, typed and numbered. */
export function placeholderFor(type: PiiType, n: number): string {
  if (!(n >= 0 && n < CACHED_NUMBERS && Number.isInteger(n))) return `⟦${type}_${n}⟧`;
  const list = PLACEHOLDER_CACHE.get(type);
  if (list === undefined) return `⟦${type}_${n}⟧`;
  let p = list[n];
  if (p === undefined) {
    p = `⟦${type}_${n}⟧`;
    list[n] = p;
  }
  return p;
}

const TYPE_BY_COMPACT = new Map<string, PiiType>(PII_TYPES.map((t) => [t.replace(/_/g, ''), t]));
const TYPE_FIRST_LETTERS = new Set(PII_TYPES.map((t) => t.charCodeAt(0)));

/** ⟦ 〚 【 and their closers; ASCII "[" and "{" may also be doubled. */
const FANCY_OPEN = new Set([0x27e6, 0x301a, 0x3010]);
const FANCY_CLOSE = new Set([0x27e7, 0x301b, 0x3011]);
const MAX_SPACES = 3;
const MAX_TYPE_CHARS = 16;
const MAX_NUMBER_DIGITS = 5;
/** Upper bound on the characters a (mangled) placeholder can span: what a stream restorer holds back. */
export const MAX_PLACEHOLDER_LENGTH =
  2 + MAX_SPACES + MAX_TYPE_CHARS + MAX_SPACES + MAX_NUMBER_DIGITS + MAX_SPACES + 2;

export type PlaceholderMatch = { end: number; placeholder: string } | 'partial' | null;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWord(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}

/** True when `c` can begin a placeholder (an opening bracket or, after a non-word char, a type name). */
export function canStartPlaceholder(c: number, prev: number): boolean {
  if (FANCY_OPEN.has(c) || c === 91 || c === 123) return true;
  return TYPE_FIRST_LETTERS.has(c & ~32) && !isWord(prev);
}

/**
 * Tolerant placeholder parser at `i`: accepts ⟦CIN_1⟧, [[ cin_1 ]], [CIN 1], 〚Cin-1〛, 【CIN_1】, {{cin_1}}, ⟦ DATE OF BIRTH_2 ⟧ and
 * bare CIN_1. Returns 'partial' when `s` ends before a decision can be made and more text may follow
 * (`final` false), so streaming and whole-text restoration decide identically.
 */
export function matchPlaceholderAt(s: string, i: number, final: boolean, prev: number): PlaceholderMatch {
  const n = s.length;
  const partial = (): PlaceholderMatch => (final ? null : 'partial');
  const c0 = s.charCodeAt(i);
  let j = i;
  let opener = 0; // 0 bare, 1 single bracket, 2 double bracket
  if (FANCY_OPEN.has(c0)) {
    opener = 1;
    j++;
  } else if (c0 === 91 || c0 === 123) {
    if (i + 1 >= n) return partial();
    opener = s.charCodeAt(i + 1) === c0 ? 2 : 1;
    j += opener;
  } else if (isWord(prev) || !TYPE_FIRST_LETTERS.has(c0 & ~32)) return null;
  if (opener) {
    let sp = 0;
    while (j < n && s.charCodeAt(j) === 32 && sp < MAX_SPACES) {
      j++;
      sp++;
    }
    if (j >= n) return partial();
  }
  // Type name: letters with optional inner "_", "-" or spaces (DATE_OF_BIRTH, "date of birth").
  let compact = '';
  const typeStart = j;
  while (j < n && j - typeStart < MAX_TYPE_CHARS) {
    const c = s.charCodeAt(j);
    if (isLetter(c)) compact += String.fromCharCode(c & ~32);
    else if (
      !(opener && (c === 32 || c === 45 || c === 95) && compact.length > 0) &&
      !(c === 95 && compact.length > 0)
    )
      break;
    j++;
  }
  if (j >= n) return partial();
  // The separator before the number is part of the consumed run above; trailing separators are fine.
  const type = TYPE_BY_COMPACT.get(compact);
  if (!type) return null;
  if (!opener && s.charCodeAt(j - 1) !== 95) return null; // bare form must be written TYPE_n
  const numStart = j;
  while (j < n && isDigit(s.charCodeAt(j)) && j - numStart < MAX_NUMBER_DIGITS) j++;
  if (j >= n) return partial();
  if (j === numStart || isDigit(s.charCodeAt(j))) return null;
  const number = Number(s.slice(numStart, j));
  const placeholder = `⟦${type}_${number}⟧`;
  if (!opener) {
    if (isWord(s.charCodeAt(j))) return null;
    return { end: j, placeholder };
  }
  let sp = 0;
  while (j < n && s.charCodeAt(j) === 32 && sp < MAX_SPACES) {
    j++;
    sp++;
  }
  if (j >= n) return partial();
  const c = s.charCodeAt(j);
  if (FANCY_CLOSE.has(c)) return { end: j + 1, placeholder };
  if (c !== 93 && c !== 125) return null;
  if (opener === 2) {
    if (j + 1 >= n) return partial();
    if (s.charCodeAt(j + 1) === c) return { end: j + 2, placeholder };
  }
  return { end: j + 1, placeholder };
}
