import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlSections, markdownSections, pdfSections } from '../src/import/documents.js';
import { importPath, KnowledgeBase, MemoryKnowledgeStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'khidma-kb-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'id,title_fr,title_ar,summary_fr,administration_id,administration_fr,audience,category,documents_fr,documents_ar,fee_mad,online_urls,offices_fr,source_url,last_verified';
const row = (id: string, extra: Partial<Record<string, string>> = {}) => {
  const r: Record<string, string> = {
    id,
    title_fr: `Démarche ${id}`,
    title_ar: `مسطرة ${id}`,
    summary_fr: 'Résumé de la démarche',
    administration_id: 'commune',
    administration_fr: 'Commune',
    audience: 'citizens',
    category: 'civil-status',
    documents_fr: 'Carte nationale|Photo',
    documents_ar: 'البطاقة الوطنية|صورة',
    fee_mad: '20',
    online_urls: 'https://www.idarati.ma',
    offices_fr: 'Commune',
    source_url: 'https://www.idarati.ma',
    last_verified: '2026-01-01',
    ...extra,
  };
  return HEADER.split(',')
    .map((k) => `"${(r[k] ?? '').replace(/"/g, '""')}"`)
    .join(',');
};

function freshKb() {
  return new KnowledgeBase(new MemoryKnowledgeStore());
}

describe('khidma kb import', () => {
  it('reports a malformed CSV row with its line and reason and imports the others', async () => {
    const file = join(dir, 'catalog.csv');
    writeFileSync(
      file,
      [
        HEADER,
        row('proc-one'),
        row('proc-two', { category: 'astrology', fee_mad: '-3' }),
        row('proc-three'),
      ].join('\n'),
    );
    const kb = freshKb();
    const report = await importPath(kb, file);
    expect(report.procedures.added).toBe(2);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ file: 'catalog.csv', line: 3, id: 'proc-two' });
    expect(report.issues[0]?.reason).toMatch(/category/);
    expect(report.issues[0]?.reason).toMatch(/amountMad/);
    expect(kb.index.getProcedure('proc-one')?.fees?.[0]?.amountMad).toBe(20);
    expect(kb.index.getProcedure('proc-three')?.documents[1]).toEqual({ fr: 'Photo', ar: 'صورة' });
  });

  it('is idempotent on content and versions changed procedures', async () => {
    const store = new MemoryKnowledgeStore();
    const kb = new KnowledgeBase(store);
    const file = join(dir, 'versioned.json');
    const proc = {
      id: 'versioned-proc',
      title: { fr: 'Démarche versionnée', ar: 'مسطرة' },
      administration: { id: 'a', name: { fr: 'A' } },
      audience: ['citizens'],
      category: 'identity',
      documents: [{ fr: 'Carte nationale' }],
      sourceUrl: 'https://www.idarati.ma',
      lastVerified: '2026-01-01',
    };
    writeFileSync(file, JSON.stringify({ procedures: [proc] }));
    expect((await importPath(kb, file)).procedures).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await importPath(kb, file)).procedures).toEqual({ added: 0, updated: 0, unchanged: 1 });
    writeFileSync(file, JSON.stringify({ procedures: [{ ...proc, fees: [{ amountMad: 10 }] }] }));
    expect((await importPath(kb, file)).procedures).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(store.procedures.get('versioned-proc')?.version).toBe(2);
    expect(store.imports).toHaveLength(3);
  });

  it('imports a directory of documents chunked along their headings, with a progress callback', async () => {
    const docs = join(dir, 'docs');
    rmSync(docs, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(docs);
    writeFileSync(
      join(docs, 'guide.md'),
      '---\ntitle: Guide de la légalisation\nsource_url: https://www.idarati.ma\n---\n# Légalisation\nIntro.\n## Pièces\n- Carte nationale\n## Lieu\nBureau de la commune.\n',
    );
    writeFileSync(
      join(docs, 'page.html'),
      '<html><head><title>Vignette</title><script>bad()</script></head><body><h1>Vignette</h1><p>Payer en janvier.</p><h2>Montants</h2><ul><li>350 MAD</li></ul></body></html>',
    );
    const events: number[] = [];
    const kb = freshKb();
    const report = await importPath(kb, docs, { onProgress: (e) => events.push(e.done) });
    expect(report.documents.added).toBe(2);
    expect(report.issues).toEqual([]);
    expect(events.at(-1)).toBe(2);
    const md = kb.index.listDocuments().find((d) => d.format === 'markdown');
    expect(md?.title).toBe('Guide de la légalisation');
    expect(md?.chunks.map((c) => c.headings.at(-1))).toEqual(['Légalisation', 'Pièces', 'Lieu']);
    const res = kb.index.search('vignette janvier');
    expect(res.hits[0]?.kind).toBe('chunk');
    expect(res.hits[0]?.passages[0]?.text).toContain('janvier');
  });

  it('reports an unreadable file without stopping the import', async () => {
    const mixed = join(dir, 'mixed');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(mixed, { recursive: true });
    writeFileSync(join(mixed, 'broken.yaml'), 'procedures: [ { id: x\n');
    writeFileSync(join(mixed, 'ok.md'), '# Titre\nTexte utile.');
    const report = await importPath(freshKb(), mixed);
    expect(report.documents.added).toBe(1);
    expect(report.issues[0]?.file).toBe('broken.yaml');
    expect(report.issues[0]?.reason).toMatch(/unreadable/);
  });
});

describe('structure-aware chunking', () => {
  it('keeps the heading trail of nested Markdown sections and ignores headings in code fences', () => {
    const { sections } = markdownSections(
      '# A\ntext a\n## B\ntext b\n```\n# not a heading\n```\n# C\ntext c',
    );
    expect(sections.map((s) => s.headings)).toEqual([['A'], ['A', 'B'], ['C']]);
    expect(sections[1]?.text).toContain('# not a heading');
  });

  it('drops scripts and navigation from HTML and splits by h1–h6', () => {
    const { sections, title } = htmlSections(
      '<title>T</title><nav>menu</nav><h2>Docs</h2><p>one</p><p>two</p><script>x()</script><h2>Fee</h2><p>75 MAD</p>',
    );
    expect(title).toBe('T');
    expect(sections.map((s) => s.headings[0])).toEqual(['Docs', 'Fee']);
    expect(sections[0]?.text).not.toMatch(/menu|x\(\)/);
  });

  it('detects numbered or capitalised PDF lines as headings', () => {
    const s = pdfSections([
      '1. PIÈCES À FOURNIR\nCarte nationale et photo.\n2. Délai\nQuinze jours ouvrables.',
    ]);
    expect(s.map((x) => x.headings[0])).toEqual(['1. PIÈCES À FOURNIR', '2. Délai']);
  });

  it('reads the text of a real PDF file through unpdf', async () => {
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, minimalPdf('Carte grise: certificat de conformite exige'));
    const kb = freshKb();
    const report = await importPath(kb, file);
    expect(report.issues).toEqual([]);
    expect(kb.index.listDocuments()[0]?.chunks[0]?.text).toContain('certificat de conformite');
  });
});

/** A one-page PDF with one line of Helvetica text, xref offsets computed. */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 50 750 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
