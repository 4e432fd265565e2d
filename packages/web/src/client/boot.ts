import { DEFAULT_LOCALE, isLocaleId, type LocaleId, localeFromList } from '../i18n/locales.js';
import type { PrivacyFacts } from '../shared/privacy-facts.js';

export interface Boot {
  locale: LocaleId;
  privacy: PrivacyFacts;
}

/** Reads the JSON the server embeds in the page (a data block, never executed). */
export function readBoot(): Boot {
  let parsed: Partial<Boot> = {};
  try {
    parsed = JSON.parse(document.getElementById('khidma-boot')?.textContent ?? '{}') as Partial<Boot>;
  } catch {
    parsed = {};
  }
  const locale = isLocaleId(parsed.locale)
    ? parsed.locale
    : localeFromList(navigator.languages, DEFAULT_LOCALE);
  return {
    locale,
    privacy: parsed.privacy ?? { retentionDays: 90, providers: [] },
  };
}
