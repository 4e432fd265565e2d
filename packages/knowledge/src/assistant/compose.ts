import { tifinaghToLatin } from '@khidma/lang';
import type { LocalizedText, Procedure } from '../catalog/types.js';
import type { SearchHit } from '../search/search-types.js';
import { type AnswerLang, CONTENT_LANGS, fill, GENERIC_CONTACT, STRINGS } from './templates.js';

export interface Citation {
  /** Marker number used in the answer text: [1], [2]… */
  n: number;
  kind: 'procedure' | 'chunk';
  /** Procedure id, or `documentId#ordinal`. */
  id: string;
  title: string;
  sourceUrl?: string;
}

/** Picks the text of a localised field in the answer language (with script conversion for zgh-Latn). */
export function pick(t: LocalizedText | undefined, lang: AnswerLang): string {
  if (!t) return '';
  for (const l of CONTENT_LANGS[lang]) {
    const v = t[l];
    if (v) return lang === 'zgh-Latn' && l === 'zgh' ? tifinaghToLatin(v) : v;
  }
  return Object.values(t).find(Boolean) ?? '';
}

export function citationFor(hit: SearchHit, n: number, lang: AnswerLang): Citation {
  const c: Citation = { n, kind: hit.kind, id: hit.id, title: pick(hit.title, lang) };
  if (hit.sourceUrl) c.sourceUrl = hit.sourceUrl;
  return c;
}

const FACET_ORDER = ['documents', 'fee', 'time', 'where', 'online', 'steps'] as const;
type Section = (typeof FACET_ORDER)[number];

function feeLines(p: Procedure, lang: AnswerLang): string {
  const s = STRINGS[lang];
  if (!p.fees || p.fees.length === 0) return `${s.fee} ${fill(s.feeUnknown, { url: p.sourceUrl })}`;
  const parts = p.fees.map((f) => {
    const amount = f.amountMad === 0 ? s.free : fill(s.amount, { n: f.amountMad });
    const label = pick(f.label, lang);
    return label ? `${amount} — ${label}` : amount;
  });
  return parts.length === 1 ? `${s.fee} ${parts[0]}` : `${s.fee}\n${parts.map((x) => `- ${x}`).join('\n')}`;
}

function section(p: Procedure, which: Section, lang: AnswerLang, asked: boolean): string | undefined {
  const s = STRINGS[lang];
  switch (which) {
    case 'documents':
      if (p.documents.length === 0) return undefined;
      return `${s.documents}\n${p.documents.map((d) => `- ${pick(d, lang)}`).join('\n')}`;
    case 'fee':
      return feeLines(p, lang);
    case 'time': {
      const t = pick(p.processingTime, lang);
      if (t) return `${s.time} ${t}`;
      return asked ? s.timeUnknown : undefined;
    }
    case 'where': {
      const offices = p.channels.offices.map((o) => pick(o, lang)).filter(Boolean);
      return offices.length ? `${s.where} ${offices.join(' ; ')}` : undefined;
    }
    case 'online': {
      const urls = p.channels.online.map((o) => o.url);
      return urls.length ? `${s.online} ${urls.join(' , ')}` : undefined;
    }
    case 'steps':
      if (p.steps.length === 0) return undefined;
      return `${s.steps}\n${p.steps.map((st, i) => `${i + 1}. ${pick(st, lang)}`).join('\n')}`;
  }
}

/**
 * The offline, model-free answer: every statement comes from the cited procedure's fields, framed by
 * templates in the question's language. The facets the citizen asked about come first; documents, fee
 * and source are always present so that no answer omits what the citizen must bring and pay.
 */
export function composeProcedureAnswer(
  p: Procedure,
  lang: AnswerLang,
  facets: readonly string[],
  related: Citation[] = [],
): string {
  const s = STRINGS[lang];
  const lines: string[] = [`${pick(p.title, lang)} [1]`];
  const summary = pick(p.summary, lang);
  if (summary && facets.length === 0) lines.push(summary);
  const asked = FACET_ORDER.filter((f) => facets.includes(f));
  const order: Section[] = [...asked, ...FACET_ORDER.filter((f) => !asked.includes(f))];
  for (const which of order) {
    const text = section(p, which, lang, asked.includes(which));
    if (text) lines.push(text);
  }
  if (p.legalReferences.length) {
    lines.push(`${s.legal} ${p.legalReferences.map((l) => pick(l.title, lang)).join(' ; ')}`);
  }
  lines.push(fill(s.source, { url: p.sourceUrl, date: p.lastVerified }));
  if (related.length) lines.push(`${s.seeAlso} ${related.map((c) => `${c.title} [${c.n}]`).join(' ; ')}`);
  if (p.sample) lines.push(s.sample);
  return lines.join('\n\n');
}

/** Answer built from an imported document passage (no structured fields). */
export function composeChunkAnswer(hit: SearchHit, lang: AnswerLang): string {
  const s = STRINGS[lang];
  const passage = hit.passages[0]?.text ?? '';
  const lines = [`${pick(hit.title, lang)} [1]`, passage];
  if (hit.sourceUrl) lines.push(fill(s.source, { url: hit.sourceUrl, date: '—' }));
  return lines.join('\n\n');
}

/** Honest refusal with a real contact channel: the likely administration's site, else the national portal. */
export function composeRefusal(lang: AnswerLang, likely?: Procedure): string {
  const s = STRINGS[lang];
  const lines = [s.refusal];
  if (likely?.administration.website) {
    lines.push(
      fill(s.contact, { name: pick(likely.administration.name, lang), url: likely.administration.website }),
    );
  }
  if (likely?.administration.website !== GENERIC_CONTACT.url) {
    lines.push(fill(s.contact, { name: GENERIC_CONTACT.name[lang], url: GENERIC_CONTACT.url }));
  }
  lines.push(s.escalate);
  return lines.join('\n\n');
}

/** Trailing list of citations, "[n] title — url". */
export function formatCitations(citations: Citation[], lang: AnswerLang): string {
  if (!citations.length) return '';
  const lines = citations.map((c) => `[${c.n}] ${c.title}${c.sourceUrl ? ` — ${c.sourceUrl}` : ''}`);
  return `${STRINGS[lang].sources}\n${lines.join('\n')}`;
}
