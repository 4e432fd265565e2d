import { describe, expect, it } from 'vitest';
import { LOCALES, localeForTag, localeFromList, negotiateLocale } from '../src/i18n/locales.js';

describe('interface locales', () => {
  it('sets right-to-left only for Arabic and Darija in Arabic script', () => {
    expect(LOCALES.ar.dir).toBe('rtl');
    expect(LOCALES.ary.dir).toBe('rtl');
    for (const id of ['ary-Latn', 'fr', 'zgh', 'en'] as const) expect(LOCALES[id].dir).toBe('ltr');
  });

  it('declares BCP 47 lang tags, with the script for Darija in Latin and Tamazight in Tifinagh', () => {
    expect(LOCALES['ary-Latn'].lang).toBe('ary-Latn');
    expect(LOCALES.zgh.lang).toBe('zgh-Tfng');
  });

  it('maps Moroccan browser tags to interface languages', () => {
    expect(localeForTag('ar-MA')).toBe('ar');
    expect(localeForTag('fr-MA')).toBe('fr');
    expect(localeForTag('ary')).toBe('ary');
    expect(localeForTag('ary-Latn-MA')).toBe('ary-Latn');
    expect(localeForTag('tzm')).toBe('zgh');
    expect(localeForTag('shi')).toBe('zgh');
    expect(localeForTag('en_GB')).toBe('en');
    expect(localeForTag('de')).toBeUndefined();
  });

  it('honours Accept-Language quality values and order', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(negotiateLocale('en;q=0.5, ar-MA;q=0.9')).toBe('ar');
    expect(negotiateLocale('fr;q=0, en')).toBe('en');
    expect(negotiateLocale('xx, *')).toBe('ar');
    expect(negotiateLocale(undefined, 'fr')).toBe('fr');
  });

  it('takes the first offered language from navigator.languages', () => {
    expect(localeFromList(['es-ES', 'fr-FR', 'en'])).toBe('fr');
  });
});
