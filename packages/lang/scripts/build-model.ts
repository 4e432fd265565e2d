/**
 * Rebuilds the shipped identification model from the project-authored corpus in packages/lang/corpus.
 * Run: npx tsx --conditions=source packages/lang/scripts/build-model.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  lexiconSamples,
  readCorpusDir,
  trainModel,
  writeArabicSpellingText,
  writeModel,
} from '../src/train.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const samples = readCorpusDir(here('../corpus/'));
const vocabulary = readFileSync(here('../lexicon/arabic-spelling.txt'), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n');
writeArabicSpellingText(samples, here('../src/model/arabic-spelling-text.ts'), vocabulary);
samples.push(...lexiconSamples());
const model = trainModel(samples, {
  corpus: 'packages/lang/corpus/*.txt + src/darija-lexicon.ts (Khidma project-authored)',
  license: 'Apache-2.0 (authored by the Khidma project; no third-party text)',
  note: 'Shipped model. Evaluation data (DODa, UDHR) is never used for training.',
  bias: { 'ary-Arab': 1.0, 'ary-Latn': 0.3 },
  alpha: Number(process.env.LID_ALPHA ?? 1),
});
writeModel(model, here('../src/model/lid-model.ts'));
console.log(JSON.stringify(model.provenance.sentences));
