import type { LocalizedText, Procedure, TextLang } from '../catalog/types.js';
import { CONCEPT_PREFIX } from './analysis-terms.js';
import type { Lexicon } from './lexicon.js';
import { wordTokens } from './word-keys.js';

export type PassageField =
  | 'title'
  | 'summary'
  | 'keywords'
  | 'documents'
  | 'steps'
  | 'fees'
  | 'processingTime'
  | 'channels'
  | 'administration'
  | 'legal'
  | 'chunk';

export interface Passage {
  field: PassageField;
  /** Language of the passage text ('und' for imported chunks of unknown language). */
  lang: TextLang | 'und';
  text: string;
  /** [start, end) UTF-16 offsets of the words that matched the query. */
  highlights: [number, number][];
}

interface Word {
  start: number;
  end: number;
  keys: string[];
}

export interface PassageCandidate {
  field: PassageField;
  lang: TextLang | 'und';
  text: string;
  /** Analysis cached on first use: passages are re-scored for every query that returns them. */
  cache?: CandidateAnalysis;
}

interface CandidateAnalysis {
  words: Word[];
  keys: string[];
  /** Index of the word each key came from. */
  owner: number[];
  concepts: { concept: string; start: number; end: number }[];
  /** Every key and concept of the passage, to skip non-matching passages in O(query terms). */
  all: Set<string>;
}

// Identical strings (the same document name in hundreds of procedures) share one analysis.
const shared = new Map<string, CandidateAnalysis>();

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Every displayable piece of a procedure, one per language, as passage candidates. */
export function procedurePassages(p: Procedure): PassageCandidate[] {
  const out: PassageCandidate[] = [];
  const push = (field: PassageField, t: LocalizedText | undefined) => {
    if (!t) return;
    for (const [lang, text] of Object.entries(t)) if (text) out.push({ field, lang: lang as TextLang, text });
  };
  push('title', p.title);
  push('summary', p.summary);
  for (const d of p.documents) push('documents', d);
  for (const s of p.steps) push('steps', s);
  for (const f of p.fees ?? []) {
    const label = f.label ?? {};
    out.push({ field: 'fees', lang: 'fr', text: `${label.fr ? `${label.fr} : ` : ''}${f.amountMad} MAD` });
  }
  push('processingTime', p.processingTime);
  for (const o of p.channels.offices) push('channels', o);
  push('administration', p.administration.name);
  for (const l of p.legalReferences) push('legal', l.title);
  return out;
}

function analysisOf(c: PassageCandidate, lexicon: Lexicon): CandidateAnalysis {
  if (c.cache) return c.cache;
  const known = shared.get(c.text);
  if (known) {
    c.cache = known;
    return known;
  }
  const words: Word[] = [];
  for (const m of c.text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    words.push({ start, end: start + m[0].length, keys: wordTokens(m[0]) });
  }
  const keys: string[] = [];
  const owner: number[] = [];
  words.forEach((w, i) => {
    for (const k of w.keys) {
      keys.push(k);
      owner.push(i);
    }
  });
  const concepts = lexicon
    .match(keys)
    .filter((m) => !m.facet)
    .map((m) => ({ concept: CONCEPT_PREFIX + m.concept, start: m.start, end: m.end }));
  const all = new Set<string>(keys);
  for (const m of concepts) all.add(m.concept);
  c.cache = { words, keys, owner, concepts, all };
  if (shared.size >= 100_000) shared.clear();
  shared.set(c.text, c.cache);
  return c.cache;
}

/**
 * Picks the candidates that best match the query terms and marks the matched words. Concept matches
 * highlight every word of the phrase that named the concept ("carte nationale" for §cnie).
 */
export function bestPassages(
  candidates: PassageCandidate[],
  queryTerms: Set<string>,
  lexicon: Lexicon,
  opts: { max?: number; preferLang?: TextLang } = {},
): Passage[] {
  const scored: { c: PassageCandidate; score: number; hl: [number, number][] }[] = [];
  for (const c of candidates) {
    const { words, keys, owner, concepts, all } = analysisOf(c, lexicon);
    let any = false;
    for (const t of queryTerms) {
      if (all.has(t)) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    const marked = new Set<number>();
    let score = 0;
    for (let i = 0; i < keys.length; i++) {
      if (queryTerms.has(keys[i] as string)) {
        marked.add(owner[i] as number);
        score += 1;
      }
    }
    for (const m of concepts) {
      if (!queryTerms.has(m.concept)) continue;
      score += 2;
      for (let i = m.start; i < m.end; i++) marked.add(owner[i] as number);
    }
    if (score === 0) continue;
    if (opts.preferLang && c.lang === opts.preferLang) score += 0.5;
    if (c.field === 'title') score += 0.25;
    const hl = [...marked]
      .sort((a, b) => a - b)
      .map((i) => [words[i]?.start, words[i]?.end] as [number, number]);
    scored.push({ c, score, hl });
  }
  scored.sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const s of scored) {
    const key = `${s.c.field}:${s.c.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field: s.c.field, lang: s.c.lang, text: s.c.text, highlights: s.hl });
    if (out.length >= (opts.max ?? 2)) break;
  }
  return out;
}

/** Renders highlights as HTML with <mark>, escaping the text (for consoles that want ready HTML). */
export function highlightHtml(p: Passage): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  let out = '';
  let pos = 0;
  for (const [s, e] of p.highlights) {
    out += `${esc(p.text.slice(pos, s))}<mark>${esc(p.text.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + esc(p.text.slice(pos));
}
