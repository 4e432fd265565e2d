import type { LocaleId } from '../i18n/locales.js';
import type { Translate } from '../i18n/translate.js';
import { formatDate, formatMad } from './formats.js';
import { html, type SafeHtml, safeHref } from './html.js';
import { type PickedText, pickText } from './i18n.js';

/** Per-language text as the knowledge catalog stores it (keys fr, ar, ary, zgh, en). */
export type LocalizedText = Partial<Record<string, string>>;

/** The fields of a knowledge-base procedure that the pages show (structurally @khidma/knowledge's Procedure). */
export interface ProcedureView {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  administration: { id: string; name: LocalizedText; website?: string; phone?: string };
  category: string;
  documents: LocalizedText[];
  steps: LocalizedText[];
  fees?: { amountMad: number; label?: LocalizedText }[];
  processingTime?: LocalizedText;
  channels: { online: { url: string; label?: LocalizedText }[]; offices: LocalizedText[] };
  legalReferences: { title: LocalizedText; url?: string }[];
  sourceUrl: string;
  lastVerified: string;
  sample?: boolean;
  keywords?: string[];
}

/** Where the pages read procedures from; the server wires it to the knowledge package. */
export interface ProcedureSource {
  list(): Promise<ProcedureView[]> | ProcedureView[];
  get(id: string): Promise<ProcedureView | undefined> | ProcedureView | undefined;
  /** Ranked search in any language/script; when absent the page filters by simple matching. */
  search?(query: string, locale: LocaleId): Promise<ProcedureView[]> | ProcedureView[];
}

/** Text with its own lang/dir when it is not in the interface language; `href` must already be safe. */
export function localized(
  picked: PickedText | undefined,
  tag: 'span' | 'p' | 'h1' | 'li' | 'a' = 'span',
  href?: string,
): SafeHtml {
  if (!picked) return html``;
  const attrs = picked.fallback ? html` lang="${picked.lang}" dir="${picked.dir}"` : html` dir="auto"`;
  switch (tag) {
    case 'p':
      return html`<p${attrs}>${picked.text}</p>`;
    case 'h1':
      return html`<h1${attrs}>${picked.text}</h1>`;
    case 'li':
      return html`<li${attrs}>${picked.text}</li>`;
    case 'a':
      return html`<a href="${href ?? '#'}"${attrs}>${picked.text}</a>`;
    default:
      return html`<span${attrs}>${picked.text}</span>`;
  }
}

export function feeText(p: ProcedureView, locale: LocaleId, t: Translate): SafeHtml {
  if (!p.fees) return html`${t('procedure.feeUnknown')}`;
  if (p.fees.length === 0 || p.fees.every((f) => f.amountMad === 0)) return html`${t('procedure.free')}`;
  return html`${p.fees.map((f, i) => {
    const label = pickText(f.label, locale);
    return html`${i > 0 ? ' · ' : ''}<bdi dir="ltr">${formatMad(f.amountMad, locale)}</bdi>${label ? html` (${localized(label)})` : ''}`;
  })}`;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0640]/g, '')
    .toLowerCase();

/** Simple fallback search: every query word must appear in some text of the procedure. */
export function matchesQuery(p: ProcedureView, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean).slice(0, 12);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      ...Object.values(p.title),
      ...Object.values(p.summary),
      ...Object.values(p.administration.name),
      ...(p.keywords ?? []),
      p.id,
    ].join(' '),
  );
  return words.every((w) => haystack.includes(w));
}

export function renderCatalog(input: {
  procedures: ProcedureView[];
  query: string;
  category: string;
  categories: string[];
  locale: LocaleId;
  t: Translate;
}): SafeHtml {
  const { procedures, query, category, categories, locale, t } = input;
  const anySample = procedures.some((p) => p.sample);
  return html`<h1>${t('procedures.title')}</h1>
<p>${t('procedures.intro')}</p>
<form class="search-form" method="get" action="/procedures" role="search">
<div><label for="q">${t('procedures.searchLabel')}</label>
<input type="search" id="q" name="q" value="${query}" dir="auto" maxlength="200"></div>
<div><label for="category">${t('procedures.category')}</label>
<select id="category" name="category"><option value="">${t('procedures.allCategories')}</option>${categories.map(
    (c) => html`<option value="${c}"${c === category ? html` selected` : ''}>${c}</option>`,
  )}</select></div>
<button type="submit">${t('procedures.searchButton')}</button>
</form>
${anySample ? html`<p class="notice">${t('procedures.sample')}</p>` : ''}
<p role="status">${t('procedures.count', { count: procedures.length })}</p>
${
  procedures.length === 0
    ? html`<p>${t('procedures.none')}</p>`
    : html`<ul class="procedure-list">${procedures.map(
        (
          p,
        ) => html`<li><h2>${localized(pickText(p.title, locale), 'a', `/procedures/${encodeURIComponent(p.id)}`)}</h2>
${localized(pickText(p.summary, locale), 'p')}
<p><span class="badge">${localized(pickText(p.administration.name, locale))}</span></p></li>`,
      )}</ul>`
}`;
}

export function renderProcedure(p: ProcedureView, locale: LocaleId, t: Translate): SafeHtml {
  const title = pickText(p.title, locale);
  const delay = pickText(p.processingTime, locale);
  const offices = p.channels.offices.map((o) => pickText(o, locale)).filter((o): o is PickedText => !!o);
  const anyFallback = [title, pickText(p.summary, locale)].some((x) => x?.fallback);
  return html`<p><a href="/procedures">${t('procedure.back')}</a></p>
<article class="procedure" aria-labelledby="procedure-title">
${title ? html`<h1 id="procedure-title"${title.fallback ? html` lang="${title.lang}" dir="${title.dir}"` : ''}>${title.text}</h1>` : ''}
${anyFallback ? html`<p class="notice">${t('procedure.otherLanguage')}</p>` : ''}
${p.sample ? html`<p class="notice">${t('procedures.sample')}</p>` : ''}
<h2>${t('procedure.summary')}</h2>
${localized(pickText(p.summary, locale), 'p')}
<dl class="procedure-facts">
<div><dt>${t('procedure.administration')}</dt><dd>${localized(pickText(p.administration.name, locale))}${
    p.administration.website
      ? html` · <bdi dir="ltr"><a href="${safeHref(p.administration.website)}" rel="noopener noreferrer">${hostOf(p.administration.website)}</a></bdi>`
      : ''
  }${p.administration.phone ? html` · <bdi dir="ltr">${p.administration.phone}</bdi>` : ''}</dd></div>
<div><dt>${t('procedure.fee')}</dt><dd>${feeText(p, locale, t)}</dd></div>
${delay ? html`<div><dt>${t('procedure.delay')}</dt><dd>${localized(delay)}</dd></div>` : ''}
${offices.length > 0 ? html`<div><dt>${t('procedure.office')}</dt><dd><ul>${offices.map((o) => localized(o, 'li'))}</ul></dd></div>` : ''}
${
  p.channels.online.length > 0
    ? html`<div><dt>${t('procedure.online')}</dt><dd><ul>${p.channels.online.map(
        (o) =>
          html`<li><bdi dir="ltr"><a href="${safeHref(o.url)}" rel="noopener noreferrer">${pickText(o.label, locale)?.text ?? hostOf(o.url)}</a></bdi></li>`,
      )}</ul></dd></div>`
    : ''
}
</dl>
${
  p.documents.length > 0
    ? html`<h2>${t('procedure.documents')}</h2><ul>${p.documents.map((d) => localized(pickText(d, locale), 'li'))}</ul>`
    : ''
}
${p.steps.length > 0 ? html`<h2>${t('procedure.steps')}</h2><ol>${p.steps.map((s) => localized(pickText(s, locale), 'li'))}</ol>` : ''}
${
  p.legalReferences.length > 0
    ? html`<h2>${t('procedure.legal')}</h2><ul>${p.legalReferences.map((r) => {
        const text = pickText(r.title, locale);
        return r.url ? html`<li>${localized(text, 'a', safeHref(r.url))}</li>` : localized(text, 'li');
      })}</ul>`
    : ''
}
<p><a href="${safeHref(p.sourceUrl)}" rel="noopener noreferrer">${t('procedure.source')}</a> <bdi dir="ltr" class="url">${hostOf(p.sourceUrl)}</bdi></p>
<p class="hint">${t('procedure.lastVerified', { date: formatDate(p.lastVerified, locale) })}</p>
<p><a href="/?ask=${encodeURIComponent(title?.text ?? p.id)}">${t('procedure.ask')}</a></p>
</article>`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The facts of a citation card, as plain text in the requested language (JSON for the chat client). */
export function procedureCard(p: ProcedureView, locale: LocaleId, t: Translate) {
  const title = pickText(p.title, locale);
  const fee = !p.fees
    ? t('procedure.feeUnknown')
    : p.fees.length === 0 || p.fees.every((f) => f.amountMad === 0)
      ? t('procedure.free')
      : p.fees
          .map((f) => {
            const label = pickText(f.label, locale)?.text;
            return `${formatMad(f.amountMad, locale)}${label ? ` (${label})` : ''}`;
          })
          .join(' · ');
  const offices = p.channels.offices.map((o) => pickText(o, locale)?.text).filter(Boolean);
  const online = p.channels.online.map((o) => o.url);
  return {
    procedureId: p.id,
    title: title?.text ?? p.id,
    lang: title?.lang,
    documents: p.documents.map((d) => pickText(d, locale)?.text).filter((d): d is string => !!d),
    fee,
    delay: pickText(p.processingTime, locale)?.text,
    office: [...offices, ...online].join(' · ') || undefined,
    sourceUrl: safeHref(p.sourceUrl) === '#' ? undefined : p.sourceUrl,
  };
}
