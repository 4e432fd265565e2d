/**
 * `npm run bench:privacy`: single-core throughput of detectPii on 1 MB of mixed-language text, latency of
 * pseudonymising a 4 KB prompt, and, on the same corpus, redact-pii and openredaction with their coverage
 * of Moroccan identifier types. Writes bench/results/privacy.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { detectPii, type PiiType, pseudonymize } from '@khidma/privacy';
import { buildItems, type Item } from '../../eval/privacy/generate.js';

const FILLER = [
  'Bonjour, je voudrais savoir quels documents sont nécessaires pour renouveler mon passeport.',
  'Les bureaux sont ouverts du lundi au vendredi de 8h30 à 16h30, sauf les jours fériés.',
  'السلام عليكم، بغيت نعرف شنو خاصني باش نجدد البطاقة الوطنية ديالي، الله يجازيكم بخير.',
  'يرجى الإدلاء بنسخة من عقد الازدياد وشهادة السكنى عند إيداع الطلب بالمقاطعة.',
  'salam, bghit n3ref ch7al kayakhod lwe9t bach twjed l attestation, chokran bzaf.',
  'wach khassni nji b rasi l l9iyada wla n9der ndir kolchi online?',
  'Please summarise the attached report on water usage in the Souss-Massa region.',
  'Merci de traduire ce paragraphe en arabe standard et en darija, sans changer le sens.',
];

function corpus(items: Item[], size: number): string {
  const parts: string[] = [];
  let len = 0;
  let i = 0;
  while (len < size) {
    const s = i % 2 === 0 ? items[(i / 2) % items.length]!.text : FILLER[i % FILLER.length]!;
    parts.push(s);
    len += s.length + 1;
    i++;
  }
  return parts.join('\n').slice(0, size);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const items = buildItems();
const text = corpus(items, 1 << 20);
const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
const chars = text.length;

// Throughput: median of repeated full passes (after warm-up), single thread.
detectPii(text);
// CPU time (user + system) is reported next to wall time: on a shared machine it is the stable figure.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const passes: number[] = [];
const cpuPasses: number[] = [];
for (let k = 0; k < 9; k++) {
  const c0 = cpuMs();
  const t0 = performance.now();
  detectPii(text);
  passes.push(performance.now() - t0);
  cpuPasses.push(cpuMs() - c0);
}
const khidmaMs = median(passes);
const khidmaCpuMs = median(cpuPasses);

// Latency: pseudonymise a 4 KB prompt (fresh session each time, detection included). "dense" is the first
// 4 KB of the corpus (its identifier count is printed with the figures); "typical" is a request with a
// handful of identifiers among ordinary text.
const prompt = text.slice(0, 4096);
const typicalParts: string[] = [];
for (let i = 0; typicalParts.join('\n').length < 4096; i++)
  typicalParts.push(i % 6 === 0 ? items[(i * 13) % items.length]!.text : FILLER[i % FILLER.length]!);
const typicalPrompt = typicalParts.join('\n').slice(0, 4096);
// Each figure is the median over LATENCY_ROUNDS rounds of 3000 calls (one round's p99 is its 30th slowest
// call), so a burst of load from another job moves one round, not the figure; the worst round's p99 is
// kept in the JSON next to it.
const LATENCY_ROUNDS = 5;
interface Latency {
  identifiers: number;
  p50Ms: number;
  p99Ms: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
  worstRoundP99Ms: number;
  worstRoundCpuP99Ms: number;
}
function latency(p: string): Latency {
  for (let k = 0; k < 300; k++) pseudonymize(p);
  const rounds: { p50: number; p99: number; cpuP50: number; cpuP99: number }[] = [];
  for (let r = 0; r < LATENCY_ROUNDS; r++) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < 3000; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      pseudonymize(p);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    rounds.push({
      p50: quantile(wall, 0.5),
      p99: quantile(wall, 0.99),
      cpuP50: quantile(cpu, 0.5),
      cpuP99: quantile(cpu, 0.99),
    });
  }
  const ms = (x: number) => Math.round(x * 1000) / 1000;
  return {
    identifiers: detectPii(p).length,
    p50Ms: ms(median(rounds.map((r) => r.p50))),
    p99Ms: ms(median(rounds.map((r) => r.p99))),
    cpuP50Ms: ms(median(rounds.map((r) => r.cpuP50))),
    cpuP99Ms: ms(median(rounds.map((r) => r.cpuP99))),
    worstRoundP99Ms: ms(Math.max(...rounds.map((r) => r.p99))),
    worstRoundCpuP99Ms: ms(Math.max(...rounds.map((r) => r.cpuP99))),
  };
}
const dense = latency(prompt);
const typical = latency(typicalPrompt);

// Coverage: share of gold values that no longer appear verbatim after each tool's redaction.
type Redact = (s: string) => Promise<string> | string;
async function coverage(redact: Redact, sample: Item[]) {
  const per = new Map<PiiType, { gold: number; hidden: number }>();
  for (const item of sample) {
    const out = await redact(item.text);
    for (const g of item.spans) {
      const c = per.get(g.type) ?? { gold: 0, hidden: 0 };
      c.gold++;
      if (!out.includes(item.text.slice(g.start, g.end))) c.hidden++;
      per.set(g.type, c);
    }
  }
  let gold = 0;
  let hidden = 0;
  const byType: Record<string, number> = {};
  for (const [t, c] of [...per].sort()) {
    byType[t] = Math.round((c.hidden / c.gold) * 1000) / 1000;
    gold += c.gold;
    hidden += c.hidden;
  }
  return { overall: Math.round((hidden / gold) * 1000) / 1000, byType };
}

const testItems = items.filter((i) => i.split === 'test');
const tools: Record<string, unknown> = {};
const khidmaCoverage = await coverage((s) => pseudonymize(s).text, testItems);

async function timeTool(name: string, redact: Redact, load: () => Promise<unknown>): Promise<void> {
  try {
    await load();
    await redact('warm-up 0661234567');
    // Throughput on a 64 KB slice (these tools are much slower; extrapolated per MB).
    const slice = text.slice(0, 64 * 1024);
    const t0 = performance.now();
    await redact(slice);
    const sliceMs = performance.now() - t0;
    const l: number[] = [];
    for (let k = 0; k < 30; k++) {
      const s0 = performance.now();
      await redact(prompt);
      l.push(performance.now() - s0);
    }
    tools[name] = {
      runsOffline: true,
      throughputMBps: Math.round((Buffer.byteLength(slice, 'utf8') / 1e6 / (sliceMs / 1000)) * 100) / 100,
      prompt4kP50Ms: Math.round(median(l) * 100) / 100,
      prompt4kP99Ms: Math.round(quantile(l, 0.99) * 100) / 100,
      coverage: await coverage(redact, testItems),
    };
  } catch (err) {
    tools[name] = { runsOffline: false, error: String(err).slice(0, 300) };
  }
}

let syncRedactor: { redact(s: string): string } | undefined;
await timeTool(
  'redact-pii 3.4.0',
  (s) => syncRedactor!.redact(s),
  async () => {
    const mod = (await import('redact-pii')) as unknown as {
      SyncRedactor: new () => { redact(s: string): string };
    };
    syncRedactor = new mod.SyncRedactor();
  },
);
let openRedaction: { detect(s: string): Promise<{ redacted: string }> } | undefined;
await timeTool(
  'openredaction 1.1.5',
  async (s) => (await openRedaction!.detect(s)).redacted,
  async () => {
    const mod = (await import('openredaction')) as unknown as {
      OpenRedaction: new (o: object) => { detect(s: string): Promise<{ redacted: string }> };
    };
    openRedaction = new mod.OpenRedaction({ redactionMode: 'placeholder' });
  },
);

const khidma = {
  corpusMB: Math.round(megabytes * 1000) / 1000,
  corpusChars: chars,
  throughputMBps: Math.round((megabytes / (khidmaMs / 1000)) * 10) / 10,
  throughputMBpsCpuTime: Math.round((megabytes / (khidmaCpuMs / 1000)) * 10) / 10,
  passMsMedian: Math.round(khidmaMs * 10) / 10,
  /** The table's latency columns: the dense prompt, as for the other tools. */
  prompt4kP50Ms: dense.p50Ms,
  prompt4kP99Ms: dense.p99Ms,
  prompt4kCpuP50Ms: dense.cpuP50Ms,
  prompt4kCpuP99Ms: dense.cpuP99Ms,
  prompt4kIdentifiers: dense.identifiers,
  latencyRounds: LATENCY_ROUNDS,
  densePrompt4k: dense,
  typicalPrompt4k: typical,
  loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  coverage: khidmaCoverage,
};
const result = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  targets: { throughputMBps: 30, prompt4kP99Ms: 0.3 },
  khidma,
  others: tools,
};

type Tool = {
  runsOffline: boolean;
  throughputMBps?: number;
  prompt4kP50Ms?: number;
  prompt4kP99Ms?: number;
  coverage?: { overall: number; byType: Record<string, number> };
  error?: string;
};
const rows: [string, Tool][] = [
  ['@khidma/privacy', { runsOffline: true, ...khidma }],
  ...(Object.entries(tools) as [string, Tool][]),
];
const types = Object.keys(khidma.coverage.byType);
const md = `# Privacy benchmark

Corpus: ${khidma.corpusMB} MB (${chars} chars) of mixed French / Arabic / Darija / Arabizi / English text
(labelled-set sentences interleaved with PII-free requests). Single thread, Node ${process.version}.
Machine shared with other jobs: @khidma/privacy throughput is the median of 9 passes over the corpus, its
latencies the median over ${LATENCY_ROUNDS} rounds of 3000 calls (wall time unless marked CPU).

| tool | offline | throughput (MB/s) | dense 4 KB prompt p50 (ms) | dense 4 KB prompt p99 (ms) | coverage of test-set values |
|---|---|---:|---:|---:|---:|
${rows.map(([n, t]) => `| ${n} | ${t.runsOffline ? 'yes' : `no (${t.error})`} | ${t.throughputMBps ?? '-'} | ${t.prompt4kP50Ms ?? '-'} | ${t.prompt4kP99Ms ?? '-'} | ${t.coverage?.overall ?? '-'} |`).join('\n')}

The table's latency columns use the dense prompt (the corpus's first 4 KB, ${khidma.prompt4kIdentifiers} identifiers) for every tool.

@khidma/privacy in detail (1-minute load average during the run: ${khidma.loadAverage1m} on 2 cores; CPU time counts
every thread of the process, the garbage collector's included):

| | wall | CPU time |
|---|---:|---:|
| throughput, 1 MB corpus (MB/s) | ${khidma.throughputMBps} | ${khidma.throughputMBpsCpuTime} |
| dense 4 KB prompt (${dense.identifiers} identifiers) p50 / p99 (ms) | ${dense.p50Ms} / ${dense.p99Ms} | ${dense.cpuP50Ms} / ${dense.cpuP99Ms} |
| typical 4 KB prompt (${typical.identifiers} identifiers) p50 / p99 (ms) | ${typical.p50Ms} / ${typical.p99Ms} | ${typical.cpuP50Ms} / ${typical.cpuP99Ms} |
| worst round's p99, dense / typical (ms) | ${dense.worstRoundP99Ms} / ${typical.worstRoundP99Ms} | ${dense.worstRoundCpuP99Ms} / ${typical.worstRoundCpuP99Ms} |

Targets: ≥ 30 MB/s, p99 ≤ 0.3 ms (both prompts). Ratio of throughput @khidma/privacy vs others:
${rows
  .slice(1)
  .map(([n, t]) => `${n}: ${t.throughputMBps ? (khidma.throughputMBps / t.throughputMBps).toFixed(1) : '-'}×`)
  .join(', ')}.
redact-pii and openredaction are timed on a 64 KB slice of the same corpus (extrapolated per MB). Both run
offline. Their coverage counts a value as hidden when it is no longer verbatim in the output: redact-pii's
generic "digits" rule removes every digit run, which hides numeric identifiers without recognising them
(and masks every other number too).

## Coverage of Moroccan types (share of gold values no longer verbatim after redaction, test split)

| type | ${rows.map(([n]) => n).join(' | ')} |
|---|${rows.map(() => '---:').join('|')}|
${types.map((t) => `| ${t} | ${rows.map(([, r]) => r.coverage?.byType[t] ?? '-').join(' | ')} |`).join('\n')}
`;
const out = new URL('../results/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('privacy.json', out), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(new URL('privacy.md', out), md);
console.log(md);
