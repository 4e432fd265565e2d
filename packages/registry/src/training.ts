import type { LinkConfig } from './config.js';
import type { Engine } from './engine/types.js';
import { gammaSql } from './levels.js';
import type { LoadedSources } from './load.js';
import type { ComparisonParams, Pattern } from './model.js';

/** Gamma-pattern counts of the pairs each blocking rule satisfies (the input of per-rule EM). */
export async function patternCounts(
  engine: Engine,
  params: ComparisonParams[],
  ruleCount: number,
  table = 'pairs',
): Promise<Map<number, Pattern[]>> {
  const g = params.map((c) => `g_${c.name}`);
  const b = Array.from({ length: ruleCount }, (_, k) => `b_${k}`);
  const cols = [...b, ...g].join(', ');
  const rows = await engine.query(`select ${cols}, count(*) as n from ${table} group by ${cols}`);
  const byRule = new Map<number, Pattern[]>();
  for (let k = 0; k < ruleCount; k++) byRule.set(k, []);
  for (const r of rows) {
    const pattern = { gammas: g.map((key) => Number(r[key])), n: Number(r.n) };
    for (let k = 0; k < ruleCount; k++) if (Number(r[`b_${k}`]) === 1) byRule.get(k)!.push(pattern);
  }
  return byRule;
}

/** Gamma-pattern counts over all candidate pairs. */
export async function allPatterns(
  engine: Engine,
  params: ComparisonParams[],
  table = 'pairs',
): Promise<Pattern[]> {
  const g = params.map((c) => `g_${c.name}`).join(', ');
  const rows = await engine.query(`select ${g}, count(*) as n from ${table} group by ${g}`);
  return rows.map((r) => ({ gammas: params.map((c) => Number(r[`g_${c.name}`])), n: Number(r.n) }));
}

/**
 * Deterministic pseudo-random pairs generated in SQL (integer arithmetic, no engine RNG), so DuckDB
 * and PostgreSQL draw exactly the same pairs and estimate the same u.
 */
export function randomPairsSql(
  engine: Engine,
  loaded: LoadedSources,
  linkType: LinkConfig['linkType'],
  pairs: number,
): string {
  let left = { off: 0, n: loaded.total };
  let right = { off: 0, n: loaded.total };
  if (linkType === 'link') {
    // Left side from the first source, right side from all the others.
    left = { off: 0, n: loaded.counts[0]! };
    right = { off: loaded.counts[0]!, n: loaded.total - loaded.counts[0]! };
  }
  return `select (i * 2654435761 + 97) % ${left.n} + ${left.off} as a,
      (i * i * 7 + i * 40503 + 17) % ${right.n} + ${right.off} as b
    from ${engine.dialect.series(pairs)} s`;
}

/** Gamma-pattern counts over random pairs: the u-probabilities come from these. */
export async function randomPairPatterns(
  engine: Engine,
  params: ComparisonParams[],
  loaded: LoadedSources,
  linkType: LinkConfig['linkType'],
  pairs: number,
): Promise<{ patterns: Pattern[]; sampled: number }> {
  const gammas = params.map((c) => `${gammaSql(c)} as g_${c.name}`).join(', ');
  const g = params.map((c) => `g_${c.name}`).join(', ');
  const rows = await engine.query(`
    with p as (${randomPairsSql(engine, loaded, linkType, pairs)}),
    v as (select ${gammas} from p join rec l on l.uid = p.a join rec r on r.uid = p.b where p.a <> p.b)
    select ${g}, count(*) as n from v group by ${g}`);
  const patterns = rows.map((r) => ({ gammas: params.map((c) => Number(r[`g_${c.name}`])), n: Number(r.n) }));
  return { patterns, sampled: patterns.reduce((a, p) => a + p.n, 0) };
}

/** Patterns of labelled pairs (record ids on both sides) that are matches. */
export async function labelledPatterns(
  engine: Engine,
  params: ComparisonParams[],
  labels: { left: string; right: string; match: boolean }[],
): Promise<Pattern[]> {
  const rows = labels.filter((l) => l.match).map((l) => [l.left, l.right]);
  if (rows.length === 0) return [];
  await engine.loadRows(
    'labels',
    [
      { name: 'a', type: 'text' },
      { name: 'b', type: 'text' },
    ],
    rows,
  );
  const gammas = params.map((c) => `${gammaSql(c)} as g_${c.name}`).join(', ');
  const g = params.map((c) => `g_${c.name}`).join(', ');
  const key = (alias: string) => `${alias}.source || ':' || ${alias}.record_id`;
  const result = await engine.query(`
    with v as (select ${gammas} from labels p join rec l on ${key('l')} = p.a join rec r on ${key('r')} = p.b)
    select ${g}, count(*) as n from v group by ${g}`);
  return result.map((r) => ({ gammas: params.map((c) => Number(r[`g_${c.name}`])), n: Number(r.n) }));
}
