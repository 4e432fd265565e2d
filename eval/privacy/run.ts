/**
 * `npm run eval:privacy`: precision, recall, F2, leak rate and over-masking of @khidma/privacy on the
 * labelled set, per type and per language, for the dev and test splits. Writes bench/results/privacy-eval.*.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CHECKSUM_TYPES, detectPii, type PiiType, pseudonymize } from '@khidma/privacy';
import { buildItems, type Item } from './generate.js';
import { realTextChecks } from './real-text.js';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  gold: number;
  leaked: number;
}
const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, gold: 0, leaked: 0 });

function load(split: 'dev' | 'test'): Item[] {
  const file = new URL(`./data/${split}.jsonl`, import.meta.url);
  if (!existsSync(file)) return buildItems().filter((i) => i.split === split);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Item);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function evaluate(items: Item[]) {
  const byType = new Map<PiiType, Counts>();
  const byLang = new Map<string, Counts>();
  const all = empty();
  let exact = 0;
  let nonPiiChars = 0;
  let overMasked = 0;
  const maskByLang = new Map<string, { chars: number; masked: number }>();
  const errors: string[] = [];
  const bump = (key: 'tp' | 'fp' | 'fn' | 'gold' | 'leaked', type: PiiType, lang: string) => {
    for (const [map, k] of [
      [byType, type],
      [byLang, lang],
    ] as const) {
      const m = map as Map<string, Counts>;
      if (!m.has(k)) m.set(k, empty());
      m.get(k)![key]++;
    }
    all[key]++;
  };
  for (const item of items) {
    const pred = detectPii(item.text);
    const used = new Set<number>();
    for (const g of item.spans) {
      bump('gold', g.type, item.lang);
      const k = pred.findIndex((p, i) => !used.has(i) && p.type === g.type && overlaps(p, g));
      if (k >= 0) {
        used.add(k);
        bump('tp', g.type, item.lang);
        if (pred[k]!.start === g.start && pred[k]!.end === g.end) exact++;
      } else {
        bump('fn', g.type, item.lang);
        if (errors.length < 400)
          errors.push(`FN ${g.type} «${item.text.slice(g.start, g.end)}» in ${item.id}`);
      }
    }
    pred.forEach((p, i) => {
      if (used.has(i)) return;
      bump('fp', p.type, item.lang);
      if (errors.length < 400) errors.push(`FP ${p.type} «${p.text}» in ${item.id}`);
    });
    // Leak: a true value still verbatim in what would go upstream.
    const sent = pseudonymize(item.text).text;
    for (const g of item.spans)
      if (sent.includes(item.text.slice(g.start, g.end))) bump('leaked', g.type, item.lang);
    // Over-masking: characters masked outside every gold span.
    const gold = new Uint8Array(item.text.length);
    for (const g of item.spans) gold.fill(1, g.start, g.end);
    const m = maskByLang.get(item.lang) ?? { chars: 0, masked: 0 };
    for (let i = 0; i < gold.length; i++) if (!gold[i]) m.chars++;
    for (const p of pred) for (let i = p.start; i < p.end; i++) if (!gold[i]) m.masked++;
    maskByLang.set(item.lang, m);
    nonPiiChars = 0;
    overMasked = 0;
    for (const v of maskByLang.values()) {
      nonPiiChars += v.chars;
      overMasked += v.masked;
    }
  }
  const metrics = (c: Counts) => {
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    const f2 = precision + recall ? (5 * precision * recall) / (4 * precision + recall) : 0;
    return {
      ...c,
      precision: round(precision),
      recall: round(recall),
      f2: round(f2),
      leakRate: round(c.gold ? c.leaked / c.gold : 0),
    };
  };
  return {
    items: items.length,
    overall: metrics(all),
    exactBoundaryRate: round(all.tp ? exact / all.tp : 0),
    overMaskingRate: round(nonPiiChars ? overMasked / nonPiiChars : 0),
    checksumLeakRate: round(
      sum(CHECKSUM_TYPES.map((t) => byType.get(t)?.leaked ?? 0)) /
        Math.max(1, sum(CHECKSUM_TYPES.map((t) => byType.get(t)?.gold ?? 0))),
    ),
    byType: Object.fromEntries([...byType].sort().map(([k, c]) => [k, metrics(c)])),
    byLang: Object.fromEntries(
      [...byLang].sort().map(([k, c]) => {
        const m = maskByLang.get(k);
        return [k, { ...metrics(c), overMaskingRate: round(m?.chars ? m.masked / m.chars : 0) }];
      }),
    ),
    errors,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const dev = evaluate(load('dev'));
const test = evaluate(load('test'));
const real = realTextChecks();
const result = {
  generatedAt: new Date().toISOString(),
  note: 'targets apply to the test split',
  dev,
  test,
  realText: real,
};

const table = (rows: Record<string, ReturnType<typeof evaluate>['overall'] & { overMaskingRate?: number }>) =>
  [
    '| | gold | TP | FP | FN | precision | recall | F2 | leak rate | over-masking |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(rows).map(
      ([k, m]) =>
        `| ${k} | ${m.gold} | ${m.tp} | ${m.fp} | ${m.fn} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f2.toFixed(3)} | ${m.leakRate.toFixed(3)} | ${m.overMaskingRate === undefined ? '-' : m.overMaskingRate.toFixed(4)} |`,
    ),
  ].join('\n');

const section = (name: string, r: ReturnType<typeof evaluate>) => `## ${name} split (${r.items} items)

Overall: precision ${r.overall.precision.toFixed(3)}, recall ${r.overall.recall.toFixed(3)}, F2 ${r.overall.f2.toFixed(3)}, leak rate ${r.overall.leakRate.toFixed(3)}, checksum-type leak rate ${r.checksumLeakRate.toFixed(3)}, over-masking ${r.overMaskingRate.toFixed(4)}, exact boundaries ${r.exactBoundaryRate.toFixed(3)}.

### Per type
${table(r.byType)}

### Per language
${table(r.byLang)}
`;

const md = `# Privacy detection evaluation

Project-authored labelled set (templates in eval/privacy/templates.ts, values with valid checksums,
hard negatives: 24-digit tracking numbers failing the RIB key, 15-digit order numbers not divisible by 97,
product codes, amounts, non-birth dates, names used as ordinary words). Split by template into dev and test.
A prediction counts when its type matches and it overlaps a gold span. Leak rate: share of gold values found
verbatim in the pseudonymised text. Over-masking: share of non-PII characters that were masked.
Targets (test): leak 0 for checksum types, recall ≥ 0.98, precision ≥ 0.95.

${section('Test', test)}
${section('Dev', dev)}
## Public text not written by the project (../shared/data, read in place)

False detections on DODa Darija/English sentence pairs and the UDHR, and name recall on the DODa name
lists (CC BY-NC 4.0, evaluation only). Names are tested without any cue ("Rendez-vous avec X demain.",
"موعد مع X غدا") and after an introduction ("je m'appelle X", "سميتي X").

\`\`\`json
${JSON.stringify(real, null, 2)}
\`\`\`
`;

const out = new URL('../../bench/results/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('privacy-eval.json', out), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(new URL('privacy-eval.md', out), md);
console.log(md);
if (process.argv.includes('--errors')) console.log(dev.errors.join('\n'));
