import type { LocaleId } from '../i18n/locales.js';
import type { Boot } from './boot.js';
import { Chat } from './components/chat.js';
import { LanguageSwitcher } from './components/language-switcher.js';
import { PrivacyNotice } from './components/privacy-notice.js';
import { type I18n, I18nContext } from './i18n.js';

export function App({ i18n, boot, onLocale }: { i18n: I18n; boot: Boot; onLocale: (l: LocaleId) => void }) {
  const { t } = i18n;
  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip" href="#main">
        {t('skip.toMain')}
      </a>
      <header class="site-header">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            خ
          </span>
          <div>
            <p class="name">{t('app.name')}</p>
            <p class="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <LanguageSwitcher onChange={onLocale} />
      </header>
      <nav class="site-nav" aria-label={t('nav.label')}>
        <a href="/" aria-current="page">
          {t('nav.chat')}
        </a>
        <a href="/procedures">{t('nav.procedures')}</a>
        <a href="#privacy">{t('nav.privacy')}</a>
      </nav>
      <main id="main" tabIndex={-1}>
        <h1 id="page-title">{t('chat.title')}</h1>
        <Chat />
        <PrivacyNotice facts={boot.privacy} />
      </main>
      <footer class="site-footer">
        <p>{t('footer.disclaimer')}</p>
      </footer>
    </I18nContext.Provider>
  );
}
