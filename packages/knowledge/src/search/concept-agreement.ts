/** A ranking nudge towards hits that share every concept of the question. */
import { type Analysis, CONCEPT_PREFIX, KW_PREFIX, OOS_PREFIX } from './analysis-terms.js';
import type { Bm25 } from './bm25.js';

/** Score bonus for a hit containing all of the question's concepts (proportional when it has some). */
const CONCEPT_AGREEMENT_BONUS = 0.15;

/**
 * Nudges up hits that contain every concept the question names. Raw words can outweigh a concept
 * (a procedure with a long Tamazight title wins "ⵜⴰⴽⴰⵔⴹⴰ … lost" over the lost-card procedure); a hit
 * that agrees with all the question's concepts is the better reading when the scores are close.
 */
export function agreeWithConcepts(
  bm25: Bm25,
  ranked: { id: number; score: number }[],
  analysis: Analysis,
): { id: number; score: number }[] {
  const concepts = new Set<string>();
  for (const t of analysis.terms) {
    if (t.term.startsWith(CONCEPT_PREFIX) && !t.term.startsWith(OOS_PREFIX) && !t.term.startsWith(KW_PREFIX))
      concepts.add(t.term);
  }
  if (concepts.size < 2) return ranked;
  return ranked
    .map(({ id, score }) => {
      const tf = bm25.termsOf(id)?.tf;
      let shared = 0;
      for (const c of concepts) if (tf?.has(c)) shared++;
      return { id, score: score * (1 + (CONCEPT_AGREEMENT_BONUS * shared) / concepts.size) };
    })
    .sort((a, b) => b.score - a.score);
}
