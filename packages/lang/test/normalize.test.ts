import { describe, expect, it } from 'vitest';
import { normalize, tokenize } from '../src/index.js';

describe('normalize for search (default)', () => {
  it('removes Arabic diacritics and tatweel', () => {
    expect(normalize('مُحَمَّدٌ')).toBe('محمد');
    expect(normalize('الســـلام')).toBe('السلام');
  });

  it('folds alef and hamza forms, ى/ي and ة/ه', () => {
    expect(normalize('أحمد إدريس آمنة ٱلله')).toBe('احمد ادريس امنه الله');
    expect(normalize('مؤسسة')).toBe('موسسه');
    expect(normalize('مسائل')).toBe('مسايل');
    expect(normalize('مستشفى')).toBe('مستشفي');
  });

  it('folds the Moroccan letters ڭ گ ݣ to ك and ڤ to ف', () => {
    expect(normalize('ڭال')).toBe(normalize('كال'));
    expect(normalize('گلس')).toBe('كلس');
    expect(normalize('ڤيلا')).toBe('فيلا');
  });

  it('turns Eastern Arabic and Persian digits into ASCII digits', () => {
    expect(normalize('٠٦١٢٣٤٥٦٧٨')).toBe('0612345678');
    expect(normalize('۲۰۲۴')).toBe('2024');
  });

  it('lowercases, strips accents and French elisions', () => {
    expect(normalize("L'Administration Électronique")).toBe('administration electronique');
    expect(normalize('j’ai reçu l’acte d’état civil')).toBe('ai recu acte etat civil');
    expect(normalize("qu'il s'inscrive")).toBe('il inscrive');
  });

  it('collapses letters repeated for emphasis but keeps real doubles', () => {
    expect(normalize('bzzzzaf')).toBe('bzaf');
    expect(normalize('salaaaam')).toBe('salam');
    expect(normalize('bzzaf')).toBe('bzzaf');
    expect(normalize('بزااااف')).toBe('بزاف');
  });

  it('reads Arabizi digits as letters inside words, not in numbers and units', () => {
    expect(normalize('3lach')).toBe('alach');
    expect(normalize('m3a 5dma 7na 9bel')).toBe('maa khdma hna qbel');
    expect(normalize('10h30 2eme 100dh 2024')).toBe('10h30 2eme 100dh 2024');
  });

  it('is idempotent, also when Arabizi digits become letters next to vowels', () => {
    for (const text of ['lmo9ata3a dyal l9a3a', 'waa3ra!', "L'État   مُحَمَّد ٢٠٢٤", 'bzzzaf 3la 7al']) {
      const once = normalize(text);
      expect(normalize(once)).toBe(once);
    }
  });

  it('removes invisible marks and turns NBSP into a space', () => {
    expect(normalize('\ufeffبغيت\u200f\u00a0نعرف\u200d')).toBe('بغيت نعرف');
    expect(normalize('a\u200bb')).toBe('ab');
  });

  it('applies NFC/NFKC so composed and decomposed input agree', () => {
    expect(normalize('e\u0301te\u0301')).toBe(normalize('été'));
    expect(normalize('ﻻ')).toBe('لا');
  });

  it('collapses whitespace and trims', () => {
    expect(normalize('  a \n\t b  ')).toBe('a b');
  });

  it('never throws and returns "" on bad input', () => {
    expect(normalize('')).toBe('');
    expect(normalize(undefined as unknown as string)).toBe('');
    expect(() => normalize('\ud800x\udfff')).not.toThrow();
  });
});

describe('normalize for display', () => {
  it('keeps case, accents and diacritics but removes tatweel and invisible marks', () => {
    expect(normalize('Élève  مُحَمَّد\u200f ـــ', { for: 'display' })).toBe('Élève مُحَمَّد');
  });

  it('keeps line breaks (at most one blank line) and collapses other whitespace', () => {
    expect(normalize('  Salam,\r\n\r\n\r\nbghit   nsowel\n3la  lwra9  ', { for: 'display' })).toBe(
      'Salam,\n\nbghit nsowel\n3la lwra9',
    );
  });

  it('composes to NFC', () => {
    expect(normalize('e\u0301', { for: 'display' })).toBe('é');
  });

  it('repairs Persian yeh and keheh typed on some keyboards', () => {
    expect(normalize('مدرسی کبیرة', { for: 'display' })).toBe('مدرسي كبيرة');
  });

  it('keeps the ZWJ that glues an emoji sequence', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(normalize(family, { for: 'display' })).toBe(family);
  });
});

describe('tokenize', () => {
  it('returns search tokens of mixed Darija, French and Arabic text', () => {
    expect(tokenize("J'ai perdu ma CIN, wach n9der ndir wa7da jdida? شكراً")).toEqual([
      'ai',
      'perdu',
      'ma',
      'cin',
      'wach',
      'nqder',
      'ndir',
      'wahda',
      'jdida',
      'شكرا',
    ]);
  });

  it('gives the same tokens for spelling variants', () => {
    expect(tokenize('البطاقة الوطنية')).toEqual(tokenize('البطاقه الوطنيه'));
    expect(tokenize('Carte Nationale')).toEqual(tokenize('carte nationale'));
  });

  it('returns [] for empty and letterless input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😀 !!')).toEqual([]);
  });
});
