import { DEFAULT_LOCALE, isLocaleId, type LocaleId, localeFromList } from '../i18n/locales.js';

/** Facts the privacy notice states, provided by the server from its live configuration. */
export interface PrivacyFacts {
  retentionDays: number;
  providers: { id: string; location: string; dataClasses: string[] }[];
  /** Who is responsible for the processing (Loi 09-08 art. 5), e.g. the ministry running the instance. */
  controller?: string;
  /** How to reach the controller: e-mail, phone or postal address. */
  contact?: string;
}

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
