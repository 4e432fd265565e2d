import { describe, expect, it } from 'vitest';
import { detectPii } from '../src/index.js';

function of(type: string, text: string): string[] {
  return detectPii(text)
    .filter((e) => e.type === type)
    .map((e) => e.text);
}

describe('person names', () => {
  it('finds Moroccan names in Latin and Arabic script from the gazetteer', () => {
    expect(of('PERSON', 'Dossier transmis par Mohammed El Idrissi hier.')).toEqual(['Mohammed El Idrissi']);
    expect(of('PERSON', 'Rendez-vous avec Khadija Benjelloun et Hamza Ait Taleb.')).toEqual([
      'Khadija Benjelloun',
      'Hamza Ait Taleb',
    ]);
    expect(of('PERSON', 'راسلنا السيد عبد الرحيم الزروالي أمس')).toEqual(['عبد الرحيم الزروالي']);
    expect(of('PERSON', 'فاطمة الزهراء بناني ستحضر')).toEqual(['فاطمة الزهراء بناني']);
  });

  it('reads vocalised and stretched Arabic names like their bare spelling (harakat and tatweel ignored)', () => {
    expect(of('PERSON', 'اتصل بي مُحَمَّد العلوي غدا')).toEqual(['مُحَمَّد العلوي']);
    expect(of('PERSON', 'موعد مع محـمد العلوي غدا')).toEqual(['محـمد العلوي']);
  });

  it('captures unknown names after an introduction or a title', () => {
    expect(of('PERSON', "Bonjour, je m'appelle Zineb Kharbouch.")).toEqual(['Zineb Kharbouch']);
    expect(of('PERSON', 'salam, smiti reda lmrabet, bghit nsowel')).toEqual(['reda lmrabet']);
    expect(of('PERSON', 'اسمي سلمى الوردي')).toEqual(['سلمى الوردي']);
    expect(of('PERSON', 'Veuillez contacter Mme Ouardighi.')).toEqual(['Ouardighi']);
  });

  it('does not take names that are ordinary words without context', () => {
    expect(of('PERSON', 'Salam, 3andi amal kbir f had lblad')).toEqual([]);
    expect(of('PERSON', 'had lmakla karim bzaf, wallah')).toEqual([]);
    expect(of('PERSON', 'عندي أمل كبير، هذا شيء حسن')).toEqual([]);
    expect(of('PERSON', 'He said the nour lamp was fine')).toEqual([]);
  });

  it('reads form labels as name cues only with their colon, never ordinary uses of the word', () => {
    expect(of('PERSON', 'Nom : Kharbouch\nPrénom : Zineb')).toEqual(['Kharbouch', 'Zineb']);
    expect(of('PERSON', 'الاسم: سلمى الوردي')).toEqual(['سلمى الوردي']);
    expect(of('PERSON', 'الشهادة السلبية (حجز الاسم التجاري)')).toEqual([]);
    expect(of('PERSON', 'نقل البطاقة الرمادية إلى اسم المالك الجديد لدى المركز')).toEqual([]);
  });

  it('does not read names inside Arabizi words spelled with digits', () => {
    expect(of('PERSON', 'kayTll3oha 3lina, w Sara7atan ma3rftch')).toEqual([]);
    expect(of('PERSON', 'Thank you, Mr Bojm3a')).toEqual([]);
  });

  it('takes a greeting as context only before a capitalised name', () => {
    expect(of('PERSON', 'Bonjour Karim, merci pour ton aide')).toEqual(['Karim']);
    expect(of('PERSON', 'salam amal kbir')).toEqual([]);
  });

  it('accepts those names when a cue or another name gives context', () => {
    expect(of('PERSON', 'smiti amal')).toEqual(['amal']);
    expect(of('PERSON', 'M. Karim Tazi a signé')).toEqual(['Karim Tazi']);
    expect(of('PERSON', 'السيدة أمل')).toEqual(['أمل']);
  });
});

describe('addresses', () => {
  it('finds French-style addresses with number, street, district, city and postcode', () => {
    expect(of('ADDRESS', 'Adresse : 12, rue Ibn Batouta, Hay Riad, Rabat 10100. Merci')).toEqual([
      '12, rue Ibn Batouta, Hay Riad, Rabat 10100',
    ]);
    expect(of('ADDRESS', 'Résidence Al Manar, Imm 4, Appt 12, Casablanca')).toEqual([
      'Résidence Al Manar, Imm 4, Appt 12, Casablanca',
    ]);
  });

  it('finds Arabic and Darija addresses', () => {
    expect(of('ADDRESS', 'ساكن في 15 زنقة الياسمين حي السلام فاس')).toEqual([
      '15 زنقة الياسمين حي السلام فاس',
    ]);
    expect(of('ADDRESS', 'كنسكن ف دوار أولاد علي، سطات')).toEqual(['دوار أولاد علي، سطات']);
    expect(of('ADDRESS', 'ana sakn f derb sultan 45 casa')).toEqual(['derb sultan 45 casa']);
  });

  it('ignores keyword-like words without a number, postcode or city', () => {
    expect(of('ADDRESS', 'un lot de produits est arrivé')).toEqual([]);
    expect(of('ADDRESS', 'la place est libre')).toEqual([]);
  });
});
