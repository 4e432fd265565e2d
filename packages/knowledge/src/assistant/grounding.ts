import type { SearchHit } from '../search/search-types.js';
import { type Citation, pick } from './compose.js';
import type { AnswerLang } from './templates.js';

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** An LLM reached through the gateway (so the privacy guard applies). */
export interface GroundedModel {
  complete(messages: ChatTurn[], opts: { signal?: AbortSignal }): Promise<string>;
}

const LANG_NAMES: Record<AnswerLang, string> = {
  'ary-Arab': 'Moroccan Darija written in Arabic script',
  'ary-Latn': 'Moroccan Darija written in Latin letters (Arabizi, with digits 3, 7, 9 for ع ح ق)',
  'arb-Arab': 'Modern Standard Arabic',
  'fra-Latn': 'French',
  'eng-Latn': 'English',
  'zgh-Tfng': 'Standard Moroccan Tamazight written in Tifinagh',
  'zgh-Latn': 'Standard Moroccan Tamazight written in Latin letters',
};

/** Sources as numbered passages: the only facts the model may use. */
export function sourceBlock(hits: SearchHit[], lang: AnswerLang): string {
  return hits
    .map((h, i) => {
      const p = h.procedure;
      if (!p) return `[${i + 1}] ${pick(h.title, lang)}\n${h.passages.map((x) => x.text).join('\n')}`;
      const fee = p.fees?.length
        ? p.fees.map((f) => `${f.amountMad} MAD${f.label?.fr ? ` (${f.label.fr})` : ''}`).join('; ')
        : 'not confirmed (do not state an amount)';
      return [
        `[${i + 1}] ${p.title.fr} / ${p.title.ar} (id: ${p.id})`,
        `Summary: ${p.summary.fr ?? ''}`,
        `Documents: ${p.documents.map((d) => d.fr ?? d.ar).join('; ')}`,
        `Steps: ${p.steps.map((s) => s.fr ?? s.ar).join('; ')}`,
        `Fee: ${fee}`,
        `Processing time: ${p.processingTime?.fr ?? 'not given'}`,
        `Offices: ${p.channels.offices.map((o) => o.fr ?? o.ar).join('; ')}`,
        `Online: ${p.channels.online.map((o) => o.url).join(', ') || 'none'}`,
        `Source: ${p.sourceUrl}`,
      ].join('\n');
    })
    .join('\n\n');
}

export function groundedPrompt(hits: SearchHit[], lang: AnswerLang, history: ChatTurn[]): ChatTurn[] {
  const system = [
    'You are Khidma, the citizen-services assistant of a Moroccan administration.',
    'Answer ONLY from the numbered sources below. Never add a fee, delay, document, phone number or URL',
    'that is not written in the sources. If the sources do not answer the question, say you do not know.',
    'Cite every fact with its source number in square brackets, e.g. [1].',
    `Write the whole answer in ${LANG_NAMES[lang]}, short and practical.`,
    '',
    'SOURCES:',
    sourceBlock(hits, lang),
  ].join('\n');
  return [{ role: 'system', content: system }, ...history.filter((t) => t.role !== 'system').slice(-6)];
}

const CITE_RE = /\[(\d{1,2})\]/g;
// Linear-time: thousands groups have a fixed shape, so no two quantifiers compete for the same characters.
const NUMBER_RE = /\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?/g;
const AMOUNT_RE = /(\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?) ?(?:dh|dhs|mad|dirhams?|درهم|دراهم|ⴷⵔⵀⵎ)/giu;

export interface GroundingCheck {
  ok: boolean;
  /** The answer with citations to non-retrieved sources removed. */
  text: string;
  cited: number[];
  reason?: string;
}

/**
 * Keeps only citations to retrieved passages, and rejects answers that cite nothing or state an amount
 * of money absent from the cited sources (the most harmful hallucination for a citizen).
 */
export function checkGrounding(answer: string, hits: SearchHit[], sources: string): GroundingCheck {
  const cited = new Set<number>();
  const text = answer.replace(CITE_RE, (m, n: string) => {
    const i = Number(n);
    if (i >= 1 && i <= hits.length) {
      cited.add(i);
      return m;
    }
    return '';
  });
  if (cited.size === 0) return { ok: false, text, cited: [], reason: 'no_valid_citation' };
  const known = new Set([...sources.matchAll(NUMBER_RE)].map((m) => m[0].replace(/[\s.,\u00a0]/g, '')));
  for (const m of text.matchAll(AMOUNT_RE)) {
    const digits = (m[1] ?? '').replace(/[\s.,\u00a0]/g, '');
    if (digits && !known.has(digits))
      return { ok: false, text, cited: [...cited], reason: 'unsupported_amount' };
  }
  return { ok: true, text, cited: [...cited].sort((a, b) => a - b) };
}

export function citationsFor(nums: number[], all: Citation[]): Citation[] {
  return all.filter((c) => nums.includes(c.n));
}
