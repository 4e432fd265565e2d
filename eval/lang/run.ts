/**
 * `npm run eval:lang`: language identification (Khidma vs franc, tinyld, eld) and Arabizi
 * transliteration (Khidma vs a naive 40-rule map). Writes bench/results/lang-eval.{json,md}.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { identify, modelInfo } from '@khidma/lang';
import { BASELINES } from './baselines.js';
import { buildIdentificationSet } from './data.js';
import { cell, evaluate, type SystemReport, WATCHED_CELLS } from './metrics.js';
import { evaluateNames } from './names.js';
import { renderMarkdown } from './report.js';
import { evaluateTransliteration } from './translit.js';

const items = buildIdentificationSet();
if (items.length === 0) {
  console.error('No evaluation data found under ../shared/data; nothing to evaluate.');
  process.exit(1);
}
// The evaluation must not contain training sentences: count exact overlaps with the shipped corpus.
const corpusDir = fileURLToPath(new URL('../../packages/lang/corpus/', import.meta.url));
const corpusLines = new Set<string>();
for (const f of readdirSync(corpusDir))
  for (const l of readFileSync(`${corpusDir}${f}`, 'utf8').split('\n'))
    corpusLines.add(l.trim().toLowerCase());
const overlapWithTraining = items.filter((i) => corpusLines.has(i.text.trim().toLowerCase())).length;
const reports: SystemReport[] = [];
const ours = items.map((i) => identify(i.text).tag);
reports.push(evaluate('khidma identify', items, ours));
for (const b of BASELINES) {
  const preds = items.map((i) => b.predict(i.text));
  reports.push(evaluate(b.name, items, preds));
  // Lenient: generic Arabic accepted for Darija too (script-level credit).
  const lenient = preds.map((p, k) => (p === 'arb-Arab' && items[k]?.tag === 'ary-Arab' ? 'ary-Arab' : p));
  reports.push(evaluate(`${b.name} (lenient Arabic)`, items, lenient));
}
const translit = evaluateTransliteration();
const names = evaluateNames();
const counts: Record<string, number> = {};
for (const i of items) counts[i.tag] = (counts[i.tag] ?? 0) + 1;
const errors = items.map((item, k) => ({ ...item, predicted: ours[k] })).filter((x) => x.predicted !== x.tag);
const cells = Object.fromEntries(
  reports.map((r) => [
    r.system,
    Object.fromEntries(WATCHED_CELLS.map(([a, b]) => [`${a}→${b}`, cell(r, a, b)])),
  ]),
);
const result = {
  generatedAt: new Date().toISOString(),
  model: modelInfo(),
  items: counts,
  overlapWithTraining,
  identification: reports,
  watchedCells: cells,
  transliteration: translit,
  names,
  sampleErrors: errors.slice(0, 60),
};
const outDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}lang-eval.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${outDir}lang-eval.md`, renderMarkdown(result));
const main = reports[0] as SystemReport;
console.log(
  `items ${items.length}; khidma accuracy ${main.accuracy.toFixed(4)} macro-F1 ${main.macroF1.toFixed(4)}`,
);
for (const r of reports)
  console.log(`  ${r.system.padEnd(34)} acc ${r.accuracy.toFixed(3)} macroF1 ${r.macroF1.toFixed(3)}`);
for (const [k, v] of Object.entries(cells['khidma identify'] ?? {}))
  console.log(`  cell ${k}: ${(v * 100).toFixed(2)}%`);
for (const t of translit)
  console.log(
    `  ${t.system} [${t.inputs}] CER ${t.cer.toFixed(3)} (folded ${t.cerFolded.toFixed(3)}) word-acc ${t.wordAccuracy.toFixed(3)} (folded ${t.wordAccuracyFolded.toFixed(3)})${t.top5Accuracy === undefined ? '' : ` top5 ${t.top5Accuracy.toFixed(3)}`}`,
  );
if (names)
  console.log(
    `  names (${names.pairs}): skeleton agreement ${names.skeletonAgreement.toFixed(3)}, arabizeName top-1 ${names.arabizeTop1.toFixed(3)} top-5 ${names.arabizeTop5.toFixed(3)}`,
  );
console.log(`results: ${outDir}lang-eval.md`);
