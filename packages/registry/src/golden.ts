import type { LinkConfig } from './config.js';
import { standardiseDate } from './standardise.js';

export type SurvivorshipRule =
  | 'most_frequent'
  | 'longest'
  | 'source_priority'
  | 'first_non_null'
  | 'most_recent';

export interface GoldenInput {
  source: string[];
  recordId: string[];
  /** Raw values per field, indexed by uid. */
  values: Record<string, (string | null)[]>;
  personId: string[];
}

export interface GoldenRecord {
  personId: string;
  records: number;
  sources: string[];
  fields: Record<string, { value: string | null; from: string | null }>;
}

function rankOfSource(priority: string[] | undefined, source: string): number {
  const i = priority?.indexOf(source) ?? -1;
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/**
 * Golden records by configurable survivorship rules, each field with the record it came from
 * ("source:record_id"). Ties fall back to source priority, then the smaller uid.
 */
export function buildGoldenRecords(
  input: GoldenInput,
  golden: LinkConfig['golden'],
  fields: string[],
): GoldenRecord[] {
  const groups = new Map<string, number[]>();
  input.personId.forEach((p, uid) => {
    const g = groups.get(p);
    if (g) g.push(uid);
    else groups.set(p, [uid]);
  });
  const priority = golden.sourcePriority;
  const out: GoldenRecord[] = [];
  for (const [personId, uids] of groups) {
    const rec: GoldenRecord = {
      personId,
      records: uids.length,
      sources: [...new Set(uids.map((u) => input.source[u]!))].sort(),
      fields: {},
    };
    for (const field of fields) {
      const rule: SurvivorshipRule = golden.fields?.[field]?.rule ?? 'most_frequent';
      const candidates = uids.filter((u) => input.values[field]![u] != null);
      const tie = (a: number, b: number) =>
        rankOfSource(priority, input.source[a]!) - rankOfSource(priority, input.source[b]!) || a - b;
      let chosen: number | undefined;
      if (candidates.length > 0) {
        if (rule === 'most_frequent') {
          const freq = new Map<string, number>();
          for (const u of candidates) {
            const v = input.values[field]![u]!;
            freq.set(v, (freq.get(v) ?? 0) + 1);
          }
          chosen = [...candidates].sort(
            (a, b) => freq.get(input.values[field]![b]!)! - freq.get(input.values[field]![a]!)! || tie(a, b),
          )[0];
        } else if (rule === 'longest') {
          chosen = [...candidates].sort(
            (a, b) => input.values[field]![b]!.length - input.values[field]![a]!.length || tie(a, b),
          )[0];
        } else if (rule === 'most_recent') {
          const by = golden.fields?.[field]?.orderBy;
          const key = (u: number) =>
            by ? (standardiseDate(input.values[by]?.[u] ?? null, 'ymd').ymd ?? '') : '';
          chosen = [...candidates].sort((a, b) =>
            key(b) > key(a) ? 1 : key(b) < key(a) ? -1 : tie(a, b),
          )[0];
        } else if (rule === 'source_priority') chosen = [...candidates].sort(tie)[0];
        else chosen = Math.min(...candidates);
      }
      rec.fields[field] =
        chosen === undefined
          ? { value: null, from: null }
          : {
              value: input.values[field]![chosen]!,
              from: `${input.source[chosen]}:${input.recordId[chosen]}`,
            };
    }
    out.push(rec);
  }
  return out.sort((a, b) => (a.personId < b.personId ? -1 : 1));
}
