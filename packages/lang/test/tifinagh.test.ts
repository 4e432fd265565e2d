import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { latinToTifinagh, tifinaghToLatin } from '../src/index.js';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const TSV = `${DATA}tifinagh/ircam_tifinagh_latin.tsv`;
const UDHR = `${DATA}udhr/zgh.txt`;

describe('tifinaghToLatin / latinToTifinagh (IRCAM)', () => {
  it('transcribes the IRCAM letters with their standard Latin values', () => {
    expect(tifinaghToLatin('ⵖ ⵛ ⵊ ⵄ ⵃ ⵚ ⵟ ⴹ ⵕ ⵥ ⵅ ⵇ ⴻ')).toBe('ɣ c j ɛ ḥ ṣ ṭ ḍ ṛ ẓ x q e');
    expect(tifinaghToLatin('ⵜⴰⵎⴰⵣⵉⵖⵜ')).toBe('tamaziɣt');
    expect(tifinaghToLatin('ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ')).toBe('azul fllawn');
  });

  it('writes the labialised ⴳⵯ and ⴽⵯ as gʷ and kʷ and back', () => {
    expect(tifinaghToLatin('ⴰⴳⵯⵎⴰⵔ ⴰⴽⵯⵍⴰ')).toBe('agʷmar akʷla');
    expect(latinToTifinagh('agʷmar akʷla')).toBe('ⴰⴳⵯⵎⴰⵔ ⴰⴽⵯⵍⴰ');
  });

  it('round-trips authored Tifinagh text losslessly, punctuation and digits included', () => {
    const text = 'ⴰⵣⵓⵍ! ⵔⵉⵖ ⴰⴷ ⵙⵙⵏⵖ ⵎⴰⵏⵉ ⵖ ⵜⵍⵍⴰ ⵜⵏⴱⴰⴹⵜ, ⴰⵙⴳⴳⵯⴰⵙ 2975: ⵜⴰⵏⵎⵎⵉⵔⵜ ⵏⵏⴽ.';
    expect(latinToTifinagh(tifinaghToLatin(text))).toBe(text);
  });

  it('accepts capitals, decomposed dots and ε for ɛ in Latin input', () => {
    expect(latinToTifinagh('Tamaziɣt')).toBe('ⵜⴰⵎⴰⵣⵉⵖⵜ');
    expect(latinToTifinagh('ad\u0323')).toBe('ⴰⴹ');
    expect(latinToTifinagh('εli')).toBe('ⵄⵍⵉ');
  });

  it('reads informal phone spellings only when asked', () => {
    expect(latinToTifinagh('tamazight', { scheme: 'informal' })).toBe('ⵜⴰⵎⴰⵣⵉⵖⵜ');
    expect(latinToTifinagh('akhbar chwiya', { scheme: 'informal' })).toBe('ⴰⵅⴱⴰⵔ ⵛⵡⵉⵢⴰ');
    expect(latinToTifinagh('tamazight')).toBe('ⵜⴰⵎⴰⵣⵉⴳⵀⵜ');
  });

  it('passes other characters through and never throws', () => {
    expect(tifinaghToLatin('abc 123 😀')).toBe('abc 123 😀');
    expect(tifinaghToLatin('')).toBe('');
    expect(latinToTifinagh(undefined as unknown as string)).toBe('');
  });

  it.skipIf(!existsSync(TSV))('matches every row of the IRCAM table in ../shared/data', () => {
    const rows = readFileSync(TSV, 'utf8').split('\n').slice(1);
    let checked = 0;
    for (const row of rows) {
      const [tfng, , , latin] = row.split('\t');
      if (!tfng || !latin) continue;
      expect(tifinaghToLatin(tfng)).toBe(latin);
      expect(latinToTifinagh(latin)).toBe(tfng);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(33);
  });

  it.skipIf(!existsSync(UDHR))('round-trips the whole UDHR in Standard Moroccan Tamazight losslessly', () => {
    const lines = readFileSync(UDHR, 'utf8')
      .split('\n')
      .filter((l) => /[\u2d30-\u2d7f]/.test(l));
    expect(lines.length).toBeGreaterThan(80);
    for (const line of lines) expect(latinToTifinagh(tifinaghToLatin(line))).toBe(line);
  });
});

if (!existsSync(UDHR)) console.info(`tifinagh.test: ${UDHR} absent, UDHR round trip skipped`);
