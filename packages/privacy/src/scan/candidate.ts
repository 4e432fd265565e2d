import type { CueHits } from '../cues.js';
import type { TokenIndex } from '../token-index.js';
import type { PiiType } from '../types.js';

/** A detection before overlap resolution. */
export interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  score: number;
}

/** Folded text, original text and the shared output list handed to each scanner. */
export interface ScanInput {
  text: string;
  low: string;
  out: Candidate[];
  /** Context cue positions (see cues.ts). */
  cues: CueHits;
  /** Tokens each scanner starts from (see token-index.ts). */
  index: TokenIndex;
}
