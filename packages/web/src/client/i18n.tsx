import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { LOCALES, type LocaleId } from '../i18n/locales.js';
import { createTranslator, type Messages, type Translate } from '../i18n/translate.js';

/** Catalogs load lazily so a phone downloads only the language it shows. */
const loaders: Record<LocaleId, () => Promise<{ default: Messages }>> = {
  ar: () => import('../messages/ar.js'),
  ary: () => import('../messages/ary.js'),
  'ary-Latn': () => import('../messages/ary-latn.js'),
  fr: () => import('../messages/fr.js'),
  zgh: () => import('../messages/zgh.js'),
  en: () => import('../messages/en.js'),
};

export async function loadMessages(locale: LocaleId): Promise<Messages> {
  return (await loaders[locale]()).default;
}

export interface I18n {
  locale: LocaleId;
  t: Translate;
  /** Set when the device has no Tifinagh font (the switcher then adds the Latin name). */
  tifinaghFallback?: boolean;
}

export const I18nContext = createContext<I18n>({ locale: 'en', t: (key) => key });
export const useI18n = () => useContext(I18nContext);

export function makeI18n(locale: LocaleId, messages: Messages): I18n {
  return { locale, t: createTranslator(messages) };
}

/** Applies a locale to the document: lang, dir and the remembered choice (cookie read by the server). */
export function applyDocumentLocale(locale: LocaleId, title: string, langOverride?: string): void {
  const info = LOCALES[locale];
  document.documentElement.lang = langOverride ?? info.lang;
  document.documentElement.dir = info.dir;
  document.title = title;
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, also read by server-rendered pages.
  document.cookie = `khidma_lang=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
