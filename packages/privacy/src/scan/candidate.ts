import type { CueHits } from '../cues.js';
import type { TokenIndex } from '../token-index.js';
import type { PiiType } from '../types.js';

/**
 * Detections before overlap resolution, as parallel arrays reused across calls rather than one object
 * per detection. On a long text the candidate objects lived through several scavenges, which made V8
 * move their allocation sites to old space mid-run and throw away the optimised code of every scanner
 * that allocated them (a pass over 1 MB then ran unoptimised for a while); on a prompt they were most
 * of the garbage. Types are kept as the (interned) type strings, so no allocation per push either.
 */
export class Candidates {
  count = 0;
  type: PiiType[] = [];
  start = new Int32Array(256);
  end = new Int32Array(256);
  score = new Float64Array(256);

  push(type: PiiType, start: number, end: number, score: number): void {
    const n = this.count;
    if (n === this.start.length) this.grow(n * 2);
    this.type[n] = type;
    this.start[n] = start;
    this.end[n] = end;
    this.score[n] = score;
    this.count = n + 1;
  }

  private grow(capacity: number): void {
    const start = new Int32Array(capacity);
    const end = new Int32Array(capacity);
    const score = new Float64Array(capacity);
    start.set(this.start);
    end.set(this.end);
    score.set(this.score);
    this.start = start;
    this.end = end;
    this.score = score;
  }
}

/** Lists above this many candidates are not kept for the next call (one huge document must not pin them). */
const KEEP_MAX = 1 << 16;
let shared = new Candidates();

/**
 * The candidate list for a new scan: the shared one, emptied. Callers are done with the previous scan's
 * candidates before starting another (scans are synchronous and do not nest).
 */
export function freshCandidates(): Candidates {
  if (shared.start.length > KEEP_MAX) shared = new Candidates();
  shared.count = 0;
  return shared;
}

/** Folded text, original text and the shared output list handed to each scanner. */
export interface ScanInput {
  text: string;
  low: string;
  out: Candidates;
  /** Context cue positions (see cues.ts). */
  cues: CueHits;
  /** Tokens each scanner starts from (see token-index.ts). */
  index: TokenIndex;
}
