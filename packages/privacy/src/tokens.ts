import { flagsOf, maybeInLexicon } from './lexicon/index.js';
import { lexKey } from './text.js';

export enum TokenKind {
  Latin = 0,
  Arabic = 1,
  Digits = 2,
}

// Character classes for code units below U+0800 (Latin, Arabic and Arabic Supplement blocks).
const OTHER = 0;
const DIGIT = 1;
const LATIN = 2;
const ARABIC = 3;
const MARK = 4;
const CLASS = new Uint8Array(0x800);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = LATIN;
for (let c = 97; c <= 122; c++) CLASS[c] = LATIN;
for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) CLASS[c] = LATIN;
for (let c = 0x620; c <= 0x64a; c++) CLASS[c] = ARABIC;
for (let c = 0x66e; c <= 0x6d3; c++) CLASS[c] = ARABIC;
for (let c = 0x750; c <= 0x77f; c++) CLASS[c] = ARABIC;
for (let c = 0x64b; c <= 0x65f; c++) CLASS[c] = MARK;
CLASS[0x670] = MARK;
CLASS[0x640] = MARK;

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const PROCLITICS = new Set([0x648, 0x628, 0x644, 0x641, 0x643]); // و ب ل ف ك

/** Word tokens of the folded text: letter runs of one script, or digit runs. Offsets match the original. */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  flags: Int32Array;
  /** Positions of "@" and ":" (for e-mail and IPv6 scanners). */
  at: number[];
  colon: number[];
  low: string;
  keys: (string | undefined)[];
}

/** Folded lexicon key of token `t` ('' for digit tokens), computed on first use. */
export function keyOf(tokens: Tokens, t: number): string {
  let k = tokens.keys[t];
  if (k === undefined) {
    if (tokens.kind[t] === TokenKind.Digits) k = '';
    else {
      const raw = tokens.low.slice(tokens.start[t], tokens.end[t]);
      k = tokens.kind[t] === TokenKind.Arabic ? lexKey(raw) : raw;
    }
    tokens.keys[t] = k;
  }
  return k;
}

/**
 * Scratch arrays for the scan, reused across calls; the result is copied into one exact-size buffer.
 * One allocation per call instead of three growing ones matters for short prompts (latency) and for GC.
 */
let scratchStart = new Int32Array(1024);
let scratchEnd = new Int32Array(1024);
let scratchKind = new Uint8Array(1024);
const SCRATCH_MAX_TOKENS = 1 << 18;

export function tokenize(low: string): Tokens {
  const n = low.length;
  let cap = scratchStart.length;
  let start = scratchStart;
  let end = scratchEnd;
  let kind = scratchKind;
  const at: number[] = [];
  const colon: number[] = [];
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = low.charCodeAt(i);
    const cls = c < 0x800 ? CLASS[c]! : OTHER;
    if (cls === OTHER || cls === MARK) {
      if (c === 64) at.push(i);
      else if (c === 58) colon.push(i);
      i++;
      continue;
    }
    const s = i;
    i++;
    if (cls === ARABIC) {
      while (i < n) {
        const d = low.charCodeAt(i);
        const k = d < 0x800 ? CLASS[d] : OTHER;
        if (k !== ARABIC && k !== MARK) break;
        i++;
      }
    } else {
      while (i < n) {
        const d = low.charCodeAt(i);
        if ((d < 0x800 ? CLASS[d] : OTHER) !== cls) break;
        i++;
      }
    }
    if (count === cap) {
      cap *= 2;
      const ns = new Int32Array(cap);
      ns.set(start);
      start = ns;
      const ne = new Int32Array(cap);
      ne.set(end);
      end = ne;
      const nk = new Uint8Array(cap);
      nk.set(kind);
      kind = nk;
    }
    start[count] = s;
    end[count] = i;
    kind[count] = cls === DIGIT ? TokenKind.Digits : cls === LATIN ? TokenKind.Latin : TokenKind.Arabic;
    count++;
  }
  if (cap <= SCRATCH_MAX_TOKENS && cap > scratchStart.length) {
    scratchStart = start;
    scratchEnd = end;
    scratchKind = kind;
  }
  // start | end | flags (Int32) then kind (Uint8), views over a single buffer.
  const buf = new ArrayBuffer(count * 13);
  const outStart = new Int32Array(buf, 0, count);
  const outEnd = new Int32Array(buf, count * 4, count);
  const outKind = new Uint8Array(buf, count * 12, count);
  for (let t = 0; t < count; t++) {
    outStart[t] = start[t]!;
    outEnd[t] = end[t]!;
    outKind[t] = kind[t]!;
  }
  start = outStart;
  end = outEnd;
  kind = outKind;
  const tokens: Tokens = {
    count,
    start,
    end,
    kind,
    flags: new Int32Array(buf, count * 8, count),
    at,
    colon,
    low,
    keys: new Array(count),
  };
  const flags = tokens.flags;
  for (let t = 0; t < count; t++) {
    const k = kind[t]!;
    if (k === TokenKind.Digits) continue;
    const s = start[t]!;
    const e = end[t]!;
    const len = e - s;
    if (len > 24) continue;
    // Latin letters glued to digits are Arabizi spellings ("3lina", "sara7a", "bo7dna") or codes: the
    // letter run alone is not the word it spells, so it gets no lexical meaning (names, cues, categories).
    if (
      k === TokenKind.Latin &&
      ((s > 0 && isAsciiDigit(low.charCodeAt(s - 1))) || (e < n && isAsciiDigit(low.charCodeAt(e))))
    )
      continue;
    const first = low.charCodeAt(s);
    const last = low.charCodeAt(e - 1);
    const maybe =
      maybeInLexicon(first, last, len) ||
      (k === TokenKind.Arabic &&
        len > 3 &&
        PROCLITICS.has(first) &&
        maybeInLexicon(low.charCodeAt(s + 1), last, len - 1)) ||
      (k === TokenKind.Arabic && CLASS[last] === MARK);
    if (maybe) flags[t] = flagsOf(keyOf(tokens, t));
  }
  return tokens;
}

/** Characters between two tokens contain only spaces, hyphens or apostrophes (at most `max` chars). */
export function tightGap(low: string, from: number, to: number, max = 2): boolean {
  if (to - from > max || to < from) return false;
  for (let i = from; i < to; i++) {
    const c = low.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 39 && c !== 0x2019 && c !== 0x2010 && c !== 0x2011) return false;
  }
  return true;
}
