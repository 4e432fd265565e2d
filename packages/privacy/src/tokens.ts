import { flagsOf } from './lexicon/index.js';
import { isArabicLetter, isArabicMark, isDigit, isLatinLetter, lexKey } from './text.js';

export enum TokenKind {
  Latin = 0,
  Arabic = 1,
  Digits = 2,
}

/** Word tokens of the folded text: letter runs of one script, or digit runs. Offsets match the original. */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  flags: Int32Array;
  /** Folded lexicon key per token ('' for digit tokens). */
  key: string[];
}

export function tokenize(low: string): Tokens {
  const n = low.length;
  let cap = Math.max(16, n >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = low.charCodeAt(i);
    let k: TokenKind;
    const s = i;
    if (isDigit(c)) {
      k = TokenKind.Digits;
      i++;
      while (i < n && isDigit(low.charCodeAt(i))) i++;
    } else if (isLatinLetter(c)) {
      k = TokenKind.Latin;
      i++;
      while (i < n && isLatinLetter(low.charCodeAt(i))) i++;
    } else if (isArabicLetter(c)) {
      k = TokenKind.Arabic;
      i++;
      while (i < n) {
        const d = low.charCodeAt(i);
        if (!isArabicLetter(d) && !isArabicMark(d)) break;
        i++;
      }
    } else {
      i++;
      continue;
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
    kind[count] = k;
    count++;
  }
  const key: string[] = new Array(count);
  const flags = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    if (kind[t] === TokenKind.Digits) {
      key[t] = '';
      continue;
    }
    const len = end[t]! - start[t]!;
    if (len > 24) {
      key[t] = '';
      continue;
    }
    const raw = low.slice(start[t], end[t]);
    const k = kind[t] === TokenKind.Arabic ? lexKey(raw) : raw;
    key[t] = k;
    flags[t] = flagsOf(k);
  }
  return { count, start, end, kind, flags, key };
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
