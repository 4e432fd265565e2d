/**
 * Lexicon keys in an open-addressing hash table that is probed with code units read straight from the
 * folded text. Most words of a request are in the lexicon (stopwords, names, cue words: about 3 in 4 on
 * the bench corpus), so looking them up through a Map<string> meant one substring and one string hash
 * per word. Here the tokenizer hashes each word while it scans it, and a probe compares code units in
 * place: no allocation per word. Arabic marks and tatweel are skipped on the text side, exactly as
 * lexKey() strips them.
 */
import { isArabicMark } from '../text.js';

/** FNV-1a over UTF-16 code units (32-bit). */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export interface KeyTable {
  /** Canonical key string of each entry (returned by keyOf, so equal keys are the same string). */
  keys: string[];
  flags: Int32Array;
  /** Entry code units live in `units` from `unitStart[e]` for `keyLength[e]` units. */
  unitStart: Int32Array;
  keyLength: Int32Array;
  units: Uint16Array;
  /**
   * Pairs [hash, entry index + 1] per slot (0: empty), so a probe reads one cache line and compares the
   * hash before touching the entry. Slot count is a power of two, at most half full.
   */
  slots: Int32Array;
  mask: number;
}

export function buildKeyTable(entries: Map<string, number>): KeyTable {
  const n = entries.size;
  let size = 16;
  while (size < n * 2) size *= 2;
  let totalUnits = 0;
  for (const key of entries.keys()) totalUnits += key.length;
  const table: KeyTable = {
    keys: [],
    flags: new Int32Array(n),
    unitStart: new Int32Array(n),
    keyLength: new Int32Array(n),
    units: new Uint16Array(totalUnits),
    slots: new Int32Array(size * 2),
    mask: size - 1,
  };
  let e = 0;
  let u = 0;
  for (const [key, flags] of entries) {
    let h = HASH_SEED;
    table.unitStart[e] = u;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      table.units[u++] = c;
      h = hashStep(h, c);
    }
    table.keys.push(key);
    table.flags[e] = flags;
    table.keyLength[e] = key.length;
    let slot = h & table.mask;
    while (table.slots[2 * slot + 1] !== 0) slot = (slot + 1) & table.mask;
    table.slots[2 * slot] = h;
    table.slots[2 * slot + 1] = e + 1;
    e++;
  }
  return table;
}

/**
 * Entry whose key equals `units[from, to)` with Arabic marks skipped, or -1. `h` and `length` are the
 * hash and the length of that mark-free key, computed by the tokenizer while it scanned the word. The
 * word is read from the tokenizer's folded code units: a typed-array read is cheaper than charCodeAt.
 */
export function findKey(
  table: KeyTable,
  units: Uint16Array,
  from: number,
  to: number,
  h: number,
  length: number,
): number {
  const { slots, mask } = table;
  let slot = h & mask;
  for (;;) {
    const e = slots[2 * slot + 1]! - 1;
    if (e < 0) return -1;
    if (slots[2 * slot] === h && table.keyLength[e] === length && sameUnits(table, e, units, from, to))
      return e;
    slot = (slot + 1) & mask;
  }
}

function sameUnits(table: KeyTable, e: number, units: Uint16Array, from: number, to: number): boolean {
  const keyUnits = table.units;
  let u = table.unitStart[e]!;
  // Same length as the key: no marks to skip (most words).
  if (to - from === table.keyLength[e]) {
    for (let i = from; i < to; i++) if (keyUnits[u++] !== units[i]) return false;
    return true;
  }
  for (let i = from; i < to; i++) {
    const c = units[i]!;
    if (isArabicMark(c)) continue;
    if (keyUnits[u++] !== c) return false;
  }
  return true;
}

/** findKey without a precomputed hash (the rare second probe, without a proclitic). */
export function findKeyIn(table: KeyTable, units: Uint16Array, from: number, to: number): number {
  let h = HASH_SEED;
  let length = 0;
  for (let i = from; i < to; i++) {
    const c = units[i]!;
    if (isArabicMark(c)) continue;
    h = hashStep(h, c);
    length++;
  }
  return findKey(table, units, from, to, h, length);
}

/** Entry whose key equals `low[from, to)` with Arabic marks skipped, or -1 (scanners reading strings). */
export function findKeyInText(table: KeyTable, low: string, from: number, to: number): number {
  let h = HASH_SEED;
  let length = 0;
  for (let i = from; i < to; i++) {
    const c = low.charCodeAt(i);
    if (isArabicMark(c)) continue;
    h = hashStep(h, c);
    length++;
  }
  const { slots, mask } = table;
  let slot = h & mask;
  for (;;) {
    const e = slots[2 * slot + 1]! - 1;
    if (e < 0) return -1;
    if (slots[2 * slot] === h && table.keyLength[e] === length && sameText(table, e, low, from, to)) return e;
    slot = (slot + 1) & mask;
  }
}

function sameText(table: KeyTable, e: number, low: string, from: number, to: number): boolean {
  const keyUnits = table.units;
  let u = table.unitStart[e]!;
  for (let i = from; i < to; i++) {
    const c = low.charCodeAt(i);
    if (isArabicMark(c)) continue;
    if (keyUnits[u++] !== c) return false;
  }
  return true;
}

/** Entry of a key given as a string (setup code and tests), or -1. */
export function findKeyString(table: KeyTable, key: string): number {
  return findKeyInText(table, key, 0, key.length);
}
