import { isLatinLetter } from '../text.js';
import { TokenKind, type Tokens } from '../tokens.js';
import type { PiiType } from '../types.js';
import type { ScanInput } from './candidate.js';
import { isBirthDate, monthDateEnd, plausibleDmy } from './dates.js';
import { classifiedType, classifyDigits, DIGITS, MAX_DIGITS, MIN_DIGITS } from './digits.js';

/** Characters allowed between digit groups of one number: "06 61-23.45/67", "(+212) 6…". */
function isSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || (c >= 0x2010 && c <= 0x2015);
}

/**
 * Hand-written scanner over digit runs (no regex backtracking): consecutive digit tokens separated by
 * at most three separator characters form a run; candidate identifiers are tried on group boundaries
 * only, extending at most 28 digits from each start, so the work is linear in the input.
 */
export function scanNumbers(input: ScanInput, tokens: Tokens): void {
  const { low } = input;
  const n = low.length;
  let g = groupScratch;
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
    g[0] = i;
    g[1] = tokens.end[t]!;
    let size = 2;
    let u = t + 1;
    while (
      u < tokens.count &&
      tokens.kind[u] === TokenKind.Digits &&
      sepGap(low, tokens.end[u - 1]!, tokens.start[u]!)
    ) {
      if (size === g.length) g = growGroups(g);
      g[size++] = tokens.start[u]!;
      g[size++] = tokens.end[u]!;
      u++;
    }
    const j = tokens.end[u - 1]!;
    const plus =
      (i > 0 && low.charCodeAt(i - 1) === 43) ||
      (i > 1 && low.charCodeAt(i - 1) === 40 && low.charCodeAt(i - 2) === 43);
    const rightGlued = j < n && isLatinLetter(low.charCodeAt(j));
    processRun(input, g, size / 2, plus, rightGlued);
    next = u;
  }
}

/**
 * Flat [start, end) pairs of the current run's digit groups, reused across runs and calls: an array
 * emptied per run (length = 0) dropped its storage and reallocated it for every number of the text.
 */
let groupScratch: Int32Array = new Int32Array(64);
function growGroups(g: Int32Array): Int32Array {
  const next = new Int32Array(g.length * 2);
  next.set(g);
  groupScratch = next;
  return next;
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
 * Identifiers in one run of digit groups. `g` holds flat [start, end) pairs of `groups` groups; `plus` is a
 * "+" before the run; `rightGlued` a letter right after it. Plain arguments, not an object per run.
 */
function processRun(
  input: ScanInput,
  g: Int32Array,
  groups: number,
  plus: boolean,
  rightGlued: boolean,
): void {
  const { low, out } = input;
  let s = 0;
  while (s < groups) {
    const gs = g[2 * s]!;
    const lastUsable = rightGlued ? groups - 2 : groups - 1;
    // Dates first: a date is never a phone or a fiscal number.
    const dateEnd = dateAt(low, g, s, groups);
    if (dateEnd.groups > 0) {
      const end = dateEnd.end;
      if (isBirthDate(input, gs, end)) out.push('DATE_OF_BIRTH', gs, end, 0.9);
      s += dateEnd.groups;
      continue;
    }
    if (ipv4At(low, g, s, groups)) {
      out.push('IP', gs, g[2 * s + 7]!, 0.9);
      s += 4;
      continue;
    }
    // Digit values go to a reused buffer (see digits.ts); classification starts at MIN_DIGITS digits,
    // since most runs are times, days, amounts and counts.
    let digitCount = 0;
    let bestScore = 0;
    let bestType: PiiType = 'PHONE';
    let bestEnd = -1;
    for (let e = s; e <= lastUsable; e++) {
      const from = g[2 * e]!;
      const to = g[2 * e + 1]!;
      if (digitCount + (to - from) > MAX_DIGITS) break;
      for (let i = from; i < to; i++) DIGITS[digitCount++] = low.charCodeAt(i) - 48;
      if (digitCount < MIN_DIGITS) continue;
      const whole = s === 0 && e === groups - 1 && !rightGlued;
      const score = classifyDigits(input, digitCount, plus && s === 0, whole, gs, to);
      if (score > 0) {
        bestScore = score;
        bestType = classifiedType;
        bestEnd = e;
      }
    }
    if (bestScore > 0) {
      const start = plus && s === 0 && bestType === 'PHONE' ? plusStart(low, gs) : gs;
      out.push(bestType, start, g[2 * bestEnd + 1]!, bestScore);
      s = bestEnd + 1;
    } else s++;
  }
}

function plusStart(low: string, gs: number): number {
  const p = low.charCodeAt(gs - 1) === 43 ? gs - 1 : gs - 2; // "+212" or "+(212"
  return p > 0 && low.charCodeAt(p - 1) === 40 ? p - 1 : p; // keep the "(" of "(+212)"
}

const NO_DATE = { groups: 0, end: -1 };

function groupLen(g: Int32Array, k: number): number {
  return g[2 * k + 1]! - g[2 * k]!;
}

/** The single separator character after group k, or 0 when the gap is longer. */
function sepAfter(low: string, g: Int32Array, k: number): number {
  return g[2 * k + 2]! - g[2 * k + 1]! === 1 ? low.charCodeAt(g[2 * k + 1]!) : 0;
}

function dateAt(low: string, g: Int32Array, s: number, groups: number): { groups: number; end: number } {
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

function ipv4At(low: string, g: Int32Array, s: number, groups: number): boolean {
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
