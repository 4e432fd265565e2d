import { isValidCardDigits, isValidIceDigits, isValidRibDigits } from '../checksums.js';
import { hasCueIn, hasCueNear } from '../cues.js';
import type { PiiType } from '../types.js';
import type { ScanInput } from './candidate.js';

/**
 * Classification of a candidate number from its digit values, held in one reused buffer. The scanner
 * tries every extension of a run of digit groups (up to 28 digits), so building a string per extension
 * (and flattening the concatenations to test prefixes) made numbers the largest source of garbage per
 * prompt; the checksums run on the digit values too (checksums.ts).
 */
export const MAX_DIGITS = 28;
/** Fewest digits of any identifier classifyDigits accepts (IF: 7). */
export const MIN_DIGITS = 7;
/** Digit values (0–9) of the candidate, filled by the caller. */
export const DIGITS = new Uint8Array(32);

/** Type found by the last classifyDigits call that returned a score. */
export let classifiedType: PiiType = 'PHONE';

function digitsAt(offset: number, prefix: readonly number[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (DIGITS[offset + i] !== prefix[i]) return false;
  return true;
}

/** Country code -> accepted national number lengths (E.164 without the country code). */
const FOREIGN_PLANS: [number[], number[]][] = [
  [[3, 3], [9]], // France
  [[3, 4], [9]], // Spain
  [
    [3, 9],
    [9, 10],
  ], // Italy
  [
    [3, 2],
    [8, 9],
  ], // Belgium
  [[3, 1], [9]], // Netherlands
  [
    [4, 9],
    [10, 11],
  ], // Germany
  [[4, 4], [10]], // United Kingdom
  [[4, 1], [9]], // Switzerland
  [[1], [10]], // North America
  [
    [9, 7, 1],
    [8, 9],
  ], // United Arab Emirates
  [[9, 6, 6], [9]], // Saudi Arabia
  [[9, 7, 4], [8]], // Qatar
  [[2, 1, 3], [9]], // Algeria
  [[2, 1, 6], [8]], // Tunisia
  [[9, 0], [10]], // Turkey
];
const MA = [2, 1, 2];
const MA0 = [2, 1, 2, 0];
const INTL_MA = [0, 0, 2, 1, 2];
const INTL_MA0 = [0, 0, 2, 1, 2, 0];

function isMobileOrFixedStart(d: number | undefined): boolean {
  return d === 5 || d === 6 || d === 7;
}

/** Score of a Moroccan phone number shape for the first `len` digits, 0 when it is not one. */
function phoneShape(len: number, plus: boolean): number {
  const d = DIGITS;
  if (len === 10 && d[0] === 0 && isMobileOrFixedStart(d[1])) return 0.9;
  if (len === 12 && digitsAt(0, MA) && isMobileOrFixedStart(d[3])) return plus ? 0.95 : 0.8;
  if (len === 13 && digitsAt(0, MA0) && isMobileOrFixedStart(d[4])) return plus ? 0.95 : 0.8;
  if (len === 14 && digitsAt(0, INTL_MA) && isMobileOrFixedStart(d[5])) return 0.95;
  if (len === 15 && digitsAt(0, INTL_MA0) && isMobileOrFixedStart(d[6])) return 0.95;
  // Countries where Moroccans live and call from, written +CC… or 00CC…, with their subscriber lengths.
  const offset = plus ? 0 : d[0] === 0 && d[1] === 0 ? 2 : -1;
  if (offset >= 0) {
    const national = len - offset;
    for (const [cc, lengths] of FOREIGN_PLANS) {
      if (national >= cc.length && digitsAt(offset, cc) && lengths.includes(national - cc.length))
        return plus ? 0.85 : 0.8;
    }
  }
  return 0;
}

/**
 * Score (0: none) of the first `len` digits of DIGITS as an identifier spanning [start, end); the type
 * is left in classifiedType. `whole` is true when the digits span the entire run: ICE, card, CNSS and IF
 * numbers are only accepted then, so a long tracking number never yields a card or ICE hiding inside it.
 */
export function classifyDigits(
  input: ScanInput,
  len: number,
  plus: boolean,
  whole: boolean,
  start: number,
  end: number,
): number {
  if (len === 24) {
    if (!isValidRibDigits(DIGITS, len)) return 0;
    const negative =
      hasCueIn(input, start - 25, start, 'negative') && !hasCueIn(input, start - 40, start, 'rib');
    classifiedType = 'RIB';
    return negative ? 0.45 : 0.95;
  }
  if (len === 15 && whole && isValidIceDigits(DIGITS, len)) {
    const negative =
      hasCueIn(input, start - 25, start, 'negative') && !hasCueNear(input, start, end, 'ice', 30, 0);
    classifiedType = 'ICE';
    return negative ? 0.45 : 0.9;
  }
  if (len >= 13 && len <= 19 && whole && isValidCardDigits(DIGITS, len)) {
    classifiedType = 'CARD';
    return 0.9;
  }
  const phone = phoneShape(len, plus);
  if (phone > 0) {
    classifiedType = 'PHONE';
    if (hasCueIn(input, start - 25, start, 'negative') && !hasCueNear(input, start, end, 'phone', 30, 0))
      return 0.45;
    return phone;
  }
  if (len === 9 && whole && hasCueNear(input, start, end, 'cnss', 45, 0) && !amountAfter(input, end)) {
    classifiedType = 'CNSS';
    return 0.9;
  }
  if (
    (len === 7 || len === 8) &&
    whole &&
    hasCueNear(input, start, end, 'if', 40, 0) &&
    !amountAfter(input, end)
  ) {
    classifiedType = 'IF';
    return 0.9;
  }
  return 0;
}

function amountAfter(input: ScanInput, end: number): boolean {
  const { low } = input;
  let k = end;
  while (k < low.length && k - end < 2 && low.charCodeAt(k) === 32) k++;
  if (low.charCodeAt(k) === 37 || low.charCodeAt(k) === 0x20ac || low.charCodeAt(k) === 36) return true; // % € $
  return hasCueIn(input, end, end + 10, 'amount');
}
