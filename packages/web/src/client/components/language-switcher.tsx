import { LOCALE_IDS, LOCALES, type LocaleId } from '../../i18n/locales.js';
import { useI18n } from '../i18n.js';

export function LanguageSwitcher({ onChange }: { onChange: (locale: LocaleId) => void }) {
  const { t, locale, tifinaghFallback } = useI18n();
  return (
    <div class="lang-switch">
      <label for="lang-select">{t('lang.label')}</label>
      <select id="lang-select" value={locale} onChange={(e) => onChange(e.currentTarget.value as LocaleId)}>
        {LOCALE_IDS.map((id) => (
          <option key={id} value={id} lang={LOCALES[id].lang} dir={LOCALES[id].dir}>
            {id === 'zgh' && tifinaghFallback ? `${LOCALES[id].autonym} · Tamaziɣt` : LOCALES[id].autonym}
          </option>
        ))}
      </select>
    </div>
  );
}
