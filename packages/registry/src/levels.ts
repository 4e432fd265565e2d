import type { ComparisonConfig, FieldConfig } from './config.js';

/** One ordered comparison level; the gamma value of a pair is the index of its first true level. */
export interface LevelSpec {
  label: string;
  /** SQL condition over l.* and r.*; null for the catch-all "else" level. */
  sql: string | null;
  isNull?: boolean;
  /** The exact-match level of a term-frequency comparison. */
  tfExact?: boolean;
}

export interface ComparisonSpec {
  name: string;
  field: string;
  kind: FieldConfig['kind'];
  termFrequency: boolean;
  swapWith?: string;
  levels: LevelSpec[];
}

function fmt(t: number): string {
  return String(t);
}

function nameLevels(f: string, c: ComparisonConfig): LevelSpec[] {
  const [t1, t2] = c.thresholds ?? [0.92, 0.8];
  const levels: LevelSpec[] = [
    { label: 'null', sql: `l.${f} is null or r.${f} is null`, isNull: true },
    { label: 'exact', sql: `l.${f} = r.${f}`, tfExact: true },
  ];
  if (c.swapWith) {
    const s = c.swapWith;
    levels.push({ label: `swapped with ${s}`, sql: `l.${f}_sk = r.${s}_sk and l.${s}_sk = r.${f}_sk` });
  }
  levels.push(
    {
      label: 'same transliteration',
      sql: `strpos(r.${f}_alt, '|' || l.${f} || '|') > 0 or strpos(l.${f}_alt, '|' || r.${f} || '|') > 0`,
    },
    { label: 'same skeleton', sql: `l.${f}_sk = r.${f}_sk` },
    { label: `jaro-winkler >= ${fmt(t1!)}`, sql: `jaro_winkler_similarity(l.${f}, r.${f}) >= ${fmt(t1!)}` },
  );
  if (t2 !== undefined)
    levels.push({
      label: `jaro-winkler >= ${fmt(t2)}`,
      sql: `jaro_winkler_similarity(l.${f}, r.${f}) >= ${fmt(t2)}`,
    });
  levels.push({ label: 'else', sql: null });
  return levels;
}

function dateLevels(f: string): LevelSpec[] {
  return [
    { label: 'null', sql: `l.${f}_y is null or r.${f}_y is null`, isNull: true },
    { label: 'exact', sql: `l.${f} = r.${f}` },
    {
      label: 'day/month swapped',
      sql: `l.${f}_y = r.${f}_y and l.${f}_m = r.${f}_d and l.${f}_d = r.${f}_m`,
    },
    { label: 'one digit typo', sql: `levenshtein(l.${f}, r.${f}) <= 1` },
    { label: 'same year and month', sql: `l.${f}_y = r.${f}_y and l.${f}_m = r.${f}_m` },
    { label: 'same year', sql: `l.${f}_y = r.${f}_y` },
    { label: 'else', sql: null },
  ];
}

function idLevels(f: string, tf: boolean): LevelSpec[] {
  return [
    { label: 'null', sql: `l.${f} is null or r.${f} is null`, isNull: true },
    { label: 'exact', sql: `l.${f} = r.${f}`, tfExact: tf },
    { label: 'one typo', sql: `levenshtein(l.${f}, r.${f}) <= 1` },
    { label: 'two typos', sql: `levenshtein(l.${f}, r.${f}) <= 2` },
    { label: 'else', sql: null },
  ];
}

function stringLevels(f: string, thresholds: number[], tf: boolean): LevelSpec[] {
  return [
    { label: 'null', sql: `l.${f} is null or r.${f} is null`, isNull: true },
    { label: 'exact', sql: `l.${f} = r.${f}`, tfExact: tf },
    ...thresholds.map((t) => ({
      label: `jaro-winkler >= ${fmt(t)}`,
      sql: `jaro_winkler_similarity(l.${f}, r.${f}) >= ${fmt(t)}`,
    })),
    { label: 'else', sql: null },
  ];
}

/** Builds the ordered levels of each configured comparison from its field kind. */
export function buildComparisons(fields: FieldConfig[], comparisons: ComparisonConfig[]): ComparisonSpec[] {
  return comparisons.map((c) => {
    const field = fields.find((f) => f.name === c.field)!;
    const f = field.name;
    const termFrequency = c.termFrequency ?? field.kind === 'name';
    let levels: LevelSpec[];
    switch (field.kind) {
      case 'name':
        levels = nameLevels(f, c);
        break;
      case 'date':
        levels = dateLevels(f);
        break;
      case 'id':
        levels = idLevels(f, termFrequency);
        break;
      case 'place':
        levels = stringLevels(f, c.thresholds ?? [0.9], termFrequency);
        break;
      case 'text':
        levels = stringLevels(f, c.thresholds ?? [0.9, 0.7], termFrequency);
        break;
      default:
        levels = stringLevels(f, [], termFrequency);
    }
    if (!termFrequency) for (const l of levels) delete l.tfExact;
    return { name: f, field: f, kind: field.kind, termFrequency, swapWith: c.swapWith, levels };
  });
}

/** `case when ... then i ... else last end` giving the gamma value of a comparison. */
export function gammaSql(spec: ComparisonSpec): string {
  const whens = spec.levels
    .map((lvl, i) => (lvl.sql === null ? null : `when ${lvl.sql} then ${i}`))
    .filter((w) => w !== null);
  return `case ${whens.join(' ')} else ${spec.levels.length - 1} end`;
}
