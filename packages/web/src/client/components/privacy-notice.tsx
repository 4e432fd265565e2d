import { LOCALES } from '../../i18n/locales.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { PrivacyFacts } from '../../shared/privacy-facts.js';
import { useI18n } from '../i18n.js';

const CLASS_KEYS: Record<string, MessageKey> = {
  public: 'dataClass.public',
  internal: 'dataClass.internal',
  personal: 'dataClass.personal',
  sensitive: 'dataClass.sensitive',
};

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, 'fr'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}$/;

/** The controller's contact as configured: an e-mail address becomes a mailto link, anything else text. */
function Contact({ text }: { text: string }) {
  return EMAIL.test(text) ? (
    <bdi dir="ltr">
      <a href={`mailto:${text}`}>{text}</a>
    </bdi>
  ) : (
    <bdi dir="auto">{text}</bdi>
  );
}

/** The Loi 09-08 information notice (art. 5): what, how long, to whom, and the person's rights. */
export function PrivacyNotice({ facts }: { facts: PrivacyFacts }) {
  const { t, locale } = useI18n();
  const lang = LOCALES[locale].lang;
  return (
    <section id="privacy" class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacy.title')}</h2>
      <dl>
        {facts.controller && (
          <>
            <dt>{t('privacy.controllerTitle')}</dt>
            <dd dir="auto">{facts.controller}</dd>
          </>
        )}
        <dt>{t('privacy.storedTitle')}</dt>
        <dd>{t('privacy.stored')}</dd>
        <dt>{t('privacy.retentionTitle')}</dt>
        <dd>{t('privacy.retention', { days: facts.retentionDays })}</dd>
        <dt>{t('privacy.providersTitle')}</dt>
        <dd>
          <p>{t('privacy.providers')}</p>
          {facts.providers.length > 0 && (
            <ul>
              {facts.providers.map((p) => (
                <li key={p.id}>
                  <bdi dir="ltr">{p.id}</bdi> — {countryName(p.location, lang)}:{' '}
                  {p.dataClasses.map((c) => (CLASS_KEYS[c] ? t(CLASS_KEYS[c]) : c)).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('privacy.rightsTitle')}</dt>
        <dd>
          {t('privacy.rights')}{' '}
          <a href="https://www.cndp.ma" rel="noopener noreferrer">
            {t('privacy.cndp')}
          </a>
          {facts.contact && (
            <>
              {' '}
              {t('privacy.contact')} <Contact text={facts.contact} />
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
