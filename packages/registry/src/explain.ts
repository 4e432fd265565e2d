import type { Engine } from './engine/types.js';
import { sqlString } from './engine/types.js';
import { RegistryError } from './errors.js';
import { gammaSql } from './levels.js';
import { type LinkModel, levelWeight, priorWeight, probabilityFromWeight, tfAdjustment } from './model.js';
import { escapeXml, waterfallChart } from './svg.js';

export interface Contribution {
  comparison: string;
  level: string;
  gamma: number;
  m: number;
  u: number;
  /** Bayes-factor weight of the level, in bits. */
  weight: number;
  /** Term-frequency adjustment in bits (exact match on a common value lowers the weight). */
  tfAdjustment: number;
  left: string | null;
  right: string | null;
}

export interface Explanation {
  left: string;
  right: string;
  priorWeight: number;
  contributions: Contribution[];
  matchWeight: number;
  matchProbability: number;
}

/** The waterfall of one pair from its gamma values and term frequencies. */
export function explainVector(
  model: LinkModel,
  gammas: number[],
  tf: (number | null)[][],
  values: { left: (string | null)[]; right: (string | null)[] },
  ids: { left: string; right: string },
): Explanation {
  const prior = priorWeight(model.prior);
  let total = prior;
  const contributions = model.comparisons.map((c, i) => {
    const level = c.levels[gammas[i]!]!;
    const weight = levelWeight(level);
    const tfs = tf[i] ?? [];
    const maxTf = tfs.some((t) => t != null) ? Math.max(...tfs.filter((t): t is number => t != null)) : null;
    const adj = c.termFrequency ? tfAdjustment(level, maxTf) : 0;
    total += weight + adj;
    return {
      comparison: c.name,
      level: level.label,
      gamma: gammas[i]!,
      m: level.m,
      u: level.u,
      weight,
      tfAdjustment: adj,
      left: values.left[i] ?? null,
      right: values.right[i] ?? null,
    };
  });
  return {
    left: ids.left,
    right: ids.right,
    priorWeight: prior,
    contributions,
    matchWeight: total,
    matchProbability: probabilityFromWeight(total),
  };
}

/** Resolves "source:record_id" or a bare record id to a uid in `rec`. */
async function findUid(engine: Engine, id: string): Promise<number> {
  const colon = id.indexOf(':');
  const where =
    colon > 0
      ? `(source = ${sqlString(id.slice(0, colon))} and record_id = ${sqlString(id.slice(colon + 1))}) or record_id = ${sqlString(id)}`
      : `record_id = ${sqlString(id)}`;
  const rows = await engine.query<{ uid: number }>(`select uid from rec where ${where} order by uid limit 2`);
  if (rows.length === 0) throw new RegistryError('unknown_record', { detail: id });
  return rows[0]!.uid;
}

/** Explains a pair of records already loaded in `rec`, computing the levels with the same SQL. */
export async function explainRecords(
  engine: Engine,
  model: LinkModel,
  left: string,
  right: string,
): Promise<Explanation> {
  const a = await findUid(engine, left);
  const b = await findUid(engine, right);
  const cols = model.comparisons.flatMap((c) => [
    `${gammaSql(c)} as g_${c.name}`,
    `l.${c.field}_raw as lv_${c.name}`,
    `r.${c.field}_raw as rv_${c.name}`,
    ...(c.termFrequency ? [`l.${c.field}_tf as tl_${c.name}`, `r.${c.field}_tf as tr_${c.name}`] : []),
  ]);
  const [row] = await engine.query(
    `select ${cols.join(', ')} from rec l, rec r where l.uid = ${a} and r.uid = ${b}`,
  );
  if (!row) throw new RegistryError('unknown_record', { detail: `${left} / ${right}` });
  const num = (v: unknown) => (v == null ? null : Number(v));
  const str = (v: unknown) => (v == null ? null : String(v));
  return explainVector(
    model,
    model.comparisons.map((c) => Number(row[`g_${c.name}`])),
    model.comparisons.map((c) =>
      c.termFrequency ? [num(row[`tl_${c.name}`]), num(row[`tr_${c.name}`])] : [],
    ),
    {
      left: model.comparisons.map((c) => str(row[`lv_${c.name}`])),
      right: model.comparisons.map((c) => str(row[`rv_${c.name}`])),
    },
    { left, right },
  );
}

export function explanationSvg(e: Explanation): string {
  const steps = [
    { label: 'prior', value: e.priorWeight },
    ...e.contributions.flatMap((c) => [
      { label: `${c.comparison}: ${c.level}`, value: c.weight },
      ...(c.tfAdjustment !== 0 ? [{ label: `${c.comparison}: term frequency`, value: c.tfAdjustment }] : []),
    ]),
  ];
  return waterfallChart(
    steps,
    `${e.left} ↔ ${e.right}: weight ${e.matchWeight.toFixed(2)}, p = ${e.matchProbability.toFixed(4)}`,
  );
}

export function explanationHtml(e: Explanation): string {
  const rows = e.contributions
    .map(
      (c) =>
        `<tr><td>${escapeXml(c.comparison)}</td><td>${escapeXml(c.left ?? '∅')}</td><td>${escapeXml(c.right ?? '∅')}</td><td>${escapeXml(c.level)}</td><td>${c.m.toFixed(4)}</td><td>${c.u.toExponential(3)}</td><td>${(c.weight + c.tfAdjustment).toFixed(2)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Khidma registry: pair explanation</title>
<body style="font-family:sans-serif"><h1>Pair explanation · Explication · شرح الزوج</h1>${explanationSvg(e)}
<table border="1" cellpadding="4"><tr><th>comparison</th><th>left</th><th>right</th><th>level</th><th>m</th><th>u</th><th>bits</th></tr>${rows}</table></body></html>`;
}
