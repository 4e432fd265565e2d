/**
 * `npm run bench:lang`: identify() throughput on short chat messages (target ≥ 50,000/s on one core),
 * normalize() throughput in MB/s, plus segments() and arabiziToArabic(). Medians of 5 runs.
 * Writes bench/results/lang-bench.{json,md}.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { arabiziToArabic, identify, normalize, segments } from '@khidma/lang';

const itemsDir = fileURLToPath(new URL('../../eval/lang/items/', import.meta.url));
const messages: string[] = [];
for (const f of ['ary-Latn', 'ary-Arab', 'arb-Arab', 'fra-Latn', 'eng-Latn', 'zgh-Latn', 'spa-Latn', 'und']) {
  for (const l of readFileSync(`${itemsDir}${f}.txt`, 'utf8').split('\n'))
    if (l.trim() && !l.startsWith('# ')) messages.push(l.trim());
}
const avgLen = messages.reduce((a, m) => a + m.length, 0) / messages.length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Runs fn over the inputs for ~ms milliseconds; returns calls per second. */
function rate(fn: (s: string) => unknown, inputs: string[], ms = 1500): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < inputs.length; i++) fn(inputs[i] as string);
    n += inputs.length;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

function bench(
  name: string,
  fn: (s: string) => unknown,
  inputs: string[],
): { name: string; perSecond: number; runs: number[] } {
  rate(fn, inputs, 500); // warm-up (JIT, lazy model load)
  const runs = Array.from({ length: 5 }, () => rate(fn, inputs));
  return { name, perSecond: median(runs), runs };
}

const identifyShort = bench('identify, short messages', identify, messages);
const segmentsShort = bench('segments, short messages', segments, messages);
const arabizi = messages.filter((m) => /[a-z]/i.test(m)).slice(0, 80);
const translit = bench('arabiziToArabic, Latin messages', arabiziToArabic, arabizi);

// normalize: a 1 MB mixed document, MB/s of UTF-16 input measured as UTF-8 bytes.
const doc = messages
  .join('\n')
  .repeat(Math.ceil(1_000_000 / messages.join('\n').length))
  .slice(0, 1_000_000);
const docBytes = Buffer.byteLength(doc, 'utf8');
const normSearch = bench('normalize search, 1 MB document', (s) => normalize(s), [doc]);
const normDisplay = bench('normalize display, 1 MB document', (s) => normalize(s, { for: 'display' }), [doc]);
const mbps = (r: { perSecond: number }) => (r.perSecond * docBytes) / 1e6;

const result = {
  generatedAt: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
  messages: messages.length,
  averageMessageChars: Math.round(avgLen),
  identifyPerSecond: Math.round(identifyShort.perSecond),
  identifyTarget: 50_000,
  segmentsPerSecond: Math.round(segmentsShort.perSecond),
  arabiziToArabicPerSecond: Math.round(translit.perSecond),
  normalizeSearchMBps: Number(mbps(normSearch).toFixed(1)),
  normalizeDisplayMBps: Number(mbps(normDisplay).toFixed(1)),
  runs: { identifyShort, segmentsShort, translit, normSearch, normDisplay },
};

const md = [
  '# @khidma/lang throughput (bench:lang)',
  '',
  `Generated ${result.generatedAt} on ${result.machine.cpu} (${result.machine.cores} cores, one used), Node ${result.machine.node}.`,
  `Inputs: ${messages.length} authored chat messages in 8 languages/scripts (average ${result.averageMessageChars} characters); a 1 MB mixed document for normalize. Medians of 5 runs of 1.5 s.`,
  '',
  '| operation | median throughput | target |',
  '|---|---|---|',
  `| identify, short messages | ${result.identifyPerSecond.toLocaleString('en')} messages/s | ≥ 50,000/s |`,
  `| segments, short messages | ${result.segmentsPerSecond.toLocaleString('en')} messages/s | – |`,
  `| arabiziToArabic, Latin messages (word cache warm) | ${result.arabiziToArabicPerSecond.toLocaleString('en')} messages/s | – |`,
  `| normalize (search) | ${result.normalizeSearchMBps} MB/s | – |`,
  `| normalize (display) | ${result.normalizeDisplayMBps} MB/s | – |`,
  '',
];
const outDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}lang-bench.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${outDir}lang-bench.md`, `${md.join('\n')}\n`);
console.log(md.join('\n'));
