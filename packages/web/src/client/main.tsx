import { render } from 'preact';
import type { LocaleId } from '../i18n/locales.js';
import { App } from './app.js';
import { readBoot } from './boot.js';
import { applyDocumentLocale, loadMessages, makeI18n } from './i18n.js';
import { canRenderTifinagh, latinTamazight } from './lib/tifinagh-fallback.js';
import './styles.css';

const boot = readBoot();
const root = document.getElementById('app')!;

let tifinagh: boolean | undefined;

async function show(locale: LocaleId): Promise<void> {
  let messages = await loadMessages(locale);
  // Graceful fallback: without a Tifinagh font, Tamazight is shown in IRCAM Latin script.
  tifinagh ??= locale === 'zgh' ? canRenderTifinagh() : undefined;
  const latin = locale === 'zgh' && tifinagh === false;
  if (latin) messages = await latinTamazight(messages);
  const i18n = { ...makeI18n(locale, messages), tifinaghFallback: tifinagh === false };
  applyDocumentLocale(locale, i18n.t('app.title'), latin ? 'zgh-Latn' : undefined);
  render(<App i18n={i18n} boot={boot} onLocale={(next) => void show(next)} />, root);
}

void show(boot.locale);
