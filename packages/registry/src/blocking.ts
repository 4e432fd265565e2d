import type { LinkConfig } from './config.js';
import type { Engine } from './engine/types.js';
import { RegistryError } from './errors.js';

export interface BlockingRule {
  /** Condition over l.* and r.*, conjunction of equalities. */
  sql: string;
  /** Key expressions over alias l (equal on both sides by construction). */
  keys: string[];
  label: string;
}

// A small, safe grammar: column references, a few functions, integers, commas and parentheses.
const TOKEN = /\s*(?:([lr])\.([a-z_][a-z0-9_]*)|(substr|lower|upper|left|right)\b|(\d+)|([(),=])|(and)\b)/iy;

function tokenize(rule: string, columns: Set<string>): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < rule.length) {
    if (/^\s*$/.test(rule.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(rule);
    if (!m)
      throw new RegistryError('invalid_config', {
        detail: `blocking rule "${rule}": unexpected "${rule.slice(pos, pos + 12)}"`,
      });
    if (m[2] && !columns.has(m[2].toLowerCase()))
      throw new RegistryError('invalid_config', {
        detail: `blocking rule "${rule}": unknown column ${m[2]}`,
      });
    tokens.push(m[0].trim().toLowerCase());
    pos = TOKEN.lastIndex;
  }
  return tokens;
}

/** Parses one blocking rule: a list of columns, or a string like "l.a = r.a and substr(l.d,1,4) = substr(r.d,1,4)". */
export function parseBlockingRule(rule: string | string[], columns: Set<string>): BlockingRule {
  const text = Array.isArray(rule) ? rule.map((c) => `l.${c} = r.${c}`).join(' and ') : rule;
  const tokens = tokenize(text, columns);
  const parts: string[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t === '(') depth++;
    if (t === ')') depth--;
    if (t === 'and' && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  const keys: string[] = [];
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq <= 0 || p.lastIndexOf('=') !== eq)
      throw new RegistryError('invalid_config', {
        detail: `blocking rule "${text}": each part must be one equality`,
      });
    const left = p.slice(0, eq).join(' ');
    const right = p.slice(eq + 1).join(' ');
    const swapped = right.replace(/\br\./g, 'l.');
    if (swapped !== left || /\br\./.test(left))
      throw new RegistryError('invalid_config', {
        detail: `blocking rule "${text}": compare the same expression on both sides (l.x = r.x)`,
      });
    keys.push(left.replace(/ \( /g, '(').replace(/ \)/g, ')').replace(/ , /g, ', ').replace(/\( /g, '('));
  }
  const sql = keys.map((k) => `${k} = ${k.replace(/\bl\./g, 'r.')}`).join(' and ');
  return { sql, keys, label: text };
}

/** Pair condition by link type: each unordered pair once. */
export function pairCondition(linkType: LinkConfig['linkType']): string {
  return linkType === 'link' ? 'l.src < r.src' : 'l.uid < r.uid';
}

/** Counts the comparisons a rule generates, in SQL, before anything runs. */
export async function countComparisons(
  engine: Engine,
  rule: BlockingRule,
  linkType: LinkConfig['linkType'],
): Promise<number> {
  const keys = rule.keys.map((k, i) => `${k} as k${i}`).join(', ');
  const notNull = rule.keys.map((k) => `${k} is not null`).join(' and ');
  const group = rule.keys.map((_, i) => `k${i}`).join(', ');
  const perKey =
    linkType === 'dedupe' ? '(s2 - t) / 2' : linkType === 'link' ? '(t * t - s2) / 2' : 't * (t - 1) / 2';
  const [row] = await engine.query<{ c: number | null }>(`
    with g as (select ${keys}, src, cast(count(*) as double precision) as n from rec l where ${notNull}
               group by ${group}, src),
         h as (select sum(n) as t, sum(n * n) as s2 from g group by ${group})
    select sum(${perKey}) as c from h`);
  return Number(row?.c ?? 0);
}

export interface RuleCount {
  rule: string;
  comparisons: number;
}

/** Counts every rule and refuses the first that exceeds the configured maximum. */
export async function checkBlockingRules(
  engine: Engine,
  rules: BlockingRule[],
  linkType: LinkConfig['linkType'],
  maxComparisons: number,
): Promise<RuleCount[]> {
  const counts: RuleCount[] = [];
  for (const rule of rules) {
    const comparisons = await countComparisons(engine, rule, linkType);
    if (comparisons > maxComparisons)
      throw new RegistryError('too_many_comparisons', {
        detail: rule.label,
        count: comparisons,
        max: maxComparisons,
      });
    counts.push({ rule: rule.label, comparisons });
  }
  return counts;
}

/** Suggests blocking rules from the fields: the most selective single and paired keys under a budget. */
export async function suggestBlockingRules(
  engine: Engine,
  candidates: string[][],
  linkType: LinkConfig['linkType'],
  columns: Set<string>,
  budget: number,
): Promise<RuleCount[]> {
  const out: RuleCount[] = [];
  for (const cand of candidates) {
    const rule = parseBlockingRule(cand, columns);
    const comparisons = await countComparisons(engine, rule, linkType);
    if (comparisons > 0 && comparisons <= budget) out.push({ rule: rule.label, comparisons });
  }
  return out.sort((a, b) => a.comparisons - b.comparisons);
}
