import { LEXICON, PROCLITIC_KEEPS } from './lexicon/index.js';
import { findKey, findKeyIn, HASH_SEED, hashStep } from './lexicon/key-table.js';
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
  /** Number of tokens; the arrays may be longer (see tokenize's `transient`). */
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Lexicon flags (see lexicon/index.ts F). */
  flags: Int32Array;
  /** Lexicon entry whose key is exactly the token's key, or -1 (see keyOf). */
  entry: Int32Array;
  /** Positions of "@" and ":" (for e-mail and IPv6 scanners). */
  at: number[];
  colon: number[];
  low: string;
  /** Keys of tokens that are not lexicon entries, built on first use (most tokens never need one). */
  keys: Map<number, string> | null;
}

/** Folded lexicon key of token `t` ('' for digit tokens), computed on first use. */
export function keyOf(tokens: Tokens, t: number): string {
  const e = tokens.entry[t]!;
  if (e >= 0) return LEXICON.keys[e]!;
  if (tokens.kind[t] === TokenKind.Digits) return '';
  // A sparse map: an array as long as the token list cost more to allocate than the few keys it held.
  let keys = tokens.keys;
  if (keys === null) {
    keys = new Map();
    tokens.keys = keys;
  }
  let k = keys.get(t);
  if (k === undefined) {
    const raw = tokens.low.slice(tokens.start[t], tokens.end[t]);
    k = tokens.kind[t] === TokenKind.Arabic ? lexKey(raw) : raw;
    keys.set(t, k);
  }
  return k;
}

/**
 * Scratch arrays for the scan, reused across calls; the result is copied into one exact-size buffer.
 * One allocation per call instead of five growing ones matters for short prompts (latency) and for GC.
 */
let scratchStart = new Int32Array(1024);
let scratchEnd = new Int32Array(1024);
let scratchFlags = new Int32Array(1024);
let scratchEntry = new Int32Array(1024);
let scratchKind = new Uint8Array(1024);
const SCRATCH_MAX_TOKENS = 1 << 18;

function growScratch(): void {
  const cap = scratchStart.length * 2;
  const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
    b.set(a);
    return b;
  };
  scratchStart = grow(scratchStart, new Int32Array(cap));
  scratchEnd = grow(scratchEnd, new Int32Array(cap));
  scratchFlags = grow(scratchFlags, new Int32Array(cap));
  scratchEntry = grow(scratchEntry, new Int32Array(cap));
  scratchKind = grow(scratchKind, new Uint8Array(cap));
}

/** Longest word (code units) looked up in the lexicon; longer runs are never names or cue words. */
const MAX_LEXICON_WORD = 24;

/**
 * Tokens of `low`. With `transient`, the arrays are the tokenizer's scratch buffers, valid only until the
 * next call: for callers that finish with the tokens before tokenizing again (detectPii, inspectText),
 * this skips an allocation and a copy of 17 bytes per token, and the GC work they cause.
 */
export function tokenize(low: string, transient = false): Tokens {
  const n = low.length;
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
    if (count === scratchStart.length) growScratch();
    const s = i;
    i++;
    // The lexicon key is hashed during the scan itself (marks excluded, as lexKey drops them).
    let h = hashStep(HASH_SEED, c);
    let keyLength = 1;
    let kind: TokenKind;
    if (cls === ARABIC) {
      kind = TokenKind.Arabic;
      while (i < n) {
        const d = low.charCodeAt(i);
        const k = d < 0x800 ? CLASS[d] : OTHER;
        if (k === ARABIC) {
          h = hashStep(h, d);
          keyLength++;
        } else if (k !== MARK) break;
        i++;
      }
    } else if (cls === LATIN) {
      kind = TokenKind.Latin;
      while (i < n) {
        const d = low.charCodeAt(i);
        if (d >= 0x800 || CLASS[d] !== LATIN) break;
        h = hashStep(h, d);
        keyLength++;
        i++;
      }
    } else {
      kind = TokenKind.Digits;
      while (i < n && isAsciiDigit(low.charCodeAt(i))) i++;
    }
    scratchStart[count] = s;
    scratchEnd[count] = i;
    scratchKind[count] = kind;
    let flags = 0;
    let entry = -1;
    // Latin letters glued to digits are Arabizi spellings ("3lina", "sara7a", "bo7dna") or codes: the
    // letter run alone is not the word it spells, so it gets no lexical meaning (names, cues, categories).
    if (
      kind !== TokenKind.Digits &&
      i - s <= MAX_LEXICON_WORD &&
      !(
        kind === TokenKind.Latin &&
        ((s > 0 && isAsciiDigit(low.charCodeAt(s - 1))) || (i < n && isAsciiDigit(low.charCodeAt(i))))
      )
    ) {
      entry = findKey(LEXICON, low, s, i, h, keyLength);
      if (entry >= 0) flags = LEXICON.flags[entry]!;
      else if (kind === TokenKind.Arabic && keyLength > 3 && PROCLITICS.has(c)) {
        const bare = findKeyIn(LEXICON, low, s + 1, i);
        if (bare >= 0) flags = LEXICON.flags[bare]! & PROCLITIC_KEEPS;
      }
    }
    scratchFlags[count] = flags;
    scratchEntry[count] = entry;
    count++;
  }
  if (transient) {
    const tokens: Tokens = {
      count,
      start: scratchStart,
      end: scratchEnd,
      kind: scratchKind,
      flags: scratchFlags,
      entry: scratchEntry,
      at,
      colon,
      low,
      keys: null,
    };
    // After a huge document the oversized arrays go with these tokens; the next call starts small.
    if (scratchStart.length > SCRATCH_MAX_TOKENS) shrinkScratch();
    return tokens;
  }
  // start | end | flags | entry (Int32) then kind (Uint8), views over a single exact-size buffer.
  const buf = new ArrayBuffer(count * 17);
  const start = new Int32Array(buf, 0, count);
  const end = new Int32Array(buf, count * 4, count);
  const flags = new Int32Array(buf, count * 8, count);
  const entry = new Int32Array(buf, count * 12, count);
  const kind = new Uint8Array(buf, count * 16, count);
  start.set(scratchStart.subarray(0, count));
  end.set(scratchEnd.subarray(0, count));
  flags.set(scratchFlags.subarray(0, count));
  entry.set(scratchEntry.subarray(0, count));
  kind.set(scratchKind.subarray(0, count));
  if (scratchStart.length > SCRATCH_MAX_TOKENS) shrinkScratch();
  return { count, start, end, kind, flags, entry, at, colon, low, keys: null };
}

/** One huge document must not pin megabytes of scratch for the life of the process. */
function shrinkScratch(): void {
  scratchStart = new Int32Array(1024);
  scratchEnd = new Int32Array(1024);
  scratchFlags = new Int32Array(1024);
  scratchEntry = new Int32Array(1024);
  scratchKind = new Uint8Array(1024);
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
