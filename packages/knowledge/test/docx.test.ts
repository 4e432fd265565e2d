import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGrounding, importPath, KnowledgeBase, MemoryKnowledgeStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'khidma-kb-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A ZIP with stored (uncompressed) entries: enough for a minimal .docx. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

function docx(paragraphs: string): Buffer {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`,
  });
}

describe('DOCX import', () => {
  it('chunks a Word document along its Heading styles through mammoth', async () => {
    const file = join(dir, 'note-legalisation.docx');
    writeFileSync(
      file,
      docx(
        para('Légalisation de signature', 'Heading1') +
          para('Se présenter en personne au bureau de la commune.') +
          para('Pièces', 'Heading2') +
          para('Carte nationale et document non signé.'),
      ),
    );
    const kb = new KnowledgeBase(new MemoryKnowledgeStore());
    const report = await importPath(kb, file);
    expect(report.issues).toEqual([]);
    const doc = kb.index.listDocuments()[0];
    expect(doc?.format).toBe('docx');
    expect(doc?.chunks.map((c) => c.headings.at(-1))).toEqual(['Légalisation de signature', 'Pièces']);
    expect(kb.index.search('document non signé').hits[0]?.kind).toBe('chunk');
  });
});

describe('grounding check', () => {
  it('accepts amounts written with thousands separators and rejects amounts absent from the sources', () => {
    const hits = [{}] as never[];
    expect(checkGrounding('Vignette : 1 500 DH [1].', hits, 'Fee: 1500 MAD').ok).toBe(true);
    expect(checkGrounding('Vignette : 1 800 DH [1].', hits, 'Fee: 1500 MAD').reason).toBe(
      'unsupported_amount',
    );
  });
});
