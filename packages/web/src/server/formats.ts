import type { LocaleId } from '../i18n/locales.js';

/** Intl locales for numbers and dates; Moroccan conventions (Latin digits in ar-MA). */
const INTL_LOCALE: Record<LocaleId, string[]> = {
  ar: ['ar-MA', 'ar'],
  ary: ['ar-MA', 'ar'],
  'ary-Latn': ['fr-MA', 'fr'],
  fr: ['fr-MA', 'fr'],
  zgh: ['zgh-MA', 'fr-MA', 'fr'],
  en: ['en-MA', 'en'],
};

export function formatMad(amount: number, locale: LocaleId, digits = 2): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency: 'MAD',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(amount);
}

export function formatNumber(value: number, locale: LocaleId, maxDigits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: maxDigits }).format(value);
}

export function formatDate(
  value: string | Date | null | undefined,
  locale: LocaleId,
  withTime = false,
): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: withTime ? 'short' : 'long',
    timeStyle: withTime ? 'short' : undefined,
    timeZone: 'Africa/Casablanca',
  }).format(date);
}
