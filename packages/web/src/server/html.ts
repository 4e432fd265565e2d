/**
 * Minimal HTML templating for server-rendered pages: every interpolated value is escaped unless it is
 * already SafeHtml (built by this module). Arrays are joined; null/undefined/false render nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Serialises JSON for a `<script type="application/json">` block: `<` cannot close the element. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

/**
 * Links that come from data (catalog sources, offices' websites, legal texts) reach an href only when
 * they are absolute http(s) URLs; anything else (javascript:, data:, relative paths) becomes "#".
 */
export function safeHref(url: string | undefined | null): string {
  if (!url) return '#';
  return /^https?:\/\/[^\s]/i.test(url.trim()) ? url.trim() : '#';
}
