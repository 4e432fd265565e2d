import type { Candidates } from './scan/candidate.js';
import { CHECKSUM_TYPES, type PiiType } from './types.js';

const CHECKSUMMED = new Set<PiiType>(CHECKSUM_TYPES);
const STRUCTURED = new Set<PiiType>([
  'EMAIL',
  'IBAN',
  'RIB',
  'ICE',
  'CARD',
  'PHONE',
  'CIN',
  'PASSPORT',
  'MASSAR',
  'IP',
]);

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
let kept = new Int32Array(256);
let weights = new Float64Array(256);

/**
 * Indices of the candidates to report, in text order: of overlapping candidates the heaviest is kept,
 * scanning left to right. Only candidates scoring at least `minScore`, of the types in `only` when
 * given, take part (plain arguments: a filter closure made per call made V8 drop this function's
 * optimised code, its call target changing every time).
 */
export function resolve(c: Candidates, minScore: number, only: Set<PiiType> | null): Int32Array {
  if (order.length < c.count) {
    order = new Int32Array(c.count * 2);
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
  // By start, longest first; equal spans keep the scanners' order (the index breaks the tie, as the
  // stable sort of the candidate objects did).
  const sorted = order.subarray(0, n).sort((a, b) => start[a]! - start[b]! || end[b]! - end[a]! || a - b);
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
