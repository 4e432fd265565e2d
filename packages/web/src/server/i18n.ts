import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, isLocaleId, LOCALES, type LocaleId, negotiateLocale } from '../i18n/locales.js';
import { createTranslator, type Messages, type Translate } from '../i18n/translate.js';
import ar from '../messages/ar.js';
import ary from '../messages/ary.js';
import aryLatn from '../messages/ary-latn.js';
import en from '../messages/en.js';
import fr from '../messages/fr.js';
import zgh from '../messages/zgh.js';
import { parseCookies, serializeCookie } from './cookies.js';

export const CATALOGS: Record<LocaleId, Messages> = { ar, ary, 'ary-Latn': aryLatn, fr, zgh, en };
export const LANG_COOKIE = 'khidma_lang';

const translators = Object.fromEntries(
  Object.entries(CATALOGS).map(([id, messages]) => [id, createTranslator(messages)]),
) as Record<LocaleId, Translate>;

export function translatorFor(locale: LocaleId): Translate {
  return translators[locale];
}

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
}

/** `?lang=` (a shared link), then the remembered choice, then the browser's Accept-Language. */
export function requestLocale(request: RequestLike): { locale: LocaleId; fromQuery: boolean } {
  const query = request.query as Record<string, unknown> | undefined;
  if (isLocaleId(query?.lang)) return { locale: query.lang, fromQuery: true };
  const cookie = parseCookies(request.headers.cookie)[LANG_COOKIE];
  if (isLocaleId(cookie)) return { locale: cookie, fromQuery: false };
  const accept = request.headers['accept-language'];
  return {
    locale: negotiateLocale(Array.isArray(accept) ? accept[0] : accept, DEFAULT_LOCALE),
    fromQuery: false,
  };
}

/** Languages of knowledge-base texts (LocalizedText keys) and their HTML attributes. */
const TEXT_LANG_ATTRS: Record<string, { lang: string; dir: 'rtl' | 'ltr' }> = {
  fr: { lang: 'fr', dir: 'ltr' },
  ar: { lang: 'ar', dir: 'rtl' },
  ary: { lang: 'ary', dir: 'rtl' },
  zgh: { lang: 'zgh-Tfng', dir: 'ltr' },
  en: { lang: 'en', dir: 'ltr' },
};

/** Which text language to show for each interface locale, best first. */
const TEXT_PREFERENCE: Record<LocaleId, string[]> = {
  ar: ['ar', 'ary', 'fr', 'en', 'zgh'],
  ary: ['ary', 'ar', 'fr', 'en', 'zgh'],
  'ary-Latn': ['fr', 'ary', 'ar', 'en', 'zgh'],
  fr: ['fr', 'en', 'ar', 'ary', 'zgh'],
  zgh: ['zgh', 'fr', 'ar', 'en', 'ary'],
  en: ['en', 'fr', 'ar', 'ary', 'zgh'],
};

export interface PickedText {
  text: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  /** True when the text is not in the interface language (shown with its own lang/dir). */
  fallback: boolean;
}

export function pickText(
  value: Partial<Record<string, string>> | undefined,
  locale: LocaleId,
): PickedText | undefined {
  if (!value) return undefined;
  const own = LOCALES[locale].lang;
  for (const key of TEXT_PREFERENCE[locale]) {
    const text = value[key];
    if (text && text.trim() !== '') {
      const attrs = TEXT_LANG_ATTRS[key]!;
      return { text, ...attrs, fallback: attrs.lang !== own };
    }
  }
  return undefined;
}

/** The request's locale; a language chosen through `?lang=` is remembered for the next pages. */
export function rememberLocale(request: FastifyRequest, reply: FastifyReply): LocaleId {
  const { locale, fromQuery } = requestLocale(request);
  if (fromQuery)
    reply.header(
      'set-cookie',
      serializeCookie(LANG_COOKIE, locale, { maxAgeSeconds: 31_536_000, sameSite: 'Lax' }),
    );
  reply.header('vary', 'Accept-Language, Cookie');
  return locale;
}
