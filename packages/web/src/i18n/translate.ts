import type { MessageKey, Messages } from '../messages/en.js';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

// `{name}` placeholders; one character class, linear time.
const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

export function formatMessage(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function createTranslator(messages: Messages): Translate {
  return (key, params) => formatMessage(messages[key] ?? key, params);
}
