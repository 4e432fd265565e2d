import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/program.js';

/** Runs `khidma …` in-process and returns what it printed. */
async function khidma(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'khidma', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('khidma lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-cli-lang-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains a model from a corpus directory and records its provenance', async () => {
    writeFileSync(join(dir, 'ary-Latn.txt'), 'bghit nmchi l dar\nwach kayn chi haja\n');
    writeFileSync(join(dir, 'fra-Latn.txt'), 'je veux rentrer chez moi\nest-ce qu’il y a quelque chose\n');
    const out = join(dir, 'model.json');
    const printed = await khidma(
      'lang',
      'train',
      '--corpus',
      dir,
      '-o',
      out,
      '--license',
      'CC-BY-4.0',
      '--no-lexicon',
    );
    expect(printed).toContain('model written to');
    expect(existsSync(out)).toBe(true);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.format).toBe('khidma-lid/1');
    expect(model.provenance).toMatchObject({
      license: 'CC-BY-4.0',
      sentences: { 'ary-Latn': 2, 'fra-Latn': 2 },
    });
  });

  it('identifies text given as arguments, with spans on request', async () => {
    const printed = await khidma(
      'lang',
      'identify',
      '--segments',
      'wach',
      'khassni',
      'n3mer',
      'le',
      'formulaire?',
    );
    const result = JSON.parse(printed);
    expect(result.tag).toBe('ary-Latn');
    expect(result.segments.map((s: { tag: string }) => s.tag)).toEqual(['ary-Latn', 'fra-Latn']);
  });

  it('transliterates to Tifinagh and to Arabic script', async () => {
    expect((await khidma('lang', 'transliterate', '--to', 'tfng', 'tamaziɣt')).trim()).toBe('ⵜⴰⵎⴰⵣⵉⵖⵜ');
    expect((await khidma('lang', 'transliterate', 'bghit')).trim()).toBe('بغيت');
  });
});
