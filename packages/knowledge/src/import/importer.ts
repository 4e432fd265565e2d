import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { type CatalogFormat, parseCatalog } from '../catalog/parse.js';
import type { KnowledgeDocument } from '../catalog/types.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { ImportRecord } from '../store.js';
import {
  buildDocument,
  type DocumentMeta,
  docxHtml,
  htmlSections,
  markdownSections,
  pdfPages,
  pdfSections,
  type Section,
} from './documents.js';

export interface ImportIssue {
  file: string;
  /** 1-based line of the bad row (0 = whole file). */
  line: number;
  id?: string;
  reason: string;
}

export interface ImportReport {
  files: number;
  procedures: { added: number; updated: number; unchanged: number };
  documents: { added: number; updated: number; unchanged: number; chunks: number };
  issues: ImportIssue[];
}

export interface ImportOptions {
  /** Progress callback: called once with total units, then after each procedure/document. */
  onProgress?: (event: { total: number; done: number; file: string }) => void;
  /** Files bigger than this are refused (default 50 MB). */
  maxFileBytes?: number;
  /** Max files walked under a directory (default 10 000). */
  maxFiles?: number;
}

const CATALOG_EXT: Record<string, CatalogFormat> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
};
const DOC_EXT = new Set(['.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.txt']);

export function isImportable(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext in CATALOG_EXT || DOC_EXT.has(ext);
}

async function listFiles(path: string, max: number): Promise<string[]> {
  const s = await stat(path);
  if (s.isFile()) return [path];
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= max) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && isImportable(p)) out.push(p);
    }
  };
  await walk(path);
  return out;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'document';

/** Reads one document file into sections (structure-aware) and its metadata. */
export async function readDocument(
  file: string,
  root: string,
  knownProcedures: Set<string>,
): Promise<KnowledgeDocument> {
  const ext = extname(file).toLowerCase();
  const rel = relative(root, file) || basename(file);
  const stem = basename(file, extname(file));
  const meta: DocumentMeta = { id: slug(rel.replace(/\.[^.]+$/, '')) };
  if (knownProcedures.has(stem)) meta.procedureId = stem;
  let sections: Section[];
  let format: KnowledgeDocument['format'];
  const data = await readFile(file);
  if (ext === '.md' || ext === '.markdown') {
    const md = markdownSections(data.toString('utf8'));
    sections = md.sections;
    format = 'markdown';
    const f = md.front;
    if (typeof f.id === 'string') meta.id = slug(f.id);
    if (typeof f.title === 'string') meta.title = f.title;
    const url = f.source_url ?? f.sourceUrl;
    if (typeof url === 'string' && /^https?:\/\//.test(url)) meta.sourceUrl = url;
    if (typeof f.procedure === 'string') meta.procedureId = f.procedure;
  } else if (ext === '.html' || ext === '.htm') {
    const h = htmlSections(data.toString('utf8'));
    sections = h.sections;
    format = 'html';
    if (h.title) meta.title = h.title;
  } else if (ext === '.pdf') {
    sections = pdfSections(await pdfPages(data));
    format = 'pdf';
  } else if (ext === '.docx') {
    sections = htmlSections(await docxHtml(data)).sections;
    format = 'docx';
  } else {
    sections = data
      .toString('utf8')
      .split(/\n{2,}/)
      .map((t) => ({ headings: [], text: t }));
    format = 'text';
  }
  return buildDocument(meta, format, rel, sections, stem);
}

/**
 * Imports catalogs (JSON, YAML, CSV) and documents (Markdown, HTML, PDF, DOCX, text) from a file or a
 * directory. Idempotent: unchanged content (same hash) creates no new version. A bad row or unreadable
 * file is reported with its line and reason and the rest still imports.
 */
export async function importPath(
  kb: KnowledgeBase,
  path: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const maxBytes = opts.maxFileBytes ?? 50 * 1024 * 1024;
  const files = await listFiles(path, opts.maxFiles ?? 10_000);
  const root = (await stat(path)).isDirectory() ? path : join(path, '..');
  const report: ImportReport = {
    files: files.length,
    procedures: { added: 0, updated: 0, unchanged: 0 },
    documents: { added: 0, updated: 0, unchanged: 0, chunks: 0 },
    issues: [],
  };
  // Catalogs first, so documents named after a procedure id attach to it.
  const catalogs = files.filter((f) => extname(f).toLowerCase() in CATALOG_EXT);
  const docs = files.filter((f) => !(extname(f).toLowerCase() in CATALOG_EXT));
  const parsed: { file: string; items: Awaited<ReturnType<typeof parseCatalog>>['procedures'] }[] = [];
  for (const file of catalogs) {
    const rel = relative(root, file) || basename(file);
    try {
      if ((await stat(file)).size > maxBytes) throw new Error(`file larger than ${maxBytes} bytes`);
      const text = await readFile(file, 'utf8');
      const r = parseCatalog(text, CATALOG_EXT[extname(file).toLowerCase()] as CatalogFormat);
      parsed.push({ file: rel, items: r.procedures });
      report.issues.push(...r.issues.map((i) => ({ file: rel, ...i })));
    } catch (err) {
      report.issues.push({ file: rel, line: 0, reason: (err as Error).message });
    }
  }
  const total = parsed.reduce((n, p) => n + p.items.length, 0) + docs.length;
  let done = 0;
  opts.onProgress?.({ total, done, file: '' });
  for (const { file, items } of parsed) {
    for (const { procedure, line } of items) {
      try {
        report.procedures[await kb.upsertProcedure(procedure, file)]++;
      } catch (err) {
        report.issues.push({ file, line, id: procedure.id, reason: (err as Error).message });
      }
      opts.onProgress?.({ total, done: ++done, file });
    }
  }
  const known = new Set(kb.index.listProcedures().map((p) => p.id));
  for (const file of docs) {
    const rel = relative(root, file) || basename(file);
    try {
      if ((await stat(file)).size > maxBytes) throw new Error(`file larger than ${maxBytes} bytes`);
      const doc = await readDocument(file, root, known);
      if (doc.chunks.length === 0) throw new Error('no text found');
      report.documents[await kb.upsertDocument(doc)]++;
      report.documents.chunks += doc.chunks.length;
    } catch (err) {
      report.issues.push({ file: rel, line: 0, reason: (err as Error).message });
    }
    opts.onProgress?.({ total, done: ++done, file: rel });
  }
  const record: ImportRecord = {
    source: path,
    format: 'mixed',
    added: report.procedures.added + report.documents.added,
    updated: report.procedures.updated + report.documents.updated,
    unchanged: report.procedures.unchanged + report.documents.unchanged,
    failed: report.issues.length,
    issues: report.issues.slice(0, 500),
  };
  await kb.store.recordImport(record);
  return report;
}
