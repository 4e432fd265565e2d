import type { Candidates } from './scan/candidate.js';
import { CHECKSUM_TYPES, type PiiType, STRUCTURED_TYPES } from './types.js';

const CHECKSUMMED = new Set<PiiType>(CHECKSUM_TYPES);
const STRUCTURED = new Set<PiiType>(STRUCTURED_TYPES);

/** Weight used when two detections overlap: checksummed and structured identifiers beat free text. */
function weight(c: Candidates, i: number): number {
  const type = c.type[i]!;
  return (
    c.score[i]! +
    (CHECKSUMMED.has(type) ? 1 : STRUCTURED.has(type) ? 0.5 : 0) +
    (c.end[i]! - c.start[i]!) / 10_000
  );
}

/** Addresses legitimately contain numbers; a name inside an address stays part of it. */
function insideAddress(type: PiiType): boolean {
  return type === 'PERSON' || type === 'CIN' || type === 'IF' || type === 'CNSS';
}

/** Reused buffers (indices into the candidate list), grown as needed. */
let order = new Int32Array(256);
let spare = new Int32Array(256);
let kept = new Int32Array(256);
let weights = new Float64Array(256);

/** Candidate `a` sorts before `b`: by start, longest first, then in the scanners' order. */
function before(c: Candidates, a: number, b: number): boolean {
  const sa = c.start[a]!;
  const sb = c.start[b]!;
  if (sa !== sb) return sa < sb;
  const ea = c.end[a]!;
  const eb = c.end[b]!;
  return ea !== eb ? ea > eb : a < b;
}

const RUN = 8;

/**
 * Sorts order[0, n) with `before`, returning the buffer that holds the result (order or spare). A
 * merge sort over the two reused buffers: TypedArray#sort with a comparator copied the list and called
 * back for every comparison, a visible share of resolving a long text. The order is total (the index
 * breaks ties), so the result is the one any correct sort gives.
 */
function sortCandidates(c: Candidates, n: number): Int32Array {
  let src = order;
  let dst = spare;
  // Insertion sort of short runs: scanners emit candidates mostly in text order.
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let k = lo + 1; k < hi; k++) {
      const x = src[k]!;
      let j = k - 1;
      while (j >= lo && before(c, x, src[j]!)) {
        src[j + 1] = src[j]!;
        j--;
      }
      src[j + 1] = x;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi) dst[k++] = before(c, src[b]!, src[a]!) ? src[b++]! : src[a++]!;
      while (a < mid) dst[k++] = src[a++]!;
      while (b < hi) dst[k++] = src[b++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Indices of the candidates to report, in text order: of overlapping candidates the heaviest is kept,
 * scanning left to right. Only candidates scoring at least `minScore`, of the types in `only` when
 * given, take part (plain arguments: a filter closure made per call made V8 drop this function's
 * optimised code, its call target changing every time).
 */
export function resolve(c: Candidates, minScore: number, only: Set<PiiType> | null): Int32Array {
  if (order.length < c.count) {
    order = new Int32Array(c.count * 2);
    spare = new Int32Array(c.count * 2);
    kept = new Int32Array(c.count * 2);
    weights = new Float64Array(c.count * 2);
  }
  let n = 0;
  for (let i = 0; i < c.count; i++) {
    if (!(c.score[i]! >= minScore && (only === null || only.has(c.type[i]!)))) continue;
    order[n++] = i;
    weights[i] = weight(c, i);
  }
  const { start, end, type } = c;
  // By start, longest first; equal spans keep the scanners' order (as the stable sort of the candidate
  // objects did).
  const sorted = sortCandidates(c, n);
  let top = 0;
  for (let k = 0; k < n; k++) {
    const i = sorted[k]!;
    if (top === 0 || start[i]! >= end[kept[top - 1]!]!) {
      kept[top++] = i;
      continue;
    }
    const last = kept[top - 1]!;
    if (type[last] === 'ADDRESS' && insideAddress(type[i]!)) continue;
    const w = weights[i]!;
    if (w > weights[last]!) {
      top--;
      // The winner may now overlap an earlier kept candidate.
      while (top > 0 && end[kept[top - 1]!]! > start[i]! && weights[kept[top - 1]!]! < w) top--;
      if (top === 0 || end[kept[top - 1]!]! <= start[i]!) kept[top++] = i;
    }
  }
  return kept.subarray(0, top);
}
