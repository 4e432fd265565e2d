import { LOCALE_IDS, LOCALES, type LocaleId } from '../i18n/locales.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { html, type SafeHtml } from './html.js';

export interface PageAssets {
  stylesheet: string | null;
  adminScript: string | null;
}

export interface PageInput {
  locale: LocaleId;
  t: Translate;
  title: string;
  body: SafeHtml;
  assets: PageAssets;
  variant: 'citizen' | 'admin';
  /** Path and query of this page, to build the language links that keep the other parameters. */
  url: string;
  /** Href of the current navigation entry. */
  current?: string;
  /** Extra header content, e.g. the admin's identity and sign-out form. */
  headerExtra?: SafeHtml;
  nav?: boolean;
}

const CITIZEN_NAV: [string, MessageKey][] = [
  ['/', 'nav.chat'],
  ['/procedures', 'nav.procedures'],
  ['/#privacy', 'nav.privacy'],
];

const ADMIN_NAV: [string, MessageKey][] = [
  ['/admin/orgs', 'admin.nav.orgs'],
  ['/admin/providers', 'admin.nav.providers'],
  ['/admin/usage', 'admin.nav.usage'],
  ['/admin/audit', 'admin.nav.audit'],
  ['/admin/privacy', 'admin.nav.privacy'],
  ['/admin/quality', 'admin.nav.quality'],
];

function languageLinks(url: string, locale: LocaleId, t: Translate): SafeHtml {
  const parsed = new URL(url, 'http://local');
  return html`<nav aria-label="${t('lang.label')}"><ul class="lang-links">${LOCALE_IDS.map((id) => {
    parsed.searchParams.set('lang', id);
    const info = LOCALES[id];
    return html`<li><a href="${parsed.pathname}${parsed.search}" lang="${info.lang}" hreflang="${info.lang}" dir="${info.dir}"${
      id === locale ? html` aria-current="true"` : ''
    }>${info.autonym}</a></li>`;
  })}</ul></nav>`;
}

/** The document around every server-rendered page: lang/dir, stylesheet, header, navigation. */
export function renderPage(input: PageInput): string {
  const { locale, t } = input;
  const info = LOCALES[locale];
  const nav = input.variant === 'admin' ? ADMIN_NAV : CITIZEN_NAV;
  const showNav = input.nav ?? true;
  const doc = html`<!doctype html>
<html lang="${info.lang}" dir="${info.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${input.title} · ${t('app.name')}</title>
${input.assets.stylesheet ? html`<link rel="stylesheet" href="${input.assets.stylesheet}">` : ''}
${input.variant === 'admin' && input.assets.adminScript ? html`<script type="module" src="${input.assets.adminScript}"></script>` : ''}
</head>
<body class="${input.variant}">
<a class="skip" href="#main">${t('skip.toMain')}</a>
<header class="site-header">
<div class="brand"><span class="logo" aria-hidden="true">خ</span><div><p class="name">${
    input.variant === 'admin' ? t('admin.title') : t('app.name')
  }</p><p class="tagline">${input.variant === 'admin' ? t('app.name') : t('app.tagline')}</p></div></div>
${languageLinks(input.url, locale, t)}
${input.headerExtra ?? ''}
</header>
${
  showNav
    ? html`<nav class="site-nav" aria-label="${t('nav.label')}">${nav.map(
        ([href, key]) =>
          html`<a href="${href}"${input.current === href ? html` aria-current="page"` : ''}>${t(key)}</a>`,
      )}</nav>`
    : ''
}
<main id="main" tabindex="-1">
${input.body}
</main>
${input.variant === 'citizen' ? html`<footer class="site-footer"><p>${t('footer.disclaimer')}</p></footer>` : ''}
</body>
</html>`;
  return doc.value;
}
