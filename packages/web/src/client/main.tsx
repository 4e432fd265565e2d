import { render } from 'preact';
import type { LocaleId } from '../i18n/locales.js';
import { App } from './app.js';
import { readBoot } from './boot.js';
import { applyDocumentLocale, loadMessages, makeI18n } from './i18n.js';
import './styles.css';

const boot = readBoot();
const root = document.getElementById('app')!;

async function show(locale: LocaleId): Promise<void> {
  const messages = await loadMessages(locale);
  const i18n = makeI18n(locale, messages);
  applyDocumentLocale(locale, i18n.t('app.title'));
  render(<App i18n={i18n} boot={boot} onLocale={(next) => void show(next)} />, root);
}

void show(boot.locale);
