import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { CatalogMeta, Procedure } from './types.js';
import { formatIssues, validateProcedure } from './validate.js';

export interface RowIssue {
  /** 1-based line of the row in the source file (0 when the whole file is unreadable). */
  line: number;
  id?: string;
  reason: string;
}

export interface ParsedCatalog {
  meta?: CatalogMeta;
  procedures: { procedure: Procedure; line: number }[];
  issues: RowIssue[];
}

export type CatalogFormat = 'json' | 'yaml' | 'csv';

/** Parses a catalog file; each invalid procedure becomes an issue with its line and the rest still loads. */
export function parseCatalog(text: string, format: CatalogFormat): ParsedCatalog {
  return format === 'csv' ? parseCsvCatalog(text) : parseTreeCatalog(text);
}

/** JSON is read with the YAML parser (JSON is YAML 1.2) to keep node positions for line numbers. */
function parseTreeCatalog(text: string): ParsedCatalog {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e?.linePos?.[0].line ?? 0;
    return { procedures: [], issues: [{ line, reason: `unreadable file: ${e?.message.split('\n')[0]}` }] };
  }
  const root = doc.contents;
  let seq: unknown = root;
  let meta: CatalogMeta | undefined;
  if (isMap(root)) {
    seq = root.get('procedures', true);
    const m = root.get('meta');
    if (m !== undefined) meta = readMeta(doc.toJS()?.meta);
    if (seq === undefined) return { procedures: [], issues: [], ...(meta ? { meta } : {}) };
  }
  if (!isSeq(seq)) {
    return {
      procedures: [],
      issues: [{ line: 1, reason: 'expected a list of procedures or { procedures: [...] }' }],
    };
  }
  const out: ParsedCatalog = { procedures: [], issues: [] };
  if (meta) out.meta = meta;
  for (const item of seq.items) {
    const range = (item as { range?: [number, number, number] } | null)?.range;
    const line = range ? lc.linePos(range[0]).line : 0;
    const value =
      (item as { toJS?: (d: unknown, o?: unknown) => unknown })?.toJS?.(doc, { maxAliasCount: 1000 }) ?? item;
    const result = validateProcedure(value);
    if (result.ok) out.procedures.push({ procedure: result.value, line });
    else {
      const id =
        typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined;
      out.issues.push({ line, ...(id ? { id } : {}), reason: formatIssues(result.issues) });
    }
  }
  return out;
}

function readMeta(v: unknown): CatalogMeta | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Record<string, unknown>;
  const meta: CatalogMeta = {
    name: String(m.name ?? 'catalog'),
    version: String(m.version ?? '0'),
    sample: m.sample === true,
  };
  if (m.notice && typeof m.notice === 'object') meta.notice = m.notice as CatalogMeta['notice'];
  return meta;
}

/**
 * CSV catalogs: one procedure per row. Columns `title_fr`, `summary_ar`… map to localised fields; list
 * columns (`documents_fr`, `steps_ar`, `audience`, `keywords`, `online_urls`, `offices_fr`,
 * `legal_references`) are separated by `|`; `fee_mad` is a number (empty = not confirmed).
 */
function parseCsvCatalog(text: string): ParsedCatalog {
  const out: ParsedCatalog = { procedures: [], issues: [] };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { procedures: [], issues: [{ line, reason: `unreadable CSV: ${(err as Error).message}` }] };
  }
  for (const { record, info } of records) {
    const line = info.lines;
    const result = validateProcedure(csvRowToProcedure(record));
    if (result.ok) out.procedures.push({ procedure: result.value, line });
    else
      out.issues.push({ line, ...(record.id ? { id: record.id } : {}), reason: formatIssues(result.issues) });
  }
  return out;
}

const LANGS = ['fr', 'ar', 'ary', 'zgh', 'en'] as const;
const split = (s: string | undefined) =>
  (s ?? '')
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

function localized(row: Record<string, string>, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of LANGS) if (row[`${base}_${l}`]) out[l] = row[`${base}_${l}`] as string;
  return out;
}

function localizedList(row: Record<string, string>, base: string): Record<string, string>[] {
  const perLang = LANGS.map((l) => [l, split(row[`${base}_${l}`])] as const);
  const n = Math.max(0, ...perLang.map(([, v]) => v.length));
  const out: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const item: Record<string, string> = {};
    for (const [l, v] of perLang) if (v[i]) item[l] = v[i] as string;
    out.push(item);
  }
  return out;
}

export function csvRowToProcedure(row: Record<string, string>): Record<string, unknown> {
  const p: Record<string, unknown> = {
    id: row.id,
    title: localized(row, 'title'),
    summary: localized(row, 'summary'),
    administration: {
      id: row.administration_id || row.administration,
      name: {
        fr: row.administration_fr || row.administration,
        ...(row.administration_ar ? { ar: row.administration_ar } : {}),
      },
      ...(row.administration_website ? { website: row.administration_website } : {}),
    },
    audience: split(row.audience),
    category: row.category,
    keywords: split(row.keywords),
    documents: localizedList(row, 'documents'),
    steps: localizedList(row, 'steps'),
    channels: {
      online: split(row.online_urls).map((url) => ({ url })),
      offices: localizedList(row, 'offices'),
    },
    legalReferences: split(row.legal_references).map((t) => ({ title: { fr: t } })),
    sourceUrl: row.source_url,
    lastVerified: row.last_verified,
  };
  if (row.fee_mad !== undefined && row.fee_mad !== '') p.fees = [{ amountMad: Number(row.fee_mad) }];
  const pt = localized(row, 'processing_time');
  if (Object.keys(pt).length) p.processingTime = pt;
  if (row.sample === 'true') p.sample = true;
  return p;
}
