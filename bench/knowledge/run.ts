// Knowledge benchmark: search latency (p50/p95/p99) on a synthetic 5,000-procedure catalog built from
// the sample catalog (so term statistics look like real procedures: "carte", "البطاقة"… appear in
// hundreds of entries), index build time, and time to first token of an offline assistant answer.
// Run: npm run bench:knowledge  →  bench/results/knowledge-bench.{json,md}
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Assistant,
  KnowledgeBase,
  KnowledgeIndex,
  loadSampleCatalog,
  MemoryKnowledgeStore,
  type Procedure,
} from '../../packages/knowledge/src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, '../results');
const N = Number(process.env.KB_BENCH_PROCEDURES ?? 5000);

const CITIES = [
  'Rabat',
  'Casablanca',
  'Fès',
  'Marrakech',
  'Tanger',
  'Agadir',
  'Oujda',
  'Tiznit',
  'Errachidia',
  'Laâyoune',
  'Béni Mellal',
  'Nador',
  'Safi',
  'Ouarzazate',
  'Khouribga',
];
const CITIES_AR = [
  'الرباط',
  'الدار البيضاء',
  'فاس',
  'مراكش',
  'طنجة',
  'أكادير',
  'وجدة',
  'تيزنيت',
  'الرشيدية',
  'العيون',
  'بني ملال',
  'الناظور',
  'آسفي',
  'ورزازات',
  'خريبكة',
];

function synthetic(sample: Procedure[], n: number): Procedure[] {
  const out: Procedure[] = [];
  for (let i = 0; i < n; i++) {
    const b = sample[i % sample.length] as Procedure;
    const c = i % CITIES.length;
    const variant = Math.floor(i / sample.length);
    out.push({
      ...b,
      id: `${b.id}-syn-${i}`,
      title: {
        ...b.title,
        fr: `${b.title.fr} — ${CITIES[c]} (${variant})`,
        ar: `${b.title.ar} — ${CITIES_AR[c]}`,
      },
      summary: { ...b.summary, fr: `${b.summary.fr ?? ''} Service de ${CITIES[c]}, guichet ${variant}.` },
      keywords: [...b.keywords.slice(0, 4), `guichet-${variant}`],
    });
  }
  return out;
}

function loadQueries(): string[] {
  const dir = join(here, '../../eval/knowledge');
  const qs: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.tsv'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const q = line.split('\t')[2];
      if (q) qs.push(q);
    }
  }
  return qs;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

const sample = loadSampleCatalog().procedures;
const queries = loadQueries();

// 1. Index build on the synthetic catalog.
const procs = synthetic(sample, N);
let t0 = performance.now();
const index = new KnowledgeIndex();
for (const p of procs) index.upsertProcedure(p);
index.search('warm-up'); // builds postings and the spelling index
const buildMs = performance.now() - t0;
const heapMb = process.memoryUsage().heapUsed / 1e6;

// 2. Search latency: warm-up pass, then two measured passes over every eval question.
for (const q of queries) index.search(q);
const lat: number[] = [];
const cpu: number[] = [];
const slow: { q: string; ms: number }[] = [];
for (let pass = 0; pass < 2; pass++) {
  for (const q of queries) {
    const c0 = process.cpuUsage();
    t0 = performance.now();
    index.search(q, { limit: 10 });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    lat.push(ms);
    cpu.push((c.user + c.system) / 1000);
    slow.push({ q, ms });
  }
}
slow.sort((a, b) => b.ms - a.ms);
// Best of 5 per query: on a shared machine, the minimum filters out time spent waiting for a CPU.
const best: number[] = [];
for (const q of queries) {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    index.search(q, { limit: 10 });
    m = Math.min(m, performance.now() - t0);
  }
  best.push(m);
}

// Same on the 45-procedure sample catalog, for scale.
const small = new KnowledgeIndex();
for (const p of sample) small.upsertProcedure(p);
for (const q of queries) small.search(q);
const latSmall: number[] = [];
for (const q of queries) {
  t0 = performance.now();
  small.search(q, { limit: 10 });
  latSmall.push(performance.now() - t0);
}

// 3. Time to first token of an offline answer (full pipeline: language id, retrieval, composition).
const kb = new KnowledgeBase(new MemoryKnowledgeStore(), { index });
const assistant = new Assistant({ retriever: kb });
const ttft: number[] = [];
const total: number[] = [];
for (const q of queries.slice(0, 200)) {
  t0 = performance.now();
  let first = 0;
  for await (const e of assistant.stream({ messages: [{ role: 'user', content: q }] })) {
    if (e.type === 'delta' && !first) first = performance.now() - t0;
  }
  ttft.push(first);
  total.push(performance.now() - t0);
}

const result = {
  generated_at: new Date().toISOString(),
  node: process.version,
  procedures: N,
  queries: queries.length,
  index_build_ms: Math.round(buildMs),
  heap_used_mb: Math.round(heapMb),
  search_ms: {
    p50: r3(pct(lat, 50)),
    p95: r3(pct(lat, 95)),
    p99: r3(pct(lat, 99)),
    max: r3(Math.max(...lat)),
  },
  // CPU time of the search thread is less sensitive than wall time to other processes on a shared machine.
  search_ms_best_of_5: { p50: r3(pct(best, 50)), p95: r3(pct(best, 95)), p99: r3(pct(best, 99)) },
  search_cpu_ms: { p50: r3(pct(cpu, 50)), p95: r3(pct(cpu, 95)), p99: r3(pct(cpu, 99)) },
  slowest_queries: slow.slice(0, 5).map((x) => ({ q: x.q, ms: r3(x.ms) })),
  load_average: (await import('node:os')).loadavg().map(r3),
  search_ms_sample_catalog: {
    procedures: sample.length,
    p50: r3(pct(latSmall, 50)),
    p95: r3(pct(latSmall, 95)),
  },
  offline_answer_ttft_ms: { p50: r3(pct(ttft, 50)), p95: r3(pct(ttft, 95)) },
  offline_answer_total_ms: { p50: r3(pct(total, 50)), p95: r3(pct(total, 95)) },
  target: { search_p95_ms: 10 },
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'knowledge-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# Knowledge benchmark',
  '',
  `${result.generated_at}, Node ${result.node}. Synthetic catalog of ${N} procedures derived from the sample catalog; queries = the ${queries.length} eval questions (all languages, misspellings, out of scope), each run twice after a warm-up.`,
  '',
  '| measure | p50 | p95 | p99 |',
  '|---|---:|---:|---:|',
  `| search, ${N} procedures (ms) | ${result.search_ms.p50} | ${result.search_ms.p95} | ${result.search_ms.p99} |`,
  `| search, ${N} procedures, best of 5 per query (ms) | ${result.search_ms_best_of_5.p50} | ${result.search_ms_best_of_5.p95} | ${result.search_ms_best_of_5.p99} |`,
  `| search, ${N} procedures, CPU time (ms) | ${result.search_cpu_ms.p50} | ${result.search_cpu_ms.p95} | ${result.search_cpu_ms.p99} |`,
  `| search, ${sample.length} procedures (ms) | ${result.search_ms_sample_catalog.p50} | ${result.search_ms_sample_catalog.p95} | |`,
  `| offline answer, time to first token (ms) | ${result.offline_answer_ttft_ms.p50} | ${result.offline_answer_ttft_ms.p95} | |`,
  `| offline answer, complete (ms) | ${result.offline_answer_total_ms.p50} | ${result.offline_answer_total_ms.p95} | |`,
  '',
  `Index build (${N} procedures, postings and spelling index): ${result.index_build_ms} ms; heap after build ${result.heap_used_mb} MB.`,
  `Target: search p95 ≤ 10 ms → wall clock ${result.search_ms.p95 <= 10 ? 'met' : 'NOT met'}, best of 5 ${result.search_ms_best_of_5.p95 <= 10 ? 'met' : 'NOT met'}, CPU time ${result.search_cpu_ms.p95 <= 10 ? 'met' : 'NOT met'}.`,
  `Load average during the run: ${result.load_average.join(' / ')} on ${(await import('node:os')).cpus().length} cores; wall-clock percentiles include time spent waiting for a CPU, the CPU-time row does not.`,
  '',
].join('\n');
writeFileSync(join(resultsDir, 'knowledge-bench.md'), md);
console.log(md);
