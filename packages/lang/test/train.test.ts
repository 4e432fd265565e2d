import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, modelInfo, useModel } from '../src/index.js';
import { LID_MODEL } from '../src/model/lid-model.js';
import { readCorpusDir, readModel, trainFromDirectory, trainModel, writeModel } from '../src/train.js';

const dir = mkdtempSync(join(tmpdir(), 'khidma-lang-train-'));
afterAll(() => {
  useModel(LID_MODEL);
  rmSync(dir, { recursive: true, force: true });
});

describe('training the identification model', () => {
  it('ships a model whose provenance names the project-authored corpus', () => {
    const p = modelInfo();
    expect(p.corpus).toMatch(/packages\/lang\/corpus/);
    expect(p.license).toMatch(/Khidma/);
    expect(p.sentences['ary-Latn']).toBeGreaterThan(100);
  });

  it('reads one <tag>.txt file per tag, skipping comments, blank lines and unknown tags', () => {
    writeFileSync(join(dir, 'fra-Latn.txt'), '# comment\nle chat dort\n\nla maison est grande\n');
    writeFileSync(join(dir, 'eng-Latn.txt'), 'the cat sleeps\nthe house is big\n');
    writeFileSync(join(dir, 'xyz-Latn.txt'), 'ignored\n');
    writeFileSync(join(dir, 'notes.md'), 'ignored\n');
    const samples = readCorpusDir(dir);
    expect(samples).toHaveLength(4);
    expect(samples.map((s) => s.tag).sort()).toEqual(['eng-Latn', 'eng-Latn', 'fra-Latn', 'fra-Latn']);
  });

  it('trains from a directory, records provenance and can be swapped in and out', () => {
    const model = trainFromDirectory(dir, {
      includeLexicon: false,
      license: 'CC0',
      trainedAt: '2026-01-01T00:00:00Z',
    });
    expect(model.provenance.license).toBe('CC0');
    expect(model.provenance.sentences).toEqual({ 'fra-Latn': 2, 'eng-Latn': 2 });
    const file = join(dir, 'model.json');
    writeModel(model, file);
    useModel(readModel(file));
    expect(identify('the big cat').tag).toBe('eng-Latn');
    expect(modelInfo().license).toBe('CC0');
    useModel(LID_MODEL);
    expect(modelInfo().corpus).toMatch(/packages\/lang\/corpus/);
  });

  it('learns a class from its examples', () => {
    const model = trainModel(
      [
        { tag: 'ary-Latn', text: 'kankhdem f dar' },
        { tag: 'spa-Latn', text: 'trabajo en casa' },
      ],
      { alpha: 1 },
    );
    useModel(model);
    expect(identify('trabajo').tag).toBe('spa-Latn');
    expect(identify('kankhdem').tag).toBe('ary-Latn');
    useModel(LID_MODEL);
  });

  it('rejects a malformed model when it is installed, keeping the previous one', () => {
    expect(() => useModel({ format: 'other' } as never)).toThrow(/khidma-lid\/1/);
    expect(() => useModel({ ...LID_MODEL, bucketBits: 12 })).toThrow(/bucketBits/);
    expect(identify('bghit nmchi l dar').tag).toBe('ary-Latn');
  });

  it('refuses an empty corpus directory with a clear error', () => {
    const empty = mkdtempSync(join(tmpdir(), 'khidma-lang-empty-'));
    expect(() => trainFromDirectory(empty)).toThrow(/no <tag>\.txt corpus files/);
    rmSync(empty, { recursive: true, force: true });
  });
});
