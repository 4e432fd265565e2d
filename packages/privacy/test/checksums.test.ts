import { describe, expect, it } from 'vitest';
import { isValidCard, isValidIce, isValidMoroccanIban, isValidRib, luhnValid, ribKey } from '../src/index.js';
import { rng, validCard, validIban, validIce, validRib } from './fixtures.js';

describe('checksums', () => {
  it('computes the RIB key as 97 - ((first 22 digits x 100) mod 97)', () => {
    const first = '0117800000123456789012';
    const key = 97 - Number((BigInt(first) * 100n) % 97n);
    expect(ribKey(first)).toBe(key.toString().padStart(2, '0'));
    expect(isValidRib(first + ribKey(first))).toBe(true);
  });

  it('rejects a RIB whose key is off by one', () => {
    const rib = validRib(rng(1));
    const wrong = rib.slice(0, 22) + ((Number(rib.slice(22)) % 97) + 1).toString().padStart(2, '0');
    expect(isValidRib(wrong)).toBe(false);
  });

  it('validates Moroccan IBANs with ISO 13616 mod 97 and the RIB key inside', () => {
    const r = rng(2);
    for (let i = 0; i < 50; i++) expect(isValidMoroccanIban(validIban(r))).toBe(true);
    const iban = validIban(r);
    expect(isValidMoroccanIban(`${iban.slice(0, 2)}00${iban.slice(4)}`)).toBe(false);
  });

  it('accepts ICE numbers divisible by 97 and nothing else', () => {
    const r = rng(3);
    const ice = validIce(r);
    expect(isValidIce(ice)).toBe(true);
    expect(isValidIce(`${ice.slice(0, 14)}${(Number(ice[14]) + 1) % 10}`)).toBe(false);
  });

  it('checks payment cards with Luhn and a network prefix', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(isValidCard('4111111111111111')).toBe(true);
    expect(isValidCard('4111111111111112')).toBe(false);
    expect(isValidCard(validCard(rng(4), '53'))).toBe(true);
    expect(isValidCard('9111111111111111')).toBe(false);
  });
});
