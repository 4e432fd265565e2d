/** Accuracy, per-tag precision/recall/F1, macro-F1 and the confusion matrix of one system. */
import type { EvalItem } from './data.js';

export interface SystemReport {
  system: string;
  accuracy: number;
  macroF1: number;
  perTag: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<string, Record<string, number>>;
  byKind: Record<string, number>;
}

export function evaluate(system: string, items: EvalItem[], predictions: string[]): SystemReport {
  const tags = [...new Set(items.map((i) => i.tag))];
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  const kindTotals: Record<string, [number, number]> = {};
  items.forEach((item, i) => {
    const pred = predictions[i] ?? 'und';
    const row = confusion[item.tag] ?? {};
    confusion[item.tag] = row;
    row[pred] = (row[pred] ?? 0) + 1;
    const ok = pred === item.tag;
    if (ok) correct++;
    const k = kindTotals[item.kind] ?? [0, 0];
    k[0] += ok ? 1 : 0;
    k[1] += 1;
    kindTotals[item.kind] = k;
  });
  const perTag: SystemReport['perTag'] = {};
  for (const tag of tags) {
    const tp = confusion[tag]?.[tag] ?? 0;
    const support = Object.values(confusion[tag] ?? {}).reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (const row of Object.values(confusion)) predicted += row[tag] ?? 0;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perTag[tag] = { precision, recall, f1, support };
  }
  const macroF1 = tags.reduce((a, t) => a + (perTag[t]?.f1 ?? 0), 0) / tags.length;
  const byKind: Record<string, number> = {};
  for (const [k, [ok, n]] of Object.entries(kindTotals)) byKind[k] = ok / n;
  return { system, accuracy: correct / items.length, macroF1, perTag, confusion, byKind };
}

/** Share of gold `from` items predicted as `to`. */
export function cell(r: SystemReport, from: string, to: string): number {
  const row = r.confusion[from] ?? {};
  const total = Object.values(row).reduce((a, b) => a + b, 0);
  return total ? (row[to] ?? 0) / total : 0;
}

export const WATCHED_CELLS: [string, string][] = [
  ['ary-Arab', 'arb-Arab'],
  ['arb-Arab', 'ary-Arab'],
  ['ary-Latn', 'fra-Latn'],
  ['ary-Latn', 'eng-Latn'],
  ['ary-Latn', 'zgh-Latn'],
  ['fra-Latn', 'ary-Latn'],
  ['eng-Latn', 'ary-Latn'],
  ['zgh-Latn', 'ary-Latn'],
];
