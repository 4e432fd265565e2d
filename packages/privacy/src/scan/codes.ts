import { isValidMoroccanIban } from '../checksums.js';
import { hasCueNear, lastCueEnd } from '../cues.js';
import {
  isArabicLetter,
  isArabicMark,
  isAsciiLetter,
  isDigit,
  isLetter,
  isUpperAscii,
  isWordChar,
} from '../text.js';
import type { ScanInput } from './candidate.js';

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * Letter-prefixed codes: CIN (1–2 letters + 5–6 digits), passport (2 letters + 7 digits), Massar
 * (1 letter + 9 digits), temporary "WW" plates, and Moroccan IBANs ("MA64 0117 …").
 */
export function scanCodes(input: ScanInput): void {
  const { low, text, out } = input;
  const n = low.length;
  let i = 0;
  while (i < n) {
    const c = low.charCodeAt(i);
    if (!isLowerAscii(c) || (i > 0 && isWordChar(low.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isLowerAscii(low.charCodeAt(j)) && j - i < 3) j++;
    const letters = j - i;
    if (letters > 2 || (j < n && isLetter(low.charCodeAt(j)))) {
      while (j < n && isWordChar(low.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    const prefix = low.slice(i, j);
    if (prefix === 'ma' && tryIban(input, i, j)) {
      i = j;
      continue;
    }
    let sep = 0;
    if (
      j < n &&
      (low.charCodeAt(j) === 32 || low.charCodeAt(j) === 45) &&
      j + 1 < n &&
      isDigit(low.charCodeAt(j + 1))
    )
      sep = 1;
    const ds = j + sep;
    let k = ds;
    while (k < n && isDigit(low.charCodeAt(k))) k++;
    const digits = k - ds;
    if (digits === 0 || (k < n && isWordChar(low.charCodeAt(k)))) {
      i = Math.max(k, i + 1);
      continue;
    }
    const upper = isUpperAscii(text.charCodeAt(i)) && (letters === 1 || isUpperAscii(text.charCodeAt(i + 1)));
    // A product/order cue closer than any identity cue wins: "réf AB1234" is a product code.
    const negEnd = lastCueEnd(low, i - 25, i, 'negative');
    const negative = negEnd !== -1 && negEnd > lastCueEnd(low, i - 40, i, 'cin');
    const push = (type: 'CIN' | 'PASSPORT' | 'MASSAR' | 'PLATE', base: number, cue: boolean) => {
      let score = base;
      if (negative) score = Math.min(score, 0.45);
      else if (cue) score = Math.max(score + 0.15, upper ? 0.95 : 0.85);
      out.push({ type, start: i, end: k, score: Math.min(score, 0.99) });
    };
    if (prefix === 'ww' && (digits === 5 || digits === 6))
      push('PLATE', 0.85, hasCueNear(low, i, k, 'plate'));
    else if (letters === 1 && digits === 9)
      push('MASSAR', upper ? 0.8 : 0.4, hasCueNear(low, i, k, 'massar'));
    else if (letters === 2 && digits === 7)
      push('PASSPORT', upper ? 0.75 : 0.4, hasCueNear(low, i, k, 'passport'));
    else if (digits >= 4 && digits <= 6) {
      const cue = hasCueNear(low, i, k, 'cin') && !negative;
      if (digits === 4 && !cue) {
        i = k;
        continue;
      }
      const base = digits === 4 ? 0.45 : upper ? (sep ? 0.6 : 0.8) : sep ? 0.3 : 0.4;
      push('CIN', base, cue);
    }
    i = k;
  }
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
  out.push({ type: 'IBAN', start: i, end, score: 0.99 });
  return true;
}

function isPlateSep(c: number): boolean {
  return c === 32 || c === 45 || c === 124 || c === 47 || c === 95 || (c >= 0x2010 && c <= 0x2015);
}

/**
 * Vehicle plates: serial (1–5 digits), a single Arabic letter (or capital Latin letter), region (1–2 digits):
 * "12345-أ-6", "12345 | ب | 6", "12345-A-6"; also right-to-left display order "6-أ-12345".
 */
export function scanPlates(input: ScanInput): void {
  const { low, text, out } = input;
  const n = low.length;
  for (let i = 1; i < n - 1; i++) {
    const c = low.charCodeAt(i);
    const arabic = isArabicLetter(c);
    if (!arabic && !isAsciiLetter(c)) continue;
    const before = low.charCodeAt(i - 1);
    const after = low.charCodeAt(i + 1);
    if (!isPlateSep(before) || !(isPlateSep(after) || isArabicMark(after))) continue;
    if (!arabic && !isUpperAscii(text.charCodeAt(i))) continue;
    let a = i - 1;
    let strongSep = false;
    while (a >= 0 && i - a <= 3 && isPlateSep(low.charCodeAt(a))) {
      if (low.charCodeAt(a) !== 32) strongSep = true;
      a--;
    }
    let b = i + 1;
    while (b < n && isArabicMark(low.charCodeAt(b))) b++;
    const letterEnd = b;
    while (b < n && b - letterEnd < 3 && isPlateSep(low.charCodeAt(b))) {
      if (low.charCodeAt(b) !== 32) strongSep = true;
      b++;
    }
    const le = a + 1;
    let ls = le;
    while (ls > 0 && isDigit(low.charCodeAt(ls - 1)) && le - ls < 6) ls--;
    let re = b;
    while (re < n && isDigit(low.charCodeAt(re)) && re - b < 6) re++;
    const leftLen = le - ls;
    const rightLen = re - b;
    if (leftLen === 0 || rightLen === 0) continue;
    if ((ls > 0 && isWordChar(low.charCodeAt(ls - 1))) || (re < n && isWordChar(low.charCodeAt(re))))
      continue;
    const region = (s: number, e: number) => Number(low.slice(s, e));
    const ltr = leftLen >= 2 && leftLen <= 5 && rightLen <= 2 && region(b, re) >= 1 && region(b, re) <= 89;
    const rtl =
      arabic && rightLen >= 2 && rightLen <= 5 && leftLen <= 2 && region(ls, le) >= 1 && region(ls, le) <= 89;
    if (!ltr && !rtl) continue;
    const serialLen = ltr ? leftLen : rightLen;
    if (!strongSep && (serialLen < 3 || c === 0x0648)) continue; // "2 و 3" is a count, not a plate
    const cue = hasCueNear(low, ls, re, 'plate', 40, 20);
    let score: number;
    if (arabic) score = cue ? 0.95 : 0.85;
    else score = strongSep ? (cue ? 0.95 : 0.8) : cue ? 0.8 : 0.45;
    out.push({ type: 'PLATE', start: ls, end: re, score });
  }
}
