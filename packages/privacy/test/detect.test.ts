import { describe, expect, it } from 'vitest';
import { detectPii, type PiiType } from '../src/index.js';
import { rng, validCard, validIban, validIce, validRib } from './fixtures.js';

function found(text: string): [PiiType, string][] {
  return detectPii(text).map((e) => [e.type, e.text]);
}

describe('detectPii — structured Moroccan identifiers', () => {
  it('finds CIN numbers with one or two letters and reports offsets into the original string', () => {
    const text = 'CIN: AB123456 et X123456, la carte JA12345';
    const entities = detectPii(text);
    expect(entities.map((e) => e.text)).toEqual(['AB123456', 'X123456', 'JA12345']);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('finds phones in national and international forms with any separators', () => {
    for (const p of [
      '0661234567',
      '06 61-23 45 67',
      '06.61.23.45.67',
      '+212 6 61 23 45 67',
      '+212661234567',
      '00212 5 22 33 44 55',
      '(+212) 7 01 02 03 04',
    ]) {
      expect(found(`Appelez-moi au ${p} svp`)).toEqual([['PHONE', p]]);
    }
  });

  it('finds numbers of Moroccans abroad by country plan, not any long number after 00', () => {
    expect(found('mon numéro en France: +33 6 12 34 56 78')).toEqual([['PHONE', '+33 6 12 34 56 78']]);
    expect(found('whatsapp 0034612345678')).toEqual([['PHONE', '0034612345678']]);
    expect(found('réf. 001234567000078')).toEqual([]);
  });

  it('normalises Eastern Arabic digits, NBSP and bidi marks without shifting offsets', () => {
    const text = 'رقم الهاتف: \u200f٠٦٦١\u00a0٢٣٤٥٦٧ شكرا';
    const [e] = detectPii(text);
    expect(e?.type).toBe('PHONE');
    expect(text.slice(e!.start, e!.end)).toBe('٠٦٦١\u00a0٢٣٤٥٦٧');
  });

  it('reports RIB, IBAN, ICE and card numbers only when their checksum holds', () => {
    const r = rng(10);
    const rib = validRib(r);
    const iban = validIban(r);
    const ice = validIce(r);
    const card = validCard(r);
    const grouped = iban.replace(/(.{4})/g, '$1 ').trim();
    expect(found(`RIB ${rib}`)).toEqual([['RIB', rib]]);
    expect(found(`IBAN: ${grouped}.`)).toEqual([['IBAN', grouped]]);
    expect(found(`ICE ${ice}`)).toEqual([['ICE', ice]]);
    expect(found(`carte ${card}`)).toEqual([['CARD', card]]);
    const badRib = rib.slice(0, 22) + (rib.slice(22) === '01' ? '02' : '01');
    expect(found(`RIB ${badRib}`)).toEqual([]);
    expect(found(`ICE ${ice.slice(0, 14)}${(Number(ice[14]) + 1) % 10}`)).toEqual([]);
  });

  it('needs context for IF (7-8 digits) and CNSS (9 digits)', () => {
    expect(found('IF: 12345678')).toEqual([['IF', '12345678']]);
    expect(found('identifiant fiscal 1234567')).toEqual([['IF', '1234567']]);
    expect(found('رقم الضمان الاجتماعي 123456789')).toEqual([['CNSS', '123456789']]);
    expect(found('le stock est de 12345678 unités')).toEqual([]);
    expect(found('code 123456789 envoyé')).toEqual([]);
  });

  it('finds passports, Massar codes, plates and trade-register numbers', () => {
    expect(found('passeport AB1234567')).toEqual([['PASSPORT', 'AB1234567']]);
    expect(found('code massar R130245678')).toEqual([['MASSAR', 'R130245678']]);
    expect(found('voiture 12345-أ-6 garée')).toEqual([['PLATE', '12345-أ-6']]);
    expect(found('plaque 4567 | B | 26')).toEqual([['PLATE', '4567 | B | 26']]);
    expect(found('immatriculation WW 123456')).toEqual([['PLATE', 'WW 123456']]);
    expect(found('Société X, RC Casablanca 123456.')).toEqual([['RC', 'Casablanca 123456']]);
    expect(found('السجل التجاري رقم 45678 الرباط')).toEqual([['RC', '45678 الرباط']]);
  });

  it('finds e-mails, IPv4 and IPv6 addresses', () => {
    expect(found('écrivez à said.bennani+rdv@gov.ma.')).toEqual([['EMAIL', 'said.bennani+rdv@gov.ma']]);
    expect(found('depuis 10.0.12.254 hier')).toEqual([['IP', '10.0.12.254']]);
    expect(found('ip 2001:db8::8a2e:370:7334 ok')).toEqual([['IP', '2001:db8::8a2e:370:7334']]);
  });

  it('reports a date of birth only after a birth cue', () => {
    expect(found('Née le 03/04/1990 à Fès')).toEqual([['DATE_OF_BIRTH', '03/04/1990']]);
    expect(found('تاريخ الازدياد: 1988-11-02')).toEqual([['DATE_OF_BIRTH', '1988-11-02']]);
    expect(found('date de naissance : 12 mars 1985')).toEqual([['DATE_OF_BIRTH', '12 mars 1985']]);
    expect(found('rendez-vous le 05/06/2024 à 10h')).toEqual([]);
  });
});

describe('detectPii — hard negatives', () => {
  it('ignores tracking numbers, order numbers, product codes and amounts', () => {
    expect(found('Colis n° 123456789012345678901235 en transit')).toEqual([]);
    expect(found('Commande 123456789012346 expédiée')).toEqual([]);
    expect(found('Référence produit AB1234 en stock')).toEqual([]);
    expect(found('Le budget est de 1 500 000 MAD')).toEqual([]);
    expect(found('ref AB123456 du catalogue')).toEqual([]);
  });
});
