import { describe, expect, it } from 'vitest';
import { loadSampleCatalog, parseCatalog, validateProcedure } from '../src/index.js';

const catalog = loadSampleCatalog();

describe('sample catalog', () => {
  it('ships at least 40 valid procedures, all marked as sample data to verify', () => {
    expect(catalog.procedures.length).toBeGreaterThanOrEqual(40);
    expect(catalog.meta.sample).toBe(true);
    expect(catalog.procedures.every((p) => p.sample === true)).toBe(true);
  });

  it('has unique ids and a French and Arabic title for every procedure', () => {
    const ids = catalog.procedures.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of catalog.procedures) {
      expect(p.title.fr, p.id).toBeTruthy();
      expect(p.title.ar, p.id).toBeTruthy();
    }
  });

  it('gives every procedure an official https source, documents and a verification date', () => {
    for (const p of catalog.procedures) {
      expect(p.sourceUrl, p.id).toMatch(/^https:\/\/[a-z0-9.-]+\.ma(\/|$)/);
      expect(p.documents.length, p.id).toBeGreaterThan(0);
      expect(p.lastVerified, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('covers the high-demand procedures of the brief', () => {
    const ids = new Set(catalog.procedures.map((p) => p.id));
    for (const id of [
      'cnie-first-issue',
      'cnie-renewal',
      'passport',
      'birth-certificate-extract',
      'residence-certificate',
      'criminal-record-extract',
      'signature-legalisation',
      'marriage-file',
      'driving-licence',
      'vehicle-registration',
      'amo-tadamon',
      'rsu-registration',
      'company-creation',
      'negative-certificate',
      'auto-entrepreneur',
      'tax-compliance-certificate',
      'cnss-employer-affiliation',
      'building-permit',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('leaves unconfirmed fees empty instead of guessing, and never stores a negative amount', () => {
    const withoutFee = catalog.procedures.filter((p) => p.fees === undefined);
    expect(withoutFee.length).toBeGreaterThan(0);
    for (const p of catalog.procedures)
      for (const f of p.fees ?? []) expect(f.amountMad).toBeGreaterThanOrEqual(0);
  });
});

describe('procedure validation', () => {
  it('accepts a minimal procedure and rejects a bad one with field paths', () => {
    const ok = validateProcedure({
      id: 'test-proc',
      title: { fr: 'Test', ar: 'اختبار' },
      administration: { id: 'x', name: { fr: 'X' } },
      audience: ['citizens'],
      category: 'identity',
      sourceUrl: 'https://www.idarati.ma',
      lastVerified: '2026-01-01',
    });
    expect(ok.ok).toBe(true);
    const bad = validateProcedure({
      id: 'Bad Id',
      title: { fr: 'x' },
      audience: ['aliens'],
      fees: [{ amountMad: -5 }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const paths = bad.issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'id',
          'title.ar',
          'audience[0]',
          'category',
          'sourceUrl',
          'fees[0].amountMad',
        ]),
      );
    }
  });

  it('reports the line of an invalid YAML item and keeps the valid ones', () => {
    const yaml = [
      'procedures:',
      '  - id: good-one',
      '    title: { fr: Bon, ar: جيد }',
      '    administration: { id: a, name: { fr: A } }',
      '    audience: [citizens]',
      '    category: identity',
      '    sourceUrl: https://www.idarati.ma',
      '    lastVerified: "2026-01-01"',
      '  - id: bad-one',
      '    title: { fr: Mauvais }',
    ].join('\n');
    const r = parseCatalog(yaml, 'yaml');
    expect(r.procedures.map((p) => p.procedure.id)).toEqual(['good-one']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 9, id: 'bad-one' });
    expect(r.issues[0]?.reason).toContain('title.ar');
  });
});
