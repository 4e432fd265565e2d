import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  arabicToArabizi,
  arabiziToArabic,
  identify,
  latinToTifinagh,
  segments,
  tifinaghToLatin,
  useModel,
} from '@khidma/lang';
import { readModel, trainFromDirectory, writeModel } from '@khidma/lang/train';
import type { Command } from 'commander';

/** `khidma lang`: train the language identifier on your own corpus, identify and transliterate text. */
export function register(program: Command): void {
  const lang = program
    .command('lang')
    .description('Languages of Morocco: identification and transliteration');

  lang
    .command('train')
    .description('Rebuild the identification model from a corpus directory (one <tag>.txt file per tag)')
    .requiredOption(
      '--corpus <dir>',
      'directory with ary-Latn.txt, ary-Arab.txt, arb-Arab.txt, fra-Latn.txt ...',
    )
    .option(
      '-o, --out <file>',
      'where to write the model (.json, or .ts for a source module)',
      'lang-model.json',
    )
    .option('--no-lexicon', 'do not add the shipped Darija lexicon to the training data')
    .option('--alpha <n>', 'naive-Bayes smoothing', '1')
    .option('--license <text>', 'licence of your corpus, recorded as provenance', 'unspecified')
    .action((o) => {
      const dir = resolve(String(o.corpus));
      const model = trainFromDirectory(dir, {
        includeLexicon: o.lexicon !== false,
        alpha: Number(o.alpha),
        license: String(o.license),
        corpus: dir,
        bias: { 'ary-Arab': 1.0, 'ary-Latn': 0.3 },
      });
      const out = resolve(String(o.out));
      mkdirSync(dirname(out), { recursive: true });
      writeModel(model, out);
      const counts = Object.entries(model.provenance.sentences)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      process.stdout.write(`model written to ${out}\ntrained on: ${counts}\n`);
      process.stdout.write('use it with useModel(JSON.parse(readFileSync(file))) from @khidma/lang\n');
    });

  lang
    .command('identify')
    .description('Identify the language of a text (argument or stdin)')
    .argument('[text...]', 'text; read from stdin when absent')
    .option('--segments', 'print code-switching spans too')
    .option('--model <file>', 'a model written by `khidma lang train` (default: the shipped model)')
    .action(async (words: string[], o) => {
      if (o.model) useModel(readModel(resolve(String(o.model))));
      const text = words.length ? words.join(' ') : await readStdin();
      const result = { ...identify(text), ...(o.segments ? { segments: segments(text) } : {}) };
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    });

  lang
    .command('transliterate')
    .description('Transliterate: arabizi→arab (default), arab→arabizi, tfng→latn, latn→tfng')
    .argument('[text...]', 'text; read from stdin when absent')
    .option('--to <target>', 'arab | arabizi | latn | tfng', 'arab')
    .action(async (words: string[], o) => {
      const text = words.length ? words.join(' ') : await readStdin();
      const fn = {
        arab: arabiziToArabic,
        arabizi: arabicToArabizi,
        latn: tifinaghToLatin,
        tfng: latinToTifinagh,
      }[String(o.to) as 'arab'];
      if (!fn) throw new Error(`--to: unknown target "${o.to}" (arab, arabizi, latn, tfng)`);
      process.stdout.write(`${fn(text)}\n`);
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
