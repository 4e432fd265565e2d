import { CUE_CATEGORIES, type CueCategory, RAW_CUES } from './lexicon/cue-words.js';
import { LEXICON } from './lexicon/index.js';
import { foldText, isLetter, isWordChar } from './text.js';
import type { IndexList } from './token-index.js';
import { keyOf, type Tokens } from './tokens.js';

export type { CueCategory };

interface Cue {
  text: string;
  /** Non-letter characters after the cue's last word ("n°", "tel."). */
  tail: number;
  mask: number;
  /** The cue is exactly its last word ("cin", "tel"): a token with that key is the whole cue. */
  single: boolean;
}

/** Every cue of every category, indexed by its last word. */
const BY_LAST_WORD = new Map<string, Cue[]>();
CUE_CATEGORIES.forEach((category, bit) => {
  for (const raw of new Set(RAW_CUES[category].map((c) => foldText(c)))) {
    let e = raw.length;
    while (e > 0 && !isLetter(raw.charCodeAt(e - 1))) e--;
    let s = e;
    while (s > 0 && isLetter(raw.charCodeAt(s - 1))) s--;
    const last = raw.slice(s, e);
    if (!last) continue;
    const list = BY_LAST_WORD.get(last) ?? [];
    const existing = list.find((c) => c.text === raw);
    if (existing) existing.mask |= 1 << bit;
    else list.push({ text: raw, tail: raw.length - e, mask: 1 << bit, single: raw === last });
    BY_LAST_WORD.set(last, list);
  }
});
/** The same lists by lexicon entry (tokens carry their entry): an array read instead of a string lookup. */
const BY_ENTRY: (Cue[] | undefined)[] = LEXICON.keys.map((key) => BY_LAST_WORD.get(key));

const PROCLITICS = new Set([0x648, 0x628, 0x644, 0x641, 0x643]); // و ب ل ف ك

/**
 * Positions of all cue words in one text, sorted by end offset; built once per analysis, in arrays
 * reused by the next one (the hits are only read while that text is scanned).
 */
export interface CueHits {
  count: number;
  start: Int32Array;
  end: Int32Array;
  mask: Int32Array;
}

let hits: CueHits = {
  count: 0,
  start: new Int32Array(256),
  end: new Int32Array(256),
  mask: new Int32Array(256),
};
/** One huge document must not pin large arrays for the life of the process. */
const HITS_MAX = 1 << 16;

function pushHit(s: number, e: number, m: number): void {
  const n = hits.count;
  if (n === hits.start.length) {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    hits = { count: n, start: grow(hits.start), end: grow(hits.end), mask: grow(hits.mask) };
  }
  hits.start[n] = s;
  hits.end[n] = e;
  hits.mask[n] = m;
  hits.count = n + 1;
}

/** `cueWords`: the tokens flagged as a cue's last word (see token-index.ts). */
export function findCues(low: string, tokens: Tokens, cueWords: IndexList): CueHits {
  // Hits arrive almost always in end order (tokens are scanned left to right): fill the three arrays
  // directly and sort only in the rare case a cue's tail makes one end out of order.
  if (hits.start.length > HITS_MAX)
    hits = { count: 0, start: new Int32Array(256), end: new Int32Array(256), mask: new Int32Array(256) };
  hits.count = 0;
  let sorted = true;
  for (let w = 0; w < cueWords.count; w++) {
    const t = cueWords.items[w]!;
    const ws = tokens.start[t]!;
    const we = tokens.end[t]!;
    const entry = tokens.entry[t]!;
    let list = entry >= 0 ? BY_ENTRY[entry] : undefined;
    let proclitic = false;
    if (!list) {
      const key = keyOf(tokens, t);
      if (key.length > 3 && PROCLITICS.has(key.charCodeAt(0))) {
        list = BY_LAST_WORD.get(key.slice(1));
        proclitic = true;
      }
    }
    if (!list) continue;
    // A token without marks (its length is its key's) whose key is a one-word cue is that cue's text.
    const bare = !proclitic && we - ws === LEXICON.keyLength[entry];
    for (const cue of list) {
      const e = we + cue.tail;
      const s = e - cue.text.length;
      if (!(bare && cue.single) && (s < 0 || !low.startsWith(cue.text, s))) continue;
      const startOk =
        !isWordChar(cue.text.charCodeAt(0)) ||
        s === 0 ||
        !isWordChar(low.charCodeAt(s - 1)) ||
        (proclitic && s - 1 === ws);
      const endOk =
        !isWordChar(cue.text.charCodeAt(cue.text.length - 1)) ||
        e >= low.length ||
        !isWordChar(low.charCodeAt(e));
      if (startOk && endOk) {
        if (hits.count > 0 && e < hits.end[hits.count - 1]!) sorted = false;
        pushHit(s, e, cue.mask);
      }
    }
  }
  if (sorted) return hits;
  const { count, start, end, mask } = hits;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => end[a]! - end[b]!);
  return {
    count,
    start: Int32Array.from(order, (i) => start[i]!),
    end: Int32Array.from(order, (i) => end[i]!),
    mask: Int32Array.from(order, (i) => mask[i]!),
  };
}

export interface CueContext {
  low: string;
  cues: CueHits;
}

const SLACK = 20;

/** End of the latest cue of `category` ending in (from, to], or -1. */
export function lastCueEnd(ctx: CueContext, from: number, to: number, category: CueCategory): number {
  const { end, start, mask, count } = ctx.cues;
  const bit = 1 << CUE_CATEGORIES.indexOf(category);
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end[mid]! <= to) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && end[i]! > from; i--)
    if (mask[i]! & bit && start[i]! >= from - SLACK) return end[i]!;
  return -1;
}

/** True when a cue of `category` lies within [from, to). */
export function hasCueIn(ctx: CueContext, from: number, to: number, category: CueCategory): boolean {
  return lastCueEnd(ctx, from, to, category) !== -1;
}

/** Cue shortly before `start` (default 40 chars) or just after `end` (default 12 chars). */
export function hasCueNear(
  ctx: CueContext,
  start: number,
  end: number,
  category: CueCategory,
  before = 40,
  after = 12,
): boolean {
  return (
    hasCueIn(ctx, start - before, start, category) ||
    (after > 0 && hasCueIn(ctx, end, end + after + 1, category))
  );
}
