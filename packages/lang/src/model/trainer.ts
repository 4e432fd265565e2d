/**
 * Trains the identification model from labelled text (pure: no I/O, runs anywhere).
 * Multinomial naive Bayes over the hashed features of features.ts, one model per script group; the
 * stored weight of a feature is log P(f|class) minus its mean over the group's classes.
 */
import type { LangTag } from '../types.js';
import { BUCKET_BITS, extractFeatures } from './features.js';
import { type GroupModelData, type LidModelData, packGroup } from './format.js';

export interface TrainingSample {
  tag: LangTag;
  text: string;
}

export interface TrainOptions {
  /** Lidstone smoothing (default 0.05). */
  alpha?: number;
  /** Drop features seen fewer times than this over all classes (default 1 = keep all). */
  minCount?: number;
  /** Added to a class score (nats); the shipped model leans to Darija for short ambiguous input. */
  bias?: Partial<Record<LangTag, number>>;
  corpus?: string;
  license?: string;
  note?: string;
  trainedAt?: string;
}

export const LATIN_CLASSES: LangTag[] = ['ary-Latn', 'fra-Latn', 'eng-Latn', 'zgh-Latn', 'spa-Latn'];
export const ARABIC_CLASSES: LangTag[] = ['ary-Arab', 'arb-Arab'];

function trainGroup(classes: LangTag[], samples: TrainingSample[], opts: TrainOptions): GroupModelData {
  const C = classes.length;
  const counts = new Map<number, Float64Array>();
  const totals = new Float64Array(C);
  for (const s of samples) {
    const ci = classes.indexOf(s.tag);
    if (ci < 0) continue;
    // Long texts are fed line by line so the 2,048-character scan window never truncates training.
    for (let start = 0; start < s.text.length; start += 2000) {
      extractFeatures(
        s.text,
        (f) => {
          let row = counts.get(f);
          if (!row) {
            row = new Float64Array(C);
            counts.set(f, row);
          }
          row[ci] = (row[ci] as number) + 1;
          totals[ci] = (totals[ci] as number) + 1;
        },
        undefined,
        start,
        Math.min(s.text.length, start + 2000),
      );
    }
  }
  const alpha = opts.alpha ?? 0.05;
  const minCount = opts.minCount ?? 1;
  const indices = [...counts.keys()].filter((f) => {
    const row = counts.get(f) as Float64Array;
    let sum = 0;
    for (const v of row) sum += v;
    return sum >= minCount;
  });
  indices.sort((a, b) => a - b);
  const V = indices.length || 1;
  const weights = indices.map((f) => {
    const row = counts.get(f) as Float64Array;
    const logp = classes.map((_, c) =>
      Math.log(((row[c] as number) + alpha) / ((totals[c] as number) + alpha * V)),
    );
    const mean = logp.reduce((a, b) => a + b, 0) / C;
    return logp.map((v) => v - mean);
  });
  const packed = packGroup(indices, weights, C);
  return {
    classes,
    scale: packed.scale,
    bias: classes.map((t) => opts.bias?.[t] ?? 0),
    features: packed.features,
  };
}

/** Builds a serialisable identification model from labelled samples. */
export function trainModel(samples: TrainingSample[], opts: TrainOptions = {}): LidModelData {
  const sentences: Partial<Record<LangTag, number>> = {};
  for (const s of samples) sentences[s.tag] = (sentences[s.tag] ?? 0) + 1;
  return {
    format: 'khidma-lid/1',
    bucketBits: BUCKET_BITS,
    groups: {
      latin: trainGroup(LATIN_CLASSES, samples, opts),
      arabic: trainGroup(ARABIC_CLASSES, samples, opts),
    },
    provenance: {
      trainedAt: opts.trainedAt ?? new Date().toISOString(),
      corpus: opts.corpus ?? 'user corpus',
      license: opts.license ?? 'unspecified',
      sentences,
      note: opts.note ?? '',
    },
  };
}
