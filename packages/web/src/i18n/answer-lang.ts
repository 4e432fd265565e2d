import type { LocaleId } from './locales.js';

/**
 * The assistant tags answers with language+script codes (ary-Arab, fra-Latn, zgh-Tfng…). For HTML we
 * need the shortest valid BCP 47 tag, and for procedure cards the interface locale whose texts fit best.
 */
const ANSWER: Record<string, { lang: string; locale: LocaleId }> = {
  'ary-Arab': { lang: 'ary', locale: 'ary' },
  ary: { lang: 'ary', locale: 'ary' },
  'ary-Latn': { lang: 'ary-Latn', locale: 'ary-Latn' },
  'arb-Arab': { lang: 'ar', locale: 'ar' },
  ar: { lang: 'ar', locale: 'ar' },
  'fra-Latn': { lang: 'fr', locale: 'fr' },
  fr: { lang: 'fr', locale: 'fr' },
  'eng-Latn': { lang: 'en', locale: 'en' },
  en: { lang: 'en', locale: 'en' },
  'zgh-Tfng': { lang: 'zgh-Tfng', locale: 'zgh' },
  zgh: { lang: 'zgh-Tfng', locale: 'zgh' },
  // No catalog text exists in Latin-script Tamazight: cards fall back to French.
  'zgh-Latn': { lang: 'zgh-Latn', locale: 'fr' },
};

export function htmlLangForAnswer(tag: string | undefined): string | undefined {
  return tag ? (ANSWER[tag]?.lang ?? undefined) : undefined;
}

export function localeForAnswer(tag: string | undefined, fallback: LocaleId): LocaleId {
  return (tag && ANSWER[tag]?.locale) || fallback;
}
