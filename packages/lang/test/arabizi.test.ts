import { describe, expect, it } from 'vitest';
import { arabicToArabizi, arabiziCandidates, arabiziToArabic } from '../src/index.js';

describe('arabiziToArabic', () => {
  it('writes frequent Darija words as Moroccans spell them in Arabic script', () => {
    expect(arabiziToArabic('bghit')).toBe('بغيت');
    expect(arabiziToArabic('khassni')).toBe('خاصني');
    expect(arabiziToArabic('wach')).toBe('واش');
    expect(arabiziToArabic('dyal')).toBe('ديال');
    expect(arabiziToArabic('bzaf')).toBe('بزاف');
  });

  it('treats spelling variants of a lexicon word alike (digits, ch/sh, doubled letters)', () => {
    for (const v of ['khassni', '5assni', 'khasni', 'khessni']) expect(arabiziToArabic(v)).toBe('خاصني');
    for (const v of ['chno', 'chnou', 'shno']) expect(arabiziToArabic(v)).toBe('شنو');
  });

  it('applies letter rules to unknown words: 3=ع 7=ح 9=ق gh=غ kh=خ ch=ش and final -a as ة on nouns', () => {
    expect(arabiziToArabic('m3za')).toBe('معزة');
    expect(arabiziToArabic('7out')).toBe('حوت');
    expect(arabiziToArabic('9lb')).toBe('قلب');
    expect(arabiziToArabic('ghzal')).toBe('غزال');
    expect(arabiziToArabic('khdma')).toBe('خدمة');
  });

  it('reads capitals inside a word as emphatics (T=ط S=ص D=ض)', () => {
    expect(arabiziToArabic('nachaT')).toBe('نشاط');
    expect(arabiziToArabic('mriD')).toBe('مريض');
  });

  it('reads an initial geminate as the assimilated article', () => {
    expect(arabiziToArabic('ddar')).toBe('الدار');
  });

  it('transliterates a sentence word by word and keeps punctuation and numbers', () => {
    expect(arabiziToArabic('salam, bghit 2 wra9i!')).toMatch(/^سلام, بغيت 2 [^a-z]+!$/);
    expect(arabiziToArabic('wach khassni n3mer le formulaire?')).toMatch(/^واش خاصني نعمر [^a-z]+\?$/);
  });

  it('never throws on bad input', () => {
    expect(arabiziToArabic('')).toBe('');
    expect(arabiziToArabic(null as unknown as string)).toBe('');
    expect(() => arabiziToArabic('\ud800abc😀')).not.toThrow();
  });
});

describe('arabiziToArabic spelling rules', () => {
  it("seats the hamza (written 2) by its vowels: fā'il, a before hamza, final hamza", () => {
    expect(arabiziToArabic('sa2il')).toBe('سائل');
    expect(arabiziToArabic('da2ira')).toBe('دائرة');
    expect(arabiziToArabic('mas2ala')).toBe('مسألة');
    expect(arabiziToArabic('sama2')).toBe('سماء');
  });

  it('keeps the short vowels of mu- participles unwritten', () => {
    expect(arabiziToArabic('mo3allim')).toBe('معلم');
    expect(arabiziToArabic('mohandis')).toBe('مهندس');
    expect(arabiziToArabic('moslim')).toBe('مسلم');
  });

  it('reads e/a + geminate as the article and French ou + vowel as w', () => {
    expect(arabiziToArabic('ezzit')).toBe('الزيت');
    expect(arabiziToArabic('errachidia')).toBe('الرشيدية');
    expect(arabiziToArabic('ouarzazat')).toMatch(/^وار/);
  });

  it('offers both the plain and the emphatic reading of a sentence-initial capital', () => {
    expect(arabiziCandidates('Sbah', { sentenceInitial: true })[0]).toBe('صباح');
    const c = arabiziCandidates('Sbah', { sentenceInitial: true });
    expect(c.some((x) => x.startsWith('س'))).toBe(true);
  });

  it('writes form VII/VIII/X verbal nouns with a plain alef and form IV ones with hamza', () => {
    expect(arabiziToArabic('imti7an')).toBe('امتحان');
    expect(arabiziToArabic('intikhabat')).toBe('انتخابات');
    expect(arabiziToArabic('i7sas')).toBe('إحساس');
  });

  it('joins a detached article to its noun and splits typed-together numbers 21–99', () => {
    expect(arabiziToArabic('bghit nmchi el jadida')).toBe('بغيت نمشي الجديدة');
    expect(arabiziToArabic('khmsawts3in')).toBe('خمسة و تسعين');
  });

  it('reads an initial aa before a consonant as ع', () => {
    expect(arabiziToArabic('aamid')).toBe('عميد');
  });

  it('reads a first capital as emphatic when the text uses capitals for emphatics elsewhere', () => {
    expect(arabiziToArabic('Sdi9i mriD')).toBe('صديقي مريض');
  });

  it("leaves the short i of fi'āla nouns unwritten but keeps a long one before a final -a", () => {
    expect(arabiziToArabic('dirasa')).toBe('دراسة');
    expect(arabiziToArabic('7imaya')).toBe('حماية');
    expect(arabiziToArabic('dima')).toBe('ديما');
  });

  it('spells verb forms: negation ma-…-ch, future gha-, object pronouns -ha/-hom after t', () => {
    expect(arabiziToArabic('mabghitch')).toBe('مابغيتش');
    expect(arabiziToArabic('ghanmchiw')).toBe('غانمشيو');
    expect(arabiziToArabic('derthom')).toBe('درتهم');
    expect(arabiziToArabic('ktbnaha')).toBe('كتبناها');
  });

  it('writes the final pronoun -ih/-ouh as ه', () => {
    expect(arabiziToArabic('chafouh').endsWith('ه')).toBe(true);
  });
});

describe('arabiziCandidates', () => {
  it('ranks the lexicon spelling first and offers alternatives for ambiguous words', () => {
    const c = arabiziCandidates('daba');
    expect(c[0]).toBe('دابا');
    expect(c.length).toBeGreaterThan(1);
  });

  it('offers both ه and ح for an h written without digits', () => {
    const c = arabiziCandidates('hmar');
    expect(c).toContain('حمار');
    expect(c).toContain('همار');
  });

  it('returns no more than eight unique candidates', () => {
    const c = arabiziCandidates('tomobil');
    expect(c.length).toBeLessThanOrEqual(8);
    expect(new Set(c).size).toBe(c.length);
  });

  it('returns [] for numbers, Arabic script and empty input', () => {
    expect(arabiziCandidates('2024')).toEqual([]);
    expect(arabiziCandidates('بغيت')).toEqual([]);
    expect(arabiziCandidates('')).toEqual([]);
  });
});

describe('arabicToArabizi', () => {
  it('uses chat conventions: ع=3 ح=7 ق=9 خ=kh غ=gh ش=ch', () => {
    expect(arabicToArabizi('عقد')).toBe('39d');
    expect(arabicToArabizi('حوت')).toBe('7out');
    expect(arabicToArabizi('خروف')).toBe('khrouf');
    expect(arabicToArabizi('غزال')).toBe('ghzal');
  });

  it('prefers the usual spelling of lexicon words', () => {
    expect(arabicToArabizi('بغيت نعرف شنو خاصني')).toBe('bghit n3rf chno khassni');
  });

  it('assimilates the article before sun letters', () => {
    expect(arabicToArabizi('الشمس')).toBe('chchms');
    expect(arabicToArabizi('القمر')).toBe('l9mr');
  });

  it('converts Arabic punctuation and digits', () => {
    expect(arabicToArabizi('واش كاين؟ ٢٠٢٤، صافي')).toBe('wach kayn? 2024, safi');
  });

  it('never throws on bad input', () => {
    expect(arabicToArabizi('')).toBe('');
    expect(arabicToArabizi(undefined as unknown as string)).toBe('');
  });
});

describe('Darija vocabulary', () => {
  it('knows everyday words by theme (food, family, city, school)', () => {
    expect(arabiziToArabic('khobz')).toBe('خبز');
    expect(arabiziToArabic('khalti')).toBe('خالتي');
    expect(arabiziToArabic('zen9a')).toBe('زنقة');
    expect(arabiziToArabic('lmo9ata3a')).toBe('المقاطعة');
    expect(arabiziToArabic('mo9ata3a')).toBe('مقاطعة');
  });

  it('prefers a candidate that is a known Arabic-script word', () => {
    expect(arabiziCandidates('mdrasa')[0]).toBe('مدرسة');
  });
});

describe('long vowels written in Arabizi', () => {
  it('keeps ou and a final-syllable i as long vowels even when a shorter word exists', () => {
    expect(arabiziCandidates('janoub')[0]).toBe('جنوب');
    expect(arabiziCandidates('fa9ir')[0]).toBe('فقير');
    expect(arabiziCandidates('ch3ir')[0]).toBe('شعير');
  });

  it('drops short vowels in closed syllables', () => {
    expect(arabiziCandidates('7imla')[0]).toBe('حملة');
  });
});
