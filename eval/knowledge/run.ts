// Knowledge-base evaluation: Recall@1/@3, MRR per language, out-of-scope refusal, answer-language match,
// side by side with a plain BM25 baseline that does not use @khidma/lang.
// Two blocks: the development sets (questions-*.tsv, partly seen while building the lexicon) and the
// held-out set (heldout.jsonl, written blind and never used for tuning — the honest generalisation figure).
// Run: npm run eval:knowledge  →  bench/results/knowledge-eval.{json,md}
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Assistant, KnowledgeBase, MemoryKnowledgeStore } from '../../packages/knowledge/src/index.js';
import { PlainBm25 } from './baseline.js';
import { type Item, loadHeldOut, loadTsvSets } from './items.js';
import { perturb } from './noise.js';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, '../../bench/results');

interface Acc {
  n: number;
  r1: number;
  r3: number;
  mrr: number;
  falseRefusals: number;
  langMatch: number;
  base: { r1: number; r3: number; mrr: number };
}
const acc = (): Acc => ({
  n: 0,
  r1: 0,
  r3: 0,
  mrr: 0,
  falseRefusals: 0,
  langMatch: 0,
  base: { r1: 0, r3: 0, mrr: 0 },
});

function rankOf(ids: string[], expected: string[]): number {
  const i = ids.findIndex((id) => expected.includes(id));
  return i < 0 ? 0 : i + 1;
}
const round = (x: number) => Math.round(x * 1000) / 1000;

const kb = new KnowledgeBase(new MemoryKnowledgeStore());
await kb.seedIfEmpty();
const assistant = new Assistant({ retriever: kb });
const baseline = new PlainBm25(kb.index.listProcedures());

interface Failure {
  lang: string;
  question: string;
  expected: string;
  got: string;
  confidence: number;
}

async function evaluate(items: Item[]) {
  const byLang = new Map<string, Acc>();
  const oos = {
    n: 0,
    refused: 0,
    baseRefused: 0,
    byLang: {} as Record<string, { n: number; refused: number }>,
  };
  const failures: Failure[] = [];
  const t0 = performance.now();
  for (const it of items) {
    const res = await kb.search(it.question, { limit: 10 });
    const ids = res.hits.map((h) => h.id);
    const answer = await assistant.answer({ messages: [{ role: 'user', content: it.question }] });
    const baseIds = baseline.search(it.question);
    const langKey = it.lang.startsWith('zgh') ? 'zgh' : it.lang;
    if (it.oos) {
      oos.n++;
      if (answer.refused) oos.refused++;
      if (baseIds.length === 0) oos.baseRefused++;
      oos.byLang[langKey] ??= { n: 0, refused: 0 };
      const o = oos.byLang[langKey];
      o.n++;
      if (answer.refused) o.refused++;
      else
        failures.push({
          lang: it.lang,
          question: it.question,
          expected: 'OOS',
          got: ids[0] ?? '-',
          confidence: res.confidence,
        });
      continue;
    }
    const a = byLang.get(langKey) ?? acc();
    byLang.set(langKey, a);
    a.n++;
    const r = rankOf(ids, it.expected);
    if (r === 1) a.r1++;
    if (r >= 1 && r <= 3) a.r3++;
    if (r) a.mrr += 1 / r;
    if (answer.refused) a.falseRefusals++;
    if (answer.language === it.lang) a.langMatch++;
    const br = rankOf(baseIds, it.expected);
    if (br === 1) a.base.r1++;
    if (br >= 1 && br <= 3) a.base.r3++;
    if (br) a.base.mrr += 1 / br;
    if (r !== 1 || answer.refused) {
      failures.push({
        lang: it.lang,
        question: it.question,
        expected: it.expected.join(','),
        got: `${ids.slice(0, 3).join(' > ')}${answer.refused ? ' (refused)' : ''}`,
        confidence: res.confidence,
      });
    }
  }
  const elapsed = performance.now() - t0;
  const rows = [...byLang].map(([lang, a]) => ({
    lang,
    n: a.n,
    recall_at_1: round(a.r1 / a.n),
    recall_at_3: round(a.r3 / a.n),
    mrr: round(a.mrr / a.n),
    false_refusal_rate: round(a.falseRefusals / a.n),
    answer_language_match: round(a.langMatch / a.n),
    baseline: {
      recall_at_1: round(a.base.r1 / a.n),
      recall_at_3: round(a.base.r3 / a.n),
      mrr: round(a.base.mrr / a.n),
    },
  }));
  const all = [...byLang.values()].reduce((s, a) => {
    s.n += a.n;
    s.r1 += a.r1;
    s.r3 += a.r3;
    s.mrr += a.mrr;
    s.falseRefusals += a.falseRefusals;
    s.base.r1 += a.base.r1;
    s.base.r3 += a.base.r3;
    s.base.mrr += a.base.mrr;
    return s;
  }, acc());
  return {
    questions: items.length,
    in_scope: all.n,
    overall: {
      recall_at_1: round(all.r1 / all.n),
      recall_at_3: round(all.r3 / all.n),
      mrr: round(all.mrr / all.n),
      false_refusal_rate: round(all.falseRefusals / all.n),
      baseline: {
        recall_at_1: round(all.base.r1 / all.n),
        recall_at_3: round(all.base.r3 / all.n),
        mrr: round(all.base.mrr / all.n),
      },
    },
    per_language: rows,
    out_of_scope: {
      n: oos.n,
      refused: oos.refused,
      refusal_rate: round(oos.refused / oos.n),
      baseline_refusal_rate: round(oos.baseRefused / oos.n),
      per_language: oos.byLang,
    },
    ms_per_question: round(elapsed / items.length),
    failures,
  };
}
type Block = Awaited<ReturnType<typeof evaluate>>;

function table(b: Block): string[] {
  const o = b.overall;
  return [
    '| language | n | R@1 | R@3 | MRR | baseline R@1 | baseline R@3 | baseline MRR | false refusals | answer language match |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...b.per_language.map(
      (r) =>
        `| ${r.lang} | ${r.n} | ${r.recall_at_1} | ${r.recall_at_3} | ${r.mrr} | ${r.baseline.recall_at_1} | ${r.baseline.recall_at_3} | ${r.baseline.mrr} | ${r.false_refusal_rate} | ${r.answer_language_match} |`,
    ),
    `| **all** | ${b.in_scope} | ${o.recall_at_1} | ${o.recall_at_3} | ${o.mrr} | ${o.baseline.recall_at_1} | ${o.baseline.recall_at_3} | ${o.baseline.mrr} | ${o.false_refusal_rate} | |`,
    '',
    `Out-of-scope refused: **${b.out_of_scope.refusal_rate}** (${b.out_of_scope.refused}/${b.out_of_scope.n}); baseline (refuses only when nothing matches): ${b.out_of_scope.baseline_refusal_rate}. ${b.ms_per_question} ms per question (search + answer + baseline).`,
  ];
}
const failureList = (b: Block, max: number) =>
  b.failures
    .slice(0, max)
    .map(
      (f) =>
        `- [${f.lang}] ${f.question} — expected ${f.expected}, got ${f.got} (conf ${round(f.confidence)})`,
    );

const dev = await evaluate(loadTsvSets(here));
const heldOutItems = loadHeldOut(join(here, 'heldout.jsonl'));
const heldOut = await evaluate(heldOutItems);
// The same held-out questions with one seeded typo each (eval/knowledge/noise.ts): spelling robustness.
const noisy = await evaluate(heldOutItems.map((it) => ({ ...it, question: perturb(it.question) })));
const procedures = kb.index.listProcedures().length;
const generatedAt = new Date().toISOString();
const summary = {
  generated_at: generatedAt,
  procedures,
  targets: { recall_at_3_per_language: 0.9, oos_refusal_rate: 0.95 },
  ...dev,
  held_out: heldOut,
  held_out_with_typos: noisy,
};

mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'knowledge-eval.json'), `${JSON.stringify(summary, null, 2)}\n`);
const md = [
  '# Knowledge base evaluation',
  '',
  `Catalog: ${procedures} sample procedures. Generated ${generatedAt}.`,
  'Baseline = plain BM25 on lowercased words, without @khidma/lang, lexicon or transliteration.',
  'Targets: R@3 ≥ 0.90 in every language, OOS refusal ≥ 0.95.',
  '',
  '## Held-out set (eval/knowledge/heldout.jsonl)',
  '',
  `${heldOut.questions} questions (${heldOut.in_scope} in scope, ${heldOut.out_of_scope.n} out of scope) written blind — before the lexicon and the development questions were read — and never used for tuning. This is the figure that estimates behaviour on unseen questions.`,
  '',
  ...table(heldOut),
  '',
  '## Held-out set with one typo per question',
  '',
  'Each held-out question with one seeded, realistic typo (swapped, dropped or doubled letter, Arabizi/French/Arabic spelling alternation; eval/knowledge/noise.ts).',
  '',
  ...table(noisy),
  '',
  '## Development sets (eval/knowledge/questions-*.tsv)',
  '',
  `${dev.questions} project-authored questions (${dev.in_scope} in scope, ${dev.out_of_scope.n} out of scope). Partly written alongside the synonym lexicon, so they overstate generalisation.`,
  '',
  ...table(dev),
  '',
  `## Held-out failures (${heldOut.failures.length})`,
  '',
  ...failureList(heldOut, 80),
  '',
  `## Held-out-with-typos failures (${noisy.failures.length})`,
  '',
  ...failureList(noisy, 60),
  '',
  `## Development failures (${dev.failures.length})`,
  '',
  ...failureList(dev, 60),
  '',
].join('\n');
writeFileSync(join(resultsDir, 'knowledge-eval.md'), md);
console.log(md.split('\n').slice(0, 50).join('\n'));
console.log(
  `failures: held-out ${heldOut.failures.length}, with typos ${noisy.failures.length}, development ${dev.failures.length}`,
);
