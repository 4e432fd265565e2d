export { LOCALE_IDS, LOCALES, type LocaleId, negotiateLocale } from './i18n/locales.js';
export { type AdminIdentity, SessionStore } from './server/admin/session.js';
export { DEFAULT_CLIENT_DIR, type WebPluginOptions, webPlugin } from './server/plugin.js';
export type { LocalizedText, ProcedureSource, ProcedureView } from './server/procedures.js';
export type { PrivacyFacts } from './shared/privacy-facts.js';
