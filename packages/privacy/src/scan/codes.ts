import { isValidMoroccanIban } from '../checksums.js';
import { type CueCategory, hasCueNear, lastCueEnd } from '../cues.js';
import { isArabicMark, isAsciiLetter, isDigit, isUpperAscii, isWordChar } from '../text.js';
import { TokenKind, type Tokens } from '../tokens.js';
import type { ScanInput } from './candidate.js';

/** Short words and acronyms that precede numbers without being part of them. */
const SEPARATED_PREFIX_STOP = new Set([
  'if',
  'rc',
  'n',
  'no',
  'le',
  'la',
  'de',
  'du',
  'au',
  'et',
  'ou',
  'a',
  'y',
  'en',
  'un',
  'tel',
  'id',
  'nr',
  'ma',
  'dh',
]);

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * Letter-prefixed codes: CIN (1–2 letters + 5–6 digits), passport (2 letters + 7 digits), Massar
 * (1 letter + 9 digits), temporary "WW" plates, and Moroccan IBANs ("MA64 0117 …").
 */
export function scanCodes(input: ScanInput, tokens: Tokens): void {
  const { low, text } = input;
  const n = low.length;
  // Locals, not property reads: the loop visits every token of the text.
  const { kind: kinds, start: starts, end: ends } = tokens;
  const digitTokens = input.index.digits;
  // A code is a Latin token right before a digit token: start from the digit tokens.
  for (let d = 0; d < digitTokens.count; d++) {
    const t = digitTokens.items[d]! - 1;
    if (t < 0 || kinds[t] !== TokenKind.Latin) continue;
    const i = starts[t]!;
    const j = ends[t]!;
    const letters = j - i;
    if (letters > 2 || (t > 0 && ends[t - 1] === i)) continue;
    if (!isLowerAscii(low.charCodeAt(i)) || !isLowerAscii(low.charCodeAt(j - 1))) continue;
    const ds = starts[t + 1]!;
    const gap = ds - j;
    if (gap > 1 || (gap === 1 && low.charCodeAt(j) !== 32 && low.charCodeAt(j) !== 45)) continue;
    const prefix = low.slice(i, j);
    if (prefix === 'ma' && tryIban(input, i, j)) continue;
    const sep = gap;
    const k = ends[t + 1]!;
    const digits = k - ds;
    if (k < n && isWordChar(low.charCodeAt(k))) continue;
    // Part of a longer number or a date ("le 1963-12-16", "AB 12.500"): not a code.
    if (
      k + 1 < n &&
      (low[k] === '-' || low[k] === '/' || low[k] === '.' || low[k] === ',') &&
      isDigit(low.charCodeAt(k + 1))
    )
      continue;
    // With a space between letters and digits, the letters must not be a word or acronym ("IF 1234567").
    if (sep && SEPARATED_PREFIX_STOP.has(low.slice(i, j))) continue;
    const upper = isUpperAscii(text.charCodeAt(i)) && (letters === 1 || isUpperAscii(text.charCodeAt(i + 1)));
    if (
      !(prefix === 'ww' && (digits === 5 || digits === 6)) &&
      !(letters === 1 && digits === 9) &&
      !(letters === 2 && digits === 7) &&
      !(digits >= 4 && digits <= 6)
    )
      continue;
    if (prefix === 'ww' && (digits === 5 || digits === 6))
      pushCode(input, 'PLATE', i, k, 0.85, 'plate', upper, digits);
    else if (letters === 1 && digits === 9)
      pushCode(input, 'MASSAR', i, k, upper ? 0.8 : 0.4, 'massar', upper, digits);
    else if (letters === 2 && digits === 7)
      pushCode(input, 'PASSPORT', i, k, upper ? 0.75 : 0.4, 'passport', upper, digits);
    else if (!(sep && digits === 4))
      pushCode(
        input,
        'CIN',
        i,
        k,
        digits === 4 ? 0.45 : upper ? (sep ? 0.6 : 0.8) : sep ? 0.3 : digits === 6 ? 0.55 : 0.4,
        'cin',
        upper,
        digits,
      );
  }
}

/**
 * Scores a letter-prefixed code from its cues and records it. A top-level function rather than a closure
 * in the loop: a closure capturing loop variables made V8 allocate a context on every token.
 */
function pushCode(
  input: ScanInput,
  type: 'CIN' | 'PASSPORT' | 'MASSAR' | 'PLATE',
  i: number,
  k: number,
  base: number,
  category: CueCategory,
  upper: boolean,
  digits: number,
): void {
  // A product/order cue closer than the type's own cue wins: "réf AB1234" is a product code.
  const negEnd = lastCueEnd(input, i - 25, i, 'negative');
  const negative = negEnd !== -1 && negEnd > lastCueEnd(input, i - 40, i, category);
  const cue = !negative && hasCueNear(input, i, k, category, 40, 12);
  let score = base;
  if (negative) score = Math.min(score, 0.45);
  else if (cue) score = Math.max(score + 0.15, upper ? 0.95 : 0.85);
  if (type === 'CIN' && digits === 4 && !cue) return;
  input.out.push(type, i, k, Math.min(score, 0.99));
}

/** "MA" followed by 26 digits (separators allowed) forming a valid IBAN with a valid RIB inside. */
function tryIban(input: ScanInput, i: number, j: number): boolean {
  const { low, out } = input;
  const n = low.length;
  let digits = '';
  let k = j;
  let end = j;
  while (k < n && digits.length < 26) {
    const c = low.charCodeAt(k);
    if (isDigit(c)) {
      digits += low[k];
      k++;
      end = k;
    } else if ((c === 32 || c === 45) && k + 1 < n && isDigit(low.charCodeAt(k + 1)) && k > j) k++;
    else break;
  }
  if (digits.length !== 26 || (end < n && isWordChar(low.charCodeAt(end)))) return false;
  if (!isValidMoroccanIban(`MA${digits}`)) return false;
  out.push('IBAN', i, end, 0.99);
  return true;
}

function num(low: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) v = v * 10 + (low.charCodeAt(i) - 48);
  return v;
}

function isPlateSep(c: number): boolean {
  return c === 32 || c === 45 || c === 124 || c === 47 || c === 95 || (c >= 0x2010 && c <= 0x2015);
}

/**
 * Vehicle plates: serial (1–5 digits), a single Arabic letter (or capital Latin letter), region (1–2 digits):
 * "12345-أ-6", "12345 | ب | 6", "12345-A-6"; also right-to-left display order "6-أ-12345".
 */
export function scanPlates(input: ScanInput, tokens: Tokens): void {
  const { low, text, out } = input;
  const n = low.length;
  const { kind: kinds, start: starts, end: ends, count } = tokens;
  const digitTokens = input.index.digits;
  // A plate's letter sits between two digit tokens: start from the digit token on its left.
  for (let d = 0; d < digitTokens.count; d++) {
    const t = digitTokens.items[d]! + 1;
    if (t + 1 >= count) continue;
    const kind = kinds[t];
    if (kind === TokenKind.Digits || kinds[t + 1] !== TokenKind.Digits) continue;
    const i = starts[t]!;
    let letterEnd = ends[t]!;
    while (letterEnd > i + 1 && isArabicMark(low.charCodeAt(letterEnd - 1))) letterEnd--;
    if (letterEnd - i !== 1) continue;
    const c = low.charCodeAt(i);
    const arabic = kind === TokenKind.Arabic;
    if (!arabic && !(isAsciiLetter(c) && isUpperAscii(text.charCodeAt(i)))) continue;
    const le = ends[t - 1]!;
    const b = starts[t + 1]!;
    const gapL = plateGap(low, le, i);
    const gapR = plateGap(low, ends[t]!, b);
    if (gapL < 0 || gapR < 0) continue;
    const strongSep = gapL === 1 || gapR === 1;
    const ls = starts[t - 1]!;
    const re = ends[t + 1]!;
    if ((ls > 0 && isWordChar(low.charCodeAt(ls - 1))) || (re < n && isWordChar(low.charCodeAt(re))))
      continue;
    const leftLen = le - ls;
    const rightLen = re - b;
    const ltr =
      leftLen >= 2 && leftLen <= 5 && rightLen <= 2 && num(low, b, re) >= 1 && num(low, b, re) <= 89;
    const rtl =
      arabic &&
      rightLen >= 2 &&
      rightLen <= 5 &&
      leftLen <= 2 &&
      num(low, ls, le) >= 1 &&
      num(low, ls, le) <= 89;
    if (!ltr && !rtl) continue;
    const serialLen = ltr ? leftLen : rightLen;
    if (!strongSep && (serialLen < 3 || c === 0x0648)) continue; // "2 و 3" is a count, not a plate
    const cue = hasCueNear(input, ls, re, 'plate', 40, 20);
    let score: number;
    if (arabic) score = cue ? 0.95 : 0.85;
    else score = strongSep ? (cue ? 0.95 : 0.8) : cue ? 0.8 : 0.45;
    out.push('PLATE', ls, re, score);
  }
}

/** -1 when not a plate separator gap; 1 when it holds "-", "|" or "/"; 0 when spaces only. */
function plateGap(low: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 3) return -1;
  let strong = 0;
  for (let k = from; k < to; k++) {
    const c = low.charCodeAt(k);
    if (!isPlateSep(c)) return -1;
    if (c !== 32) strong = 1;
  }
  return strong;
}
