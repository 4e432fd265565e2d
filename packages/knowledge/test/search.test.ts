import { describe, expect, it } from 'vitest';
import {
  type Embedder,
  KnowledgeBase,
  KnowledgeIndex,
  loadSampleCatalog,
  MemoryKnowledgeStore,
  type Procedure,
} from '../src/index.js';

const catalog = loadSampleCatalog();
const index = new KnowledgeIndex();
for (const p of catalog.procedures) index.upsertProcedure(p);
const top = (q: string, opts = {}) => index.search(q, opts).hits[0]?.id;

describe('multilingual search over the sample catalog', () => {
  it.each([
    ['la carte', 'cnie'],
    ['lakarte', 'cnie'],
    ['lakart', 'cnie'],
    ['البطاقة الوطنية', 'cnie'],
    ['لاكارط', 'cnie'],
    ['CNIE', 'cnie'],
    ["carte d'identité", 'cnie'],
    ['ⵜⴰⴽⴰⵔⴹⴰ', 'cnie'],
    ['national ID card', 'cnie'],
  ])('reads %s as the national identity card', (q) => {
    expect(top(q)).toMatch(/^cnie-/);
  });

  it('finds the same procedure from Darija (both scripts), MSA, French, English and Tamazight', () => {
    for (const q of [
      'kifach ndir lpaspor',
      'كيفاش ندير الباسبور',
      'ما هي وثائق جواز السفر',
      'demande de passeport',
      'passport application',
      'ⵎⵏⵛⴽ ⴰⵜⵉⴳ ⵏ ⵓⴱⴰⵙⴱⵓⵔ',
    ]) {
      expect(top(q), q).toBe('passport');
    }
  });

  it('corrects misspellings of longer words', () => {
    expect(top('passeprot biometrik')).toBe('passport');
    expect(top('certificat de residance')).toBe('residence-certificate');
  });

  it('reaches Arabic-only text from an Arabizi query through transliteration', () => {
    const idx = new KnowledgeIndex();
    const arabicOnly: Procedure = {
      ...(catalog.procedures.find((p) => p.id === 'technical-inspection') as Procedure),
      id: 'arabic-only',
      title: { fr: 'X', ar: 'شهادة العزوبة' },
      summary: { ar: 'شهادة إدارية تثبت العزوبة' },
      keywords: [],
      documents: [],
      steps: [],
    };
    idx.upsertProcedure(arabicOnly);
    for (const p of catalog.procedures.slice(0, 10)) idx.upsertProcedure(p);
    expect(idx.search('chahadat l3uzuba').hits[0]?.id).toBe('arabic-only');
  });

  it('filters by audience, administration and category', () => {
    const mre = index.search('procuration', { audience: 'mre' });
    expect(mre.hits.every((h) => h.procedure?.audience.includes('mre'))).toBe(true);
    const dgsn = index.search('carte', { administration: 'dgsn' });
    expect(dgsn.hits.length).toBeGreaterThan(0);
    expect(dgsn.hits.every((h) => h.procedure?.administration.id === 'dgsn')).toBe(true);
    const vehicles = index.search('renouvellement', { category: 'vehicles' });
    expect(vehicles.hits[0]?.id).toBe('driving-licence-renewal');
  });

  it('highlights the matched words of the returned passages with exact offsets', () => {
    const hit = index.search('certificat de résidence').hits[0];
    const passage = hit?.passages[0];
    expect(passage).toBeDefined();
    const marked = passage!.highlights.map(([s, e]) => passage!.text.slice(s, e).toLowerCase());
    expect(marked.join(' ')).toMatch(/résidence/);
  });

  it('gives a high confidence to catalogued questions and a low one to out-of-scope questions', () => {
    expect(index.search('kifach njded lbita9a').confidence).toBeGreaterThanOrEqual(0.5);
    for (const q of ['recette du couscous', 'who won the football match', 'شنو هو الطقس غدا']) {
      expect(index.search(q).confidence, q).toBeLessThan(0.5);
    }
  });

  it('refuses near-domain topics the catalog does not cover, unless they are only the purpose', () => {
    for (const q of [
      'renouveler titre de sejour pour un etranger',
      'بغيت نخلص الفاتورة ديال الما',
      'how do I pay a speeding ticket',
    ]) {
      expect(index.search(q).confidence, q).toBeLessThan(0.5);
    }
    const purpose = index.search('fiche anthropometrique pour un visa');
    expect(purpose.hits[0]?.id).toBe('anthropometric-record');
    expect(purpose.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('detects what is asked (fee, documents, delay) apart from the topic', () => {
    expect(index.search('chhal taman lpaspor').facets).toContain('fee');
    expect(index.search('شنو الوراق ديال الزواج').facets).toContain('documents');
    expect(index.search('combien de temps pour le permis').facets).toContain('time');
  });
});

describe('hybrid retrieval', () => {
  it('fuses dense vectors with BM25 by reciprocal rank when an embedding model is configured', async () => {
    // A toy embedder: one dimension per procedure category keyword, so "démarches de voiture" is close
    // to vehicle procedures even though no word of the query is in their text.
    const axes = ['voiture', 'vehicule', 'naissance', 'societe'];
    const embedder: Embedder = {
      model: 'toy',
      async embed(texts) {
        return texts.map((t) => {
          const s = t
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[\u0300-\u036f]/g, '');
          return axes.map((a) => (s.includes(a) ? 1 : 0.01));
        });
      },
    };
    const store = new MemoryKnowledgeStore();
    const kb = new KnowledgeBase(store, { embedder });
    await kb.seedIfEmpty();
    expect(await kb.refreshVectors()).toBe(catalog.procedures.length);
    // Vectors are stored by content hash: a second refresh computes nothing.
    expect(await kb.refreshVectors()).toBe(0);
    const res = await kb.search('zzqx voiture', { limit: 5 });
    expect(res.hits.length).toBeGreaterThan(0);
    expect(res.hits.some((h) => h.procedure?.category === 'vehicles')).toBe(true);
  });
});
