import { type HTMLElement, type Node, NodeType, parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import type { DocumentChunk, KnowledgeDocument } from '../catalog/types.js';

/** Longest chunk, in characters; longer sections are split at paragraph boundaries. */
export const MAX_CHUNK = 1200;

export interface Section {
  headings: string[];
  text: string;
}

export interface DocumentMeta {
  id: string;
  title?: string;
  sourceUrl?: string;
  procedureId?: string;
}

/** Splits a section's text into chunks of at most MAX_CHUNK characters, at paragraph then sentence ends. */
export function splitLong(text: string, max = MAX_CHUNK): string[] {
  const clean = text
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (clean.length <= max) return clean ? [clean] : [];
  const out: string[] = [];
  let cur = '';
  const pieces = clean.split(/\n\n|(?<=[.!?؟])\s+/);
  for (const piece of pieces) {
    if (piece.length > max) {
      if (cur) out.push(cur);
      cur = '';
      for (let i = 0; i < piece.length; i += max) out.push(piece.slice(i, i + max));
      continue;
    }
    if (cur.length + piece.length + 1 > max) {
      out.push(cur);
      cur = piece;
    } else cur = cur ? `${cur}\n${piece}` : piece;
  }
  if (cur) out.push(cur);
  return out;
}

function toChunks(documentId: string, sections: Section[], procedureId?: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  for (const s of sections) {
    for (const text of splitLong(s.text)) {
      const c: DocumentChunk = { documentId, ordinal: chunks.length, headings: s.headings, text };
      if (procedureId) c.procedureId = procedureId;
      chunks.push(c);
    }
  }
  return chunks;
}

/** Markdown: optional YAML front matter (id, title, source_url/sourceUrl, procedure), sections by `#` headings. */
export function markdownSections(text: string): { sections: Section[]; front: Record<string, unknown> } {
  let body = text.replace(/\r\n?/g, '\n');
  let front: Record<string, unknown> = {};
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (fm) {
    try {
      const parsed = parseYaml(fm[1] as string);
      if (parsed && typeof parsed === 'object') front = parsed as Record<string, unknown>;
    } catch {
      // Unreadable front matter is kept as text rather than failing the document.
    }
    body = body.slice(fm[0].length);
  }
  const sections: Section[] = [];
  const trail: string[] = [];
  let buf: string[] = [];
  let inFence = false;
  const flush = () => {
    const t = buf.join('\n').trim();
    if (t) sections.push({ headings: [...trail], text: t });
    buf = [];
  };
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^(#{1,6})[ \t]+(.*)$/.exec(line);
    if (h) {
      flush();
      const level = (h[1] as string).length;
      trail.length = Math.min(trail.length, level - 1);
      trail[level - 1] = headingText(h[2] as string);
      for (let i = 0; i < level - 1; i++) trail[i] ??= '';
      continue;
    }
    buf.push(line.replace(/^\s*[-*+]\s+/, '- ').replace(/[*_`]/g, ''));
  }
  flush();
  return { sections, front };
}

/** "Title ##" → "Title", without a backtracking regex. */
function headingText(raw: string): string {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === '#' || raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  return raw.slice(0, end);
}

const BLOCK = new Set([
  'p',
  'li',
  'td',
  'th',
  'dd',
  'dt',
  'pre',
  'blockquote',
  'div',
  'section',
  'article',
  'tr',
]);
const SKIP = new Set([
  'head',
  'title',
  'script',
  'style',
  'nav',
  'footer',
  'header',
  'noscript',
  'template',
  'svg',
]);

/** HTML (and DOCX converted to HTML): sections by h1–h6, text of block elements. */
export function htmlSections(html: string): { sections: Section[]; title?: string } {
  const root = parseHtml(html, { blockTextElements: { script: false, style: false, pre: true } });
  const title =
    root.querySelector('title')?.text.trim() || root.querySelector('h1')?.text.trim() || undefined;
  const sections: Section[] = [];
  const trail: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    const t = buf.join('\n').trim();
    if (t) sections.push({ headings: trail.filter(Boolean), text: t });
    buf = [];
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const t = node.text.replace(/\s+/g, ' ').trim();
      if (t) buf.push(t);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    const h = /^h([1-6])$/.exec(tag);
    if (h) {
      flush();
      const level = Number(h[1]);
      trail.length = Math.min(trail.length, level - 1);
      trail[level - 1] = el.text.replace(/\s+/g, ' ').trim();
      return;
    }
    if (BLOCK.has(tag) && buf.length && !buf[buf.length - 1]?.endsWith('\n')) buf.push('\n');
    for (const child of el.childNodes) walk(child);
    if (BLOCK.has(tag)) buf.push('\n');
  };
  walk(root);
  flush();
  const cleaned = sections.map((s) => ({
    ...s,
    text: s.text.replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n'),
  }));
  return title ? { sections: cleaned, title } : { sections: cleaned };
}

/**
 * PDF text has no markup: a short line that is numbered ("1.", "II -", "Article 3") or written in
 * capitals, followed by body text, is taken as a heading; otherwise each page is a section.
 */
export function pdfSections(pages: string[]): Section[] {
  const sections: Section[] = [];
  pages.forEach((page, i) => {
    let heading = `page ${i + 1}`;
    let buf: string[] = [];
    const flush = () => {
      const t = buf.join('\n').trim();
      if (t) sections.push({ headings: [heading], text: t });
      buf = [];
    };
    for (const raw of page.split(/\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const numbered = /^(?:\d{1,2}[.)-]|[IVX]{1,4}\s*[.-]|article\s+\d+|المادة\s+\d+)\s*\S/i.test(line);
      const caps = line.length > 3 && line === line.toUpperCase() && /[A-Z]/.test(line);
      if (line.length <= 90 && (numbered || caps) && !/[.:;,]$/.test(line)) {
        flush();
        heading = line;
      } else buf.push(line);
    }
    flush();
  });
  return sections;
}

export function buildDocument(
  meta: DocumentMeta,
  format: KnowledgeDocument['format'],
  sourcePath: string,
  sections: Section[],
  fallbackTitle: string,
): KnowledgeDocument {
  const doc: KnowledgeDocument = {
    id: meta.id,
    title: meta.title ?? sections[0]?.headings[0] ?? fallbackTitle,
    sourcePath,
    format,
    chunks: toChunks(meta.id, sections, meta.procedureId),
  };
  if (meta.sourceUrl) doc.sourceUrl = meta.sourceUrl;
  if (meta.procedureId) doc.procedureId = meta.procedureId;
  return doc;
}

/** PDF pages via unpdf (pdf.js, no native code). */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const { text } = await extractText(pdf, { mergePages: false });
  return Array.isArray(text) ? text : [text];
}

/** DOCX to HTML via mammoth, which maps Word heading styles to h1–h6. */
export async function docxHtml(data: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  const convert =
    (mammoth as unknown as { convertToHtml: typeof import('mammoth').convertToHtml }).convertToHtml ??
    (mammoth as unknown as { default: typeof import('mammoth') }).default.convertToHtml;
  const { value } = await convert({ buffer: Buffer.from(data) });
  return value;
}
