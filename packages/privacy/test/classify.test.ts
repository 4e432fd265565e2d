import { describe, expect, it } from 'vitest';
import { classifyText } from '../src/index.js';

describe('classifyText', () => {
  it('is public for ordinary questions', () => {
    expect(classifyText('Quels documents pour renouveler le passeport ?').dataClass).toBe('public');
    expect(classifyText('شنو هي الوثائق ديال البطاقة الوطنية؟')).toMatchObject({
      dataClass: 'public',
      pii: [],
    });
  });

  it('is personal when identifiers are present', () => {
    expect(classifyText('CIN AB123456')).toMatchObject({ dataClass: 'personal', pii: ['CIN'] });
  });

  it('is internal for documents marked confidential', () => {
    expect(classifyText('Note interne confidentielle sur le budget').dataClass).toBe('internal');
  });

  it('detects special categories in French, Arabic, Darija and Arabizi', () => {
    expect(classifyText('Je suis diabétique depuis 2010').sensitiveCategories).toEqual(['health']);
    expect(classifyText('ana mrid b sokkar w khassni dwa').sensitiveCategories).toContain('health');
    expect(classifyText('أنا منخرط في نقابة الاتحاد المغربي للشغل').sensitiveCategories).toEqual([
      'union_membership',
    ]);
    expect(classifyText('mon fils est athée').sensitiveCategories).toEqual(['religion']);
    expect(classifyText('Il a été condamné en 2019').sensitiveCategories).toEqual(['criminal_record']);
    expect(classifyText('je suis militant au PJD').sensitiveCategories).toEqual(['political_opinion']);
    expect(classifyText('il est homosexuel').sensitiveCategories).toEqual(['sex_life']);
    expect(classifyText("Données d'empreinte digitale et ADN").sensitiveCategories).toEqual([
      'biometric_genetic',
    ]);
    expect(classifyText('quelle est votre origine ethnique').sensitiveCategories).toEqual(['ethnic_origin']);
    expect(classifyText('Je suis diabétique').dataClass).toBe('sensitive');
  });

  it('reads Arabizi terms spelled with digits as whole words', () => {
    expect(classifyText('khoya m7bous f l7bes').sensitiveCategories).toEqual(['criminal_record']);
    expect(classifyText('howa mol7id').sensitiveCategories).toEqual(['religion']);
  });

  it('needs a personal context for topic words', () => {
    expect(classifyText('Les horaires de la prison centrale').dataClass).toBe('public');
    expect(classifyText('Passeport biométrique : demande et renouvellement').dataClass).toBe('public');
    expect(classifyText('Extrait du casier judiciaire (bulletin n° 3)').dataClass).toBe('public');
    expect(classifyText('mon frère est en prison').dataClass).toBe('sensitive');
  });
});
