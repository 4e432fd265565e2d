import { isValidCard, isValidIce, isValidRib } from '../checksums.js';
import { hasCueIn, hasCueNear } from '../cues.js';
import { isLatinLetter } from '../text.js';
import { TokenKind, type Tokens } from '../tokens.js';
import type { PiiType } from '../types.js';
import type { ScanInput } from './candidate.js';
import { isBirthDate, monthDateEnd, plausibleDmy } from './dates.js';

/** Characters allowed between digit groups of one number: "06 61-23.45/67", "(+212) 6…". */
function isSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || (c >= 0x2010 && c <= 0x2015);
}

const MAX_DIGITS = 28;
/** Fewest digits of any identifier classifyDigits accepts (IF: 7). */
const MIN_DIGITS = 7;

type Classified = { type: PiiType; score: number };

/**
 * Hand-written scanner over digit runs (no regex backtracking): consecutive digit tokens separated by
 * at most three separator characters form a run; candidate identifiers are tried on group boundaries
 * only, extending at most 28 digits from each start, so the work is linear in the input.
 */
export function scanNumbers(input: ScanInput, tokens: Tokens): void {
  const { low } = input;
  const n = low.length;
  const g: number[] = [];
  const digitTokens = input.index.digits;
  // Next token not yet part of a run: digit tokens before it were consumed by the previous run.
  let next = 0;
  for (let d = 0; d < digitTokens.count; d++) {
    const t = digitTokens.items[d]!;
    if (t < next) continue;
    const i = tokens.start[t]!;
    if (t > 0 && tokens.end[t - 1] === i && tokens.kind[t - 1] === TokenKind.Latin) {
      // Digits glued to letters belong to an alphanumeric code (CIN, IBAN…): scanCodes handles them.
      continue;
    }
    g.length = 0;
    g.push(i, tokens.end[t]!);
    let u = t + 1;
    while (
      u < tokens.count &&
      tokens.kind[u] === TokenKind.Digits &&
      sepGap(low, tokens.end[u - 1]!, tokens.start[u]!)
    ) {
      g.push(tokens.start[u]!, tokens.end[u]!);
      u++;
    }
    const j = tokens.end[u - 1]!;
    const plus =
      (i > 0 && low.charCodeAt(i - 1) === 43) ||
      (i > 1 && low.charCodeAt(i - 1) === 40 && low.charCodeAt(i - 2) === 43);
    const rightGlued = j < n && isLatinLetter(low.charCodeAt(j));
    processRun(input, g, plus, rightGlued);
    next = u;
  }
}

function sepGap(low: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let k = from; k < to; k++) if (!isSep(low.charCodeAt(k))) return false;
  return true;
}

function num(low: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) v = v * 10 + (low.charCodeAt(i) - 48);
  return v;
}

/**
 * Identifiers in one run of digit groups. `g` holds flat [start, end) pairs of the groups; `plus` is a
 * "+" before the run; `rightGlued` a letter right after it. Plain arguments, not an object per run.
 */
function processRun(input: ScanInput, g: number[], plus: boolean, rightGlued: boolean): void {
  const { low, out } = input;
  const groups = g.length / 2;
  let s = 0;
  while (s < groups) {
    const gs = g[2 * s]!;
    const lastUsable = rightGlued ? groups - 2 : groups - 1;
    // Dates first: a date is never a phone or a fiscal number.
    const dateEnd = dateAt(low, g, s, groups);
    if (dateEnd.groups > 0) {
      const end = dateEnd.end;
      if (isBirthDate(input, gs, end)) out.push({ type: 'DATE_OF_BIRTH', start: gs, end, score: 0.9 });
      s += dateEnd.groups;
      continue;
    }
    if (ipv4At(low, g, s, groups)) {
      out.push({ type: 'IP', start: gs, end: g[2 * s + 7]!, score: 0.9 });
      s += 4;
      continue;
    }
    // The digit string is only built once it is long enough to be an identifier: most runs are times,
    // days, amounts and counts, and classifyDigits has nothing for fewer than MIN_DIGITS digits.
    let digits = '';
    let digitCount = 0;
    let best: Classified | null = null;
    let bestEnd = -1;
    for (let e = s; e <= lastUsable; e++) {
      digitCount += groupLen(g, e);
      if (digitCount > MAX_DIGITS) break;
      if (digitCount < MIN_DIGITS) continue;
      if (digits.length === 0) for (let k = s; k < e; k++) digits += low.slice(g[2 * k], g[2 * k + 1]);
      digits += low.slice(g[2 * e], g[2 * e + 1]);
      const whole = s === 0 && e === groups - 1 && !rightGlued;
      const found = classifyDigits(input, digits, plus && s === 0, whole, gs, g[2 * e + 1]!);
      if (found) {
        best = found;
        bestEnd = e;
      }
    }
    if (best) {
      out.push({
        type: best.type,
        start: plus && s === 0 && best.type === 'PHONE' ? plusStart(low, gs) : gs,
        end: g[2 * bestEnd + 1]!,
        score: best.score,
      });
      s = bestEnd + 1;
    } else s++;
  }
}

function plusStart(low: string, gs: number): number {
  const p = low.charCodeAt(gs - 1) === 43 ? gs - 1 : gs - 2; // "+212" or "+(212"
  return p > 0 && low.charCodeAt(p - 1) === 40 ? p - 1 : p; // keep the "(" of "(+212)"
}

const NO_DATE = { groups: 0, end: -1 };

function groupLen(g: number[], k: number): number {
  return g[2 * k + 1]! - g[2 * k]!;
}

/** The single separator character after group k, or 0 when the gap is longer. */
function sepAfter(low: string, g: number[], k: number): number {
  return g[2 * k + 2]! - g[2 * k + 1]! === 1 ? low.charCodeAt(g[2 * k + 1]!) : 0;
}

function dateAt(low: string, g: number[], s: number, groups: number): { groups: number; end: number } {
  if (s + 2 < groups) {
    const sep1 = sepAfter(low, g, s);
    if (sep1 === sepAfter(low, g, s + 1) && (sep1 === 47 || sep1 === 46 || sep1 === 45)) {
      // A date does not continue with another group in the same style ("06-02-91-36-58" is a phone).
      if (s + 3 < groups && sepAfter(low, g, s + 2) === sep1) return NO_DATE;
      const a = groupLen(g, s);
      const b = groupLen(g, s + 1);
      const c = groupLen(g, s + 2);
      const va = num(low, g[2 * s]!, g[2 * s + 1]!);
      const vb = num(low, g[2 * s + 2]!, g[2 * s + 3]!);
      const vc = num(low, g[2 * s + 4]!, g[2 * s + 5]!);
      if (a <= 2 && b <= 2 && (c === 4 || c === 2) && plausibleDmy(va, vb, vc))
        return { groups: 3, end: g[2 * s + 5]! };
      if (a === 4 && b <= 2 && c <= 2 && plausibleDmy(vc, vb, va)) return { groups: 3, end: g[2 * s + 5]! };
    }
  }
  if (groupLen(g, s) <= 2 && s === groups - 1) {
    const end = monthDateEnd(low, g[2 * s + 1]!);
    if (end !== -1) return { groups: 1, end };
  }
  return NO_DATE;
}

function ipv4At(low: string, g: number[], s: number, groups: number): boolean {
  if (s + 3 >= groups) return false;
  // A fifth dotted group means something else (a phone written 06.61.23.45.67).
  if (s + 4 < groups && low.charCodeAt(g[2 * s + 7]!) === 46) return false;
  if (s > 0 && low.charCodeAt(g[2 * s - 1]!) === 46) return false;
  for (let k = s; k < s + 4; k++) {
    const l = g[2 * k + 1]! - g[2 * k]!;
    if (l > 3 || num(low, g[2 * k]!, g[2 * k + 1]!) > 255) return false;
    if (k < s + 3 && (g[2 * k + 2]! - g[2 * k + 1]! !== 1 || low.charCodeAt(g[2 * k + 1]!) !== 46))
      return false;
  }
  return true;
}

/** Country code -> accepted national number lengths (E.164 without the country code). */
const FOREIGN_PLANS: [string, number[]][] = [
  ['33', [9]], // France
  ['34', [9]], // Spain
  ['39', [9, 10]], // Italy
  ['32', [8, 9]], // Belgium
  ['31', [9]], // Netherlands
  ['49', [10, 11]], // Germany
  ['44', [10]], // United Kingdom
  ['41', [9]], // Switzerland
  ['1', [10]], // North America
  ['971', [8, 9]], // United Arab Emirates
  ['966', [9]], // Saudi Arabia
  ['974', [8]], // Qatar
  ['213', [9]], // Algeria
  ['216', [8]], // Tunisia
  ['90', [10]], // Turkey
];

function isMobileOrFixedStart(c: string | undefined): boolean {
  return c === '5' || c === '6' || c === '7';
}

/**
 * `whole` is true when the digits span the entire run: ICE, card, CNSS and IF numbers are only accepted
 * then, so a long tracking number never yields a card or ICE hiding inside it.
 */
function classifyDigits(
  input: ScanInput,
  d: string,
  plus: boolean,
  whole: boolean,
  start: number,
  end: number,
): Classified | null {
  const len = d.length;
  if (len === 24) {
    if (!isValidRib(d)) return null;
    const negative =
      hasCueIn(input, start - 25, start, 'negative') && !hasCueIn(input, start - 40, start, 'rib');
    return { type: 'RIB', score: negative ? 0.45 : 0.95 };
  }
  if (len === 15 && whole && isValidIce(d)) {
    const negative =
      hasCueIn(input, start - 25, start, 'negative') && !hasCueNear(input, start, end, 'ice', 30, 0);
    return { type: 'ICE', score: negative ? 0.45 : 0.9 };
  }
  if (len >= 13 && len <= 19 && whole && isValidCard(d)) return { type: 'CARD', score: 0.9 };
  const phone = phoneShape(d, plus);
  if (phone > 0) {
    if (hasCueIn(input, start - 25, start, 'negative') && !hasCueNear(input, start, end, 'phone', 30, 0))
      return { type: 'PHONE', score: 0.45 };
    return { type: 'PHONE', score: phone };
  }
  if (len === 9 && whole && hasCueNear(input, start, end, 'cnss', 45, 0) && !amountAfter(input, end))
    return { type: 'CNSS', score: 0.9 };
  if (
    (len === 7 || len === 8) &&
    whole &&
    hasCueNear(input, start, end, 'if', 40, 0) &&
    !amountAfter(input, end)
  )
    return { type: 'IF', score: 0.9 };
  return null;
}

/** Score of a Moroccan phone number shape, 0 when it is not one. */
function phoneShape(d: string, plus: boolean): number {
  const len = d.length;
  if (len === 10 && d[0] === '0' && isMobileOrFixedStart(d[1])) return 0.9;
  if (len === 12 && d.startsWith('212') && isMobileOrFixedStart(d[3])) return plus ? 0.95 : 0.8;
  if (len === 13 && d.startsWith('2120') && isMobileOrFixedStart(d[4])) return plus ? 0.95 : 0.8;
  if (len === 14 && d.startsWith('00212') && isMobileOrFixedStart(d[5])) return 0.95;
  if (len === 15 && d.startsWith('002120') && isMobileOrFixedStart(d[6])) return 0.95;
  // Countries where Moroccans live and call from, written +CC… or 00CC…, with their subscriber lengths.
  const intl = plus ? d : d.startsWith('00') ? d.slice(2) : null;
  if (intl) {
    for (const [cc, lengths] of FOREIGN_PLANS) {
      if (intl.startsWith(cc) && lengths.includes(intl.length - cc.length)) return plus ? 0.85 : 0.8;
    }
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
