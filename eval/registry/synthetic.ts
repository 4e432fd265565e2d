import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeRun,
  DEFAULT_ERRORS,
  DuckDbEngine,
  type ErrorRates,
  generateRegistry,
  oneToOneEdges,
  parseConfig,
  runLinkage,
  type SyntheticSource,
  syntheticConfig,
  writeRecordsCsv,
} from '@khidma/registry';
import { evaluateRun, type LinkEval } from './febrl.js';
import { type Prf, pairKey, pairsOfGroups, pairwise } from './metrics.js';

export interface Scenario {
  name: string;
  persons: number;
  linkType: 'link' | 'dedupe';
  sources: SyntheticSource[];
  oneToOne: boolean;
}

function scaled(e: ErrorRates, k: number): ErrorRates {
  return Object.fromEntries(
    Object.entries(e).map(([key, v]) => [key, Math.min(0.9, v * k)]),
  ) as unknown as ErrorRates;
}

export function scenarios(persons: number): Scenario[] {
  const arab = (errors: ErrorRates): SyntheticSource => ({
    name: 'RNP',
    script: 'arab',
    coverage: 0.9,
    duplicateRate: 0,
    errors,
  });
  const latn = (errors: ErrorRates): SyntheticSource => ({
    name: 'RSU',
    script: 'latn',
    coverage: 0.9,
    duplicateRate: 0,
    errors,
  });
  return [
    {
      name: 'Arabic script (RNP) ↔ Latin variants (RSU), default error rates',
      persons,
      linkType: 'link',
      sources: [arab(scaled(DEFAULT_ERRORS, 0.5)), latn(DEFAULT_ERRORS)],
      oneToOne: true,
    },
    {
      name: 'Arabic ↔ Latin, error rates doubled',
      persons,
      linkType: 'link',
      sources: [arab(DEFAULT_ERRORS), latn(scaled(DEFAULT_ERRORS, 2))],
      oneToOne: true,
    },
    {
      name: 'Dedupe one mixed-script registry, 25% duplicates',
      persons,
      linkType: 'dedupe',
      sources: [{ name: 'MIX', script: 'mixed', coverage: 1, duplicateRate: 0.25, errors: DEFAULT_ERRORS }],
      oneToOne: false,
    },
  ];
}

export interface SyntheticEval extends LinkEval {
  scenario: string;
  baseline: Prf;
}

/** Plain baseline: average Jaro-Winkler of the raw strings, blocked on birth year, 0.85 cut-off. */
async function rawJaroWinklerBaseline(
  files: { name: string; path: string }[],
  linkType: string,
  truth: Set<string>,
) {
  const duck = await DuckDbEngine.open({ memoryLimit: '1GB' });
  try {
    const parts = files.map(
      (f) => `select '${f.name}' as source, * from read_csv('${f.path}', all_varchar=true, header=true)`,
    );
    await duck.exec(`create table b as select row_number() over () as uid, *,
      regexp_extract(date_of_birth, '(\\d{4})') as y from (${parts.join(' union all ')})`);
    const cond = linkType === 'link' ? 'l.source < r.source' : 'l.uid < r.uid';
    const jw = (c: string) => `coalesce(jaro_winkler_similarity(l.${c}, r.${c}), 0)`;
    const rows = await duck.query<{ a: string; b: string; s: number; la: number; ra: number }>(`
      select l.source || ':' || l.record_id as a, r.source || ':' || r.record_id as b, l.uid as la, r.uid as ra,
        (${jw('first_name')} + ${jw('last_name')} + ${jw('date_of_birth')} + ${jw('cin')}) / 4 as s
      from b l join b r on l.y = r.y and ${cond}
      where (${jw('first_name')} + ${jw('last_name')} + ${jw('date_of_birth')} + ${jw('cin')}) / 4 >= 0.85`);
    let kept = rows;
    if (linkType === 'link') {
      const edges = oneToOneEdges(
        { left: rows.map((r) => r.la), right: rows.map((r) => r.ra), weight: rows.map((r) => r.s) },
        (uid) => (rows.find((r) => r.la === uid) ? 0 : 1),
      );
      const keep = new Set(Array.from(edges.left, (l, i) => `${l}-${edges.right[i]}`));
      kept = rows.filter((r) => keep.has(`${r.la}-${r.ra}`));
    }
    return pairwise(new Set(kept.map((r) => pairKey(r.a, r.b))), truth);
  } finally {
    await duck.close();
  }
}

export async function evaluateScenario(s: Scenario, seed: number): Promise<SyntheticEval> {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-synth-'));
  try {
    const data = generateRegistry(s.persons, s.sources, seed);
    const files: { name: string; path: string }[] = [];
    const truthOf = new Map<string, string>();
    for (const [name, records] of data) {
      const path = join(dir, `${name}.csv`);
      await writeRecordsCsv(path, records);
      files.push({ name, path });
      for (const r of records) truthOf.set(`${name}:${r.record_id}`, String(r.person_id));
    }
    const config = parseConfig({ ...syntheticConfig(files, s.linkType), oneToOne: s.oneToOne });
    const t = performance.now();
    const run = await runLinkage(config);
    let result: LinkEval;
    try {
      result = evaluateRun(run, 'synthetic', (k) => truthOf.get(k)!, (performance.now() - t) / 1000);
    } finally {
      await closeRun(run);
    }
    const truthPairs = pairsOfGroups(truthOf, s.linkType === 'link');
    const baseline = await rawJaroWinklerBaseline(files, s.linkType, truthPairs);
    return { ...result, scenario: s.name, baseline };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
