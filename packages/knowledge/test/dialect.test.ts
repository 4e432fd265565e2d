import { describe, expect, it } from 'vitest';
import {
  looksLikeArabizi,
  looksLikeDarijaArabic,
  looksLikeStandardArabic,
} from '../src/assistant/dialect.js';
import { Assistant, KnowledgeBase, MemoryKnowledgeStore } from '../src/index.js';

describe('Darija evidence in mixed-language questions', () => {
  it.each([
    'carte grise kifach nbedelha',
    'bghit attestation de travail',
    'renouvellement cin fin w ch7al',
    'wach permis ytjded online',
  ])('reads "%s" as Arabizi despite its French words', (q) => {
    expect(looksLikeArabizi(q)).toBe(true);
  });

  it.each([
    'fin des travaux et certificat de conformite',
    'how to renew my passport',
    'la visite technique a tanger',
  ])('keeps "%s" as French or English', (q) => {
    expect(looksLikeArabizi(q)).toBe(false);
  });

  it('tells Darija in Arabic script from Standard Arabic by its function words and glued prepositions', () => {
    expect(looksLikeDarijaArabic('شهادة السكنى فين كيعطيوها')).toBe(true);
    expect(looksLikeDarijaArabic('نخلص الفينييت فالبريد')).toBe(true);
    expect(looksLikeDarijaArabic('فالإدارة المختصة تقدم الطلب')).toBe(false);
    expect(looksLikeStandardArabic('كيف أحصل على رخصة السياقة؟')).toBe(true);
    expect(looksLikeStandardArabic('كيفاش نجدد البطاقة')).toBe(false);
  });
});

describe('answer language of code-switched questions', () => {
  const kb = new KnowledgeBase(new MemoryKnowledgeStore());
  const assistant = new Assistant({ retriever: kb });

  it.each([
    ['carte grise kifach nbedelha', 'ary-Latn'],
    ['ⵎⴰⵏⵉⴽ ⴰⴷ ⴳⵖ auto-entrepreneur', 'zgh-Tfng'],
  ])('answers "%s" in %s', async (q, lang) => {
    await kb.seedIfEmpty();
    const a = await assistant.answer({ messages: [{ role: 'user', content: q }] });
    expect(a.language).toBe(lang);
  });
});
