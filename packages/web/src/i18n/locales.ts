/**
 * The interface languages of Khidma. `id` names the message catalog; `lang` is the BCP 47 tag written
 * into `<html lang>` (so screen readers and fonts pick the right voice and glyphs); `dir` the base
 * direction. Darija in Arabic script and MSA are right-to-left; Arabizi, French, Tifinagh and English
 * are left-to-right.
 */
export const LOCALE_IDS = ['ar', 'ary', 'ary-Latn', 'fr', 'zgh', 'en'] as const;
export type LocaleId = (typeof LOCALE_IDS)[number];

export interface LocaleInfo {
  id: LocaleId;
  lang: string;
  dir: 'rtl' | 'ltr';
  /** The language's own name, shown in the switcher whatever the interface language is. */
  autonym: string;
}

export const LOCALES: Record<LocaleId, LocaleInfo> = {
  ar: { id: 'ar', lang: 'ar', dir: 'rtl', autonym: 'العربية' },
  ary: { id: 'ary', lang: 'ary', dir: 'rtl', autonym: 'الدارجة' },
  'ary-Latn': { id: 'ary-Latn', lang: 'ary-Latn', dir: 'ltr', autonym: 'Darija (Latin)' },
  fr: { id: 'fr', lang: 'fr', dir: 'ltr', autonym: 'Français' },
  zgh: { id: 'zgh', lang: 'zgh-Tfng', dir: 'ltr', autonym: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' },
  en: { id: 'en', lang: 'en', dir: 'ltr', autonym: 'English' },
};

export const DEFAULT_LOCALE: LocaleId = 'ar';

export function isLocaleId(value: unknown): value is LocaleId {
  return typeof value === 'string' && (LOCALE_IDS as readonly string[]).includes(value);
}

/**
 * Maps one BCP 47 tag from a browser (Accept-Language or navigator.languages) to an interface locale.
 * Moroccan browsers send ar-MA, fr-MA, ber/tzm/shi/rif for Amazigh variants; Darija has no common
 * browser tag besides `ary`. Returns undefined for languages we do not offer.
 */
export function localeForTag(tag: string): LocaleId | undefined {
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const primary = parts[0] ?? '';
  const hasLatin = parts.includes('latn');
  switch (primary) {
    case 'ary':
      return hasLatin ? 'ary-Latn' : 'ary';
    case 'ar':
    case 'arb':
      return 'ar';
    case 'zgh':
    case 'tzm':
    case 'ber':
    case 'shi':
    case 'rif':
    case 'kab':
      return 'zgh';
    case 'fr':
      return 'fr';
    case 'en':
      return 'en';
    default:
      return undefined;
  }
}

/** Picks the best locale from an Accept-Language header, honouring q-values (RFC 9110 §12.5.4). */
export function negotiateLocale(
  header: string | undefined | null,
  fallback: LocaleId = DEFAULT_LOCALE,
): LocaleId {
  if (!header) return fallback;
  const ranked = header
    .slice(0, 512)
    .split(',')
    .slice(0, 20)
    .map((item, index) => {
      const [tag = '', ...params] = item.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && entry.tag !== '*')
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    const locale = localeForTag(entry.tag);
    if (locale) return locale;
  }
  return fallback;
}

/** The first browser language (navigator.languages order) we offer. */
export function localeFromList(tags: readonly string[], fallback: LocaleId = DEFAULT_LOCALE): LocaleId {
  for (const tag of tags) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return fallback;
}
