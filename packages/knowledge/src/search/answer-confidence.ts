/** How sure the index is that its best hit answers the question (the assistant refuses below a threshold). */
import { type Analysis, CONCEPT_PREFIX, OOS_PREFIX } from './analysis-terms.js';
import type { Bm25 } from './bm25.js';

/**
 * Share of the question (IDF-weighted slots; a concept counts double) that the best hit covers. A
 * question naming a catalogued object (an "anchor" concept such as §passport) that the hit contains
 * starts from a higher floor, as does one where two concepts meet; one that only shares generic words
 * must be covered almost entirely.
 */
export function answerConfidence(bm25: Bm25, analysis: Analysis, topId: number): number {
  const doc = bm25.termsOf(topId);
  if (!doc) return 0;
  const slots = new Map<number, { weight: number; covered: number; anchor: boolean; concept: boolean }>();
  const maxIdf = Math.log(1 + (bm25.size + 0.5) / 0.5);
  for (const t of analysis.terms) {
    const known = bm25.df(t.term) > 0;
    let w = known ? bm25.idf(t.term) : maxIdf * 0.6;
    if (t.term.startsWith(CONCEPT_PREFIX)) w = Math.max(w, 1) * 2;
    const s = slots.get(t.slot) ?? { weight: 0, covered: 0, anchor: false, concept: false };
    s.weight = Math.max(s.weight, w);
    if (doc.tf.has(t.term)) {
      // A slot matched only through a guessed variant (transliteration) counts partly.
      s.covered = Math.max(s.covered, Math.min(1, t.weight));
      if (t.anchor) s.anchor = true;
      if (t.term.startsWith(CONCEPT_PREFIX)) s.concept = true;
    }
    slots.set(t.slot, s);
  }
  let total = 0;
  let covered = 0;
  let anchored = false;
  let outOfCatalog = false;
  let foreignPaper = false;
  for (const t of analysis.terms) {
    if (t.term.startsWith(OOS_PREFIX)) outOfCatalog = true;
    if (t.term === `${OOS_PREFIX}foreign-document`) foreignPaper = true;
  }
  // Another state's passport or licence shares every word with the Moroccan procedure but is never
  // its object: the catalog cannot answer it, however well the rest of the question matches.
  if (foreignPaper) return 0;
  let coveredConcepts = 0;
  for (const s of slots.values()) {
    total += s.weight;
    covered += s.weight * s.covered;
    if (s.anchor) anchored = true;
    if (s.concept) coveredConcepts++;
  }
  // Two generic concepts together are specific: "create" + "company", "lost" + "driving licence"…
  if (coveredConcepts >= 2) anchored = true;
  if (total === 0) return 0;
  const coverage = covered / total;
  // A question whose object is a known out-of-catalog topic (a bill, a residence permit for
  // foreigners…) gets no anchor floor: sharing a word with a procedure is not enough.
  if (anchored && !outOfCatalog) return 0.4 + 0.6 * coverage;
  // Named next to generic words only ("lost my bank card"), the out-of-catalog topic is the object.
  if (outOfCatalog) return (anchored ? 0.75 : 0.5) * coverage;
  // One shared ordinary word ("population", "service") is weak evidence of a catalogued procedure.
  let coveredSlots = 0;
  for (const s of slots.values()) if (s.covered > 0) coveredSlots++;
  return 0.75 * coverage * (coveredSlots >= 2 ? 1 : 0.6);
}
