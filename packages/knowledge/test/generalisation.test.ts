import { describe, expect, it } from 'vitest';
import { KnowledgeIndex, loadSampleCatalog } from '../src/index.js';
import { wordTokens } from '../src/search/word-keys.js';

const index = new KnowledgeIndex();
for (const p of loadSampleCatalog().procedures) index.upsertProcedure(p);
const search = (q: string) => index.search(q);

describe('spelling variation that is not a synonym', () => {
  it('folds the final hamza Darija drops (البنا, الكهربا) onto the MSA spelling', () => {
    expect(wordTokens('البنا')).toEqual(wordTokens('البناء'));
    expect(wordTokens('الكهربا')).toEqual(wordTokens('الكهرباء'));
    // A two-letter stem keeps its hamza: الماء must not become the function word ما.
    expect(wordTokens('الماء')).not.toEqual(wordTokens('ما'));
  });

  it('reads Tifinagh with or without the optional schwa ⴻ as the same word', () => {
    expect(wordTokens('ⵜⴰⵣⴷⴻⵖⵜ')).toEqual(wordTokens('ⵜⴰⵣⴷⵖⵜ'));
    expect(wordTokens('ⴰⵖⴻⵔⴱⴰⵣ')).toEqual(wordTokens('ⴰⵖⵔⴱⴰⵣ'));
  });

  it('strips Arabizi object suffixes from verbs it knows (njeddedha → jedded)', () => {
    const res = search('kifach njeddedha lbitaqa');
    expect(res.hits[0]?.id).toBe('cnie-renewal');
    expect(res.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('does not count request verbs (ntleb, نطلب, أحصل) against the confidence of a topical question', () => {
    const bare = search('chahadat sokna').confidence;
    expect(search('fin ntleb chahadat sokna').confidence).toBeGreaterThanOrEqual(Math.min(bare, 0.9));
    expect(search('كيف أحصل على شهادة السكنى').hits[0]?.id).toBe('residence-certificate');
  });
});

describe('identity papers issued by another state', () => {
  it.each([
    'carte d identite belge perdue',
    'spanish passport renewal',
    'بغيت نجدد الباسبور الفرنسي',
    'permis de conduire canadien',
    'french birth certificate',
    'casier judiciaire francais',
  ])('treats "%s" as out of the catalog', (q) => {
    expect(search(q).confidence).toBeLessThan(0.5);
  });

  it.each([
    ['renouveler mon passeport marocain en france', 'passport'],
    ['passport renewal for moroccans living in spain', 'passport'],
    ['equivalence diplome francais', 'diploma-equivalence'],
  ])('still answers Moroccan papers asked about from abroad: %s', (q, id) => {
    const res = search(q);
    expect(res.hits[0]?.id).toBe(id);
    expect(res.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe('near-miss topics that share a word with a catalogued procedure', () => {
  it.each([
    'lost my bank card',
    'carte bancaire perdue',
    'ضاعت ليا لاكارط ديال البنكة',
    'permis bateau',
    'international driving permit',
  ])('refuses "%s"', (q) => {
    expect(search(q).confidence).toBeLessThan(0.5);
  });

  it('still answers a catalogued procedure that mentions a bank as the place to pay', () => {
    const res = search('vignette payer a la banque');
    expect(res.hits[0]?.id).toBe('vehicle-tax');
    expect(res.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe('agreement with every concept of the question', () => {
  it('prefers the procedure that has all the named concepts over one with more matching raw words', () => {
    // The first-issue procedure carries a Tamazight title; "lost" + "card" is still the lost-card one.
    expect(search('ⵜⵔⵓⵃ ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵎⴰⴳⵉⵜ').hits[0]?.id).toBe('cnie-lost');
    expect(search('truh takarḍa n tmagit').hits[0]?.id).toBe('cnie-lost');
  });
});

describe('administrative vocabulary', () => {
  it('does not read "ownership" alone as land: a car inspection summary mentions نقل الملكية', () => {
    expect(search('chahadat lmolkiya dyal lard').hits[0]?.id).toBe('property-certificate');
    expect(search('نقل الملكية ديال الطوموبيل').hits[0]?.id).toBe('vehicle-transfer');
  });

  it('does not read "new" (jdid, جديد) as "renew" through transliteration', () => {
    expect(search('wldi jdid kifach nsjlo').concepts).not.toContain('renew');
    expect(search('bghit lbitaqa jdida').concepts).not.toContain('renew');
    expect(search('carte grise dyal tomobil jdida').hits[0]?.id).toBe('vehicle-registration');
  });

  it('knows common Tamazight function words and nouns (inu "my", arraw "children", ssjl "register")', () => {
    const res = search('ⵔⵉⵖ ⴰⴷ ⵙⵙⵊⵍⵖ ⴰⵔⵔⴰⵡ ⵉⵏⵓ');
    expect(res.hits[0]?.id).toBe('birth-declaration');
    expect(res.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('knows the civil-status verb "to record" (قيد, n9ayed) as registering', () => {
    const res = search('kifach n9ayed bnti f l7ala lmadania');
    expect(res.hits[0]?.id).toBe('birth-declaration');
    expect(res.confidence).toBeGreaterThanOrEqual(0.5);
  });
});
