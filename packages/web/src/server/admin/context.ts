import type { LocaleId } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/translate.js';
import { html, type SafeHtml } from '../html.js';
import type { AdminApi } from './api-client.js';
import type { AdminSession } from './session.js';

/** What every admin page renderer receives. */
export interface AdminPageContext {
  api: AdminApi;
  session: AdminSession;
  locale: LocaleId;
  t: Translate;
  query: Record<string, string>;
}

export function csrfField(session: AdminSession): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${session.csrf}">`;
}

export function unavailable(t: Translate, reason: string): SafeHtml {
  return html`<p class="notice" role="status">${t('admin.unavailable', { reason })}</p>`;
}

export function emptyRow(t: Translate, columns: number): SafeHtml {
  return html`<tr><td colspan="${columns}">${t('admin.empty')}</td></tr>`;
}

/** A table with a caption (its accessible name) and a horizontal scroll wrapper for phones. */
export function table(
  caption: string,
  headers: (string | { text: string; num: boolean })[],
  rows: SafeHtml[],
  t: Translate,
): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table>
<caption class="visually-hidden">${caption}</caption>
<thead><tr>${headers.map((h) =>
    typeof h === 'string'
      ? html`<th scope="col">${h}</th>`
      : html`<th scope="col" class="${h.num ? 'num' : ''}">${h.text}</th>`,
  )}</tr></thead>
<tbody>${rows.length > 0 ? rows : emptyRow(t, headers.length)}</tbody>
</table></div>`;
}
