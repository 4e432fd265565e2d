import { describe, expect, it } from 'vitest';
import { LOCALE_IDS } from '../src/i18n/locales.js';
import en from '../src/messages/en.js';
import { CATALOGS } from '../src/server/i18n.js';

const keys = Object.keys(en).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('exist for every interface language', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LOCALE_IDS].sort());
  });

  for (const id of LOCALE_IDS) {
    describe(id, () => {
      const catalog = CATALOGS[id] as Record<string, string>;
      it('has exactly the keys of the reference catalog', () => {
        expect(Object.keys(catalog).sort()).toEqual(keys);
      });
      it('has no empty message', () => {
        expect(Object.entries(catalog).filter(([, v]) => v.trim() === '')).toEqual([]);
      });
      it('keeps the same placeholders in every message', () => {
        const wrong = keys.filter(
          (k) => placeholders(catalog[k]!).join() !== placeholders((en as Record<string, string>)[k]!).join(),
        );
        expect(wrong).toEqual([]);
      });
    });
  }

  it('writes Arabic and Darija catalogs mostly in Arabic script', () => {
    for (const id of ['ar', 'ary'] as const) {
      const values = Object.values(CATALOGS[id]);
      const arabic = values.filter((v) => /[\u0600-\u06FF]/.test(v)).length;
      expect(arabic / values.length).toBeGreaterThan(0.95);
    }
  });

  it('writes the Tamazight catalog in Tifinagh', () => {
    const values = Object.values(CATALOGS.zgh);
    const tifinagh = values.filter((v) => /[\u2D30-\u2D7F]/.test(v)).length;
    expect(tifinagh / values.length).toBeGreaterThan(0.95);
  });

  it('translates rather than copies the English text', () => {
    for (const id of ['ar', 'ary', 'ary-Latn', 'fr', 'zgh'] as const) {
      const same = keys.filter(
        (k) => (CATALOGS[id] as Record<string, string>)[k] === (en as Record<string, string>)[k],
      );
      // Brand names and cognates (Organisations, Total, Question in French) may legitimately match.
      expect(same.length, `${id}: ${same.join(', ')}`).toBeLessThan(keys.length * 0.1);
    }
  });
});
