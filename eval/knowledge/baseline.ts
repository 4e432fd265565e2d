// Plain BM25 baseline WITHOUT @khidma/lang: lowercase Unicode word split, no normalisation, no lexicon,
// no transliteration, no spelling correction. Same catalog fields and the same BM25 implementation, so
// the difference with the full pipeline is what the language work adds.
import type { Procedure } from '../../packages/knowledge/src/catalog/types.js';
import { Bm25 } from '../../packages/knowledge/src/search/bm25.js';

const WORD = /[\p{L}\p{N}]+/gu;
const tokens = (s: string) => s.toLowerCase().match(WORD) ?? [];

export class PlainBm25 {
  private readonly bm25 = new Bm25();
  private readonly ids: string[] = [];

  constructor(procedures: Procedure[]) {
    for (const p of procedures) {
      const texts = [
        ...Object.values(p.title),
        ...Object.values(p.summary),
        ...p.keywords,
        ...p.documents.flatMap((d) => Object.values(d)),
        ...p.steps.flatMap((d) => Object.values(d)),
      ];
      const tf = new Map<string, number>();
      let length = 0;
      for (const t of texts) {
        for (const w of tokens(t ?? '')) {
          tf.set(w, (tf.get(w) ?? 0) + 1);
          length++;
        }
      }
      const id = this.bm25.upsert(p.id, { tf, length });
      this.ids[id] = p.id;
    }
  }

  search(q: string, k = 10): string[] {
    const terms = [...new Set(tokens(q))].map((term) => ({ term, weight: 1 }));
    return this.bm25.search(terms, k).map((h) => this.ids[h.id] as string);
  }
}
