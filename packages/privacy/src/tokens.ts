import { LEXICON } from './lexicon/index.js';
import { lexKey } from './text.js';

export enum TokenKind {
  Latin = 0,
  Arabic = 1,
  Digits = 2,
}

/** Word tokens of the folded text: letter runs of one script, or digit runs. Offsets match the original. */
export interface Tokens {
  /** Number of tokens; the arrays may be longer (see finishTokens' `transient`). */
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
 * Scratch arrays the tokenizer fills, reused across calls; the result is copied into one exact-size
 * buffer unless the caller takes the scratch itself (see finishTokens). One allocation per call instead
 * of five growing ones matters for short prompts (latency) and for GC.
 */
export interface TokenScratch {
  start: Int32Array;
  end: Int32Array;
  flags: Int32Array;
  entry: Int32Array;
  kind: Uint8Array;
}
let tokenScratch: TokenScratch = newScratch(1024);

/** The current scratch arrays (replaced when they grow or shrink). */
export function currentTokenScratch(): TokenScratch {
  return tokenScratch;
}
const SCRATCH_MAX_TOKENS = 1 << 18;

function newScratch(cap: number): TokenScratch {
  return {
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    flags: new Int32Array(cap),
    entry: new Int32Array(cap),
    kind: new Uint8Array(cap),
  };
}

/** Doubles the scratch arrays, keeping their contents; returns the new ones. */
export function growTokenScratch(): TokenScratch {
  const old = tokenScratch;
  const next = newScratch(old.start.length * 2);
  next.start.set(old.start);
  next.end.set(old.end);
  next.flags.set(old.flags);
  next.entry.set(old.entry);
  next.kind.set(old.kind);
  tokenScratch = next;
  return next;
}

/**
 * Tokens made of the first `count` scratch entries. With `transient`, the arrays are the scratch arrays
 * themselves, valid only until the next tokenization: for callers that finish with the tokens before
 * tokenizing again (detectPii, inspectText), this skips an allocation and a copy of 17 bytes per token,
 * and the GC work they cause.
 */
export function finishTokens(
  count: number,
  at: number[],
  colon: number[],
  low: string,
  transient: boolean,
): Tokens {
  const sc = tokenScratch;
  // One huge document must not pin megabytes of scratch for the life of the process: the oversized
  // arrays go with these tokens (or are dropped) and the next call starts small.
  if (sc.start.length > SCRATCH_MAX_TOKENS) tokenScratch = newScratch(1024);
  // Same property order as below: scanners then see one object shape.
  if (transient)
    return {
      count,
      start: sc.start,
      end: sc.end,
      kind: sc.kind,
      flags: sc.flags,
      entry: sc.entry,
      at,
      colon,
      low,
      keys: null,
    };
  // start | end | flags | entry (Int32) then kind (Uint8), views over a single exact-size buffer.
  const buf = new ArrayBuffer(count * 17);
  const start = new Int32Array(buf, 0, count);
  const end = new Int32Array(buf, count * 4, count);
  const flags = new Int32Array(buf, count * 8, count);
  const entry = new Int32Array(buf, count * 12, count);
  const kind = new Uint8Array(buf, count * 16, count);
  start.set(sc.start.subarray(0, count));
  end.set(sc.end.subarray(0, count));
  flags.set(sc.flags.subarray(0, count));
  entry.set(sc.entry.subarray(0, count));
  kind.set(sc.kind.subarray(0, count));
  return { count, start, end, kind, flags, entry, at, colon, low, keys: null };
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
