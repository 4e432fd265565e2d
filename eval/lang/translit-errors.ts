/**
 * Lists transliteration errors on the DEV half of the DODa pairs only (the held-out half is never
 * listed, so rule work cannot be tuned to it). Usage: tsx --conditions=source eval/lang/translit-errors.ts [--all] [out.tsv]
 */
import { writeFileSync } from 'node:fs';
import { arabiziToArabic } from '@khidma/lang';
import { halfOf, levenshtein, loadPairs } from './translit.js';

const strip = (s: string): string => s.replace(/[\u064b-\u065f\u0670\u0640]/g, '').trim();
const pairs = loadPairs().filter((p) => halfOf(p) === 'dev');
let edits = 0;
let chars = 0;
let exact = 0;
const errors: string[] = [];
const allSpellings = process.argv.includes('--all');
const inputs = pairs.flatMap((p) =>
  (allSpellings ? p.variants : [p.latin]).map((latin) => ({ ...p, latin })),
);
for (const p of inputs) {
  const hyp = strip(arabiziToArabic(p.latin));
  const d = levenshtein(hyp, p.reference);
  edits += d;
  chars += [...p.reference].length;
  if (d === 0) exact++;
  else errors.push(`${d}\t${p.latin}\t${hyp}\t${p.reference}\t${p.source}`);
}
console.log(
  `dev half ${allSpellings ? 'n1..n4' : 'n1'}: ${inputs.length} pairs, CER ${(edits / chars).toFixed(4)}, word accuracy ${(exact / inputs.length).toFixed(4)}`,
);
const out = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (out) writeFileSync(out, `${errors.join('\n')}\n`);
else console.log(errors.join('\n'));
