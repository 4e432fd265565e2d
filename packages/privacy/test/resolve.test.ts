import { describe, expect, it } from 'vitest';
import { resolve } from '../src/resolve.js';
import { Candidates } from '../src/scan/candidate.js';
import { CHECKSUM_TYPES, PII_TYPES, type PiiType, STRUCTURED_TYPES } from '../src/types.js';
import { rng } from './fixtures.js';

interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  score: number;
}

const CHECKSUMMED = new Set<PiiType>(CHECKSUM_TYPES);
const STRUCTURED = new Set<PiiType>(STRUCTURED_TYPES);

/** Overlap resolution as it was written over candidate objects: the specification resolve() follows. */
function referenceResolve(cands: Candidate[]): Candidate[] {
  const weight = (c: Candidate) =>
    c.score + (CHECKSUMMED.has(c.type) ? 1 : STRUCTURED.has(c.type) ? 0.5 : 0) + (c.end - c.start) / 10_000;
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) {
      kept.push(c);
      continue;
    }
    if (
      last.type === 'ADDRESS' &&
      (c.type === 'PERSON' || c.type === 'CIN' || c.type === 'IF' || c.type === 'CNSS')
    )
      continue;
    if (weight(c) > weight(last)) {
      kept.pop();
      while (
        kept.length &&
        kept[kept.length - 1]!.end > c.start &&
        weight(kept[kept.length - 1]!) < weight(c)
      )
        kept.pop();
      const prev = kept[kept.length - 1];
      if (!prev || prev.end <= c.start) kept.push(c);
    }
  }
  return kept;
}

describe('resolve — overlapping candidates', () => {
  it('keeps the same candidates, in the same order, as the object-based resolution on random lists', () => {
    const r = rng(65);
    const scores = [0.3, 0.45, 0.5, 0.55, 0.6, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];
    for (let k = 0; k < 2000; k++) {
      const list = new Candidates();
      const objects: Candidate[] = [];
      // Dense overlaps, equal spans and ties in weight included; more than 256 to make the lists grow.
      const n = Math.floor(r() * (k % 10 === 0 ? 600 : 40));
      for (let i = 0; i < n; i++) {
        const start = Math.floor(r() * 200);
        const end = start + 1 + Math.floor(r() * 30);
        const type = PII_TYPES[Math.floor(r() * PII_TYPES.length)]!;
        const score = scores[Math.floor(r() * scores.length)]!;
        list.push(type, start, end, score);
        objects.push({ type, start, end, score });
      }
      const only = k % 7 === 0 ? new Set<PiiType>(['PERSON', 'ADDRESS', 'CIN', 'PHONE']) : null;
      const minScore = k % 3 === 0 ? 0 : 0.5;
      const expected = referenceResolve(
        objects.filter((c) => c.score >= minScore && (!only || only.has(c.type))),
      );
      const kept = [...resolve(list, minScore, only)].map((i) => ({
        type: list.type[i],
        start: list.start[i],
        end: list.end[i],
        score: list.score[i],
      }));
      expect(kept).toEqual(expected);
    }
  });
});
