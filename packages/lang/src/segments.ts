/**
 * Code-switching segmentation: every word gets per-tag log-probabilities from the identification
 * model (its own n-grams, a window of neighbours, and the whole text as a prior); a Viterbi pass with a
 * switching penalty then picks the tag sequence, and runs of equal tags become spans with offsets
 * into the original string.
 */
import { identify, posteriors, scoreGroup } from './identify.js';
import { Script, scriptOf } from './script.js';
import type { LangTag, Segment } from './types.js';

const MAX_SEGMENT_INPUT = 100_000;
const SWITCH_PENALTY = 3.2;
const DOC_PRIOR_WEIGHT = 0.8;
const CONTEXT_WEIGHT = 0.5;

interface Word {
  start: number;
  end: number;
  script: Script;
  /** A skipped URL/e-mail precedes this word: spans do not run across it. */
  afterGap: boolean;
}

const LATIN_TAGS: LangTag[] = ['ary-Latn', 'fra-Latn', 'eng-Latn', 'zgh-Latn', 'spa-Latn'];
const ARABIC_TAGS: LangTag[] = ['ary-Arab', 'arb-Arab'];
const ALL_TAGS: LangTag[] = [...LATIN_TAGS, ...ARABIC_TAGS, 'zgh-Tfng'];

function isWordCode(c: number): boolean {
  const s = scriptOf(c);
  return s !== Script.Other || c === 0x27 || c === 0x2019 || (c >= 0x064b && c <= 0x065f);
}

function words(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  let gap = false;
  while (i < text.length) {
    // A URL, e-mail address or @mention is skipped whole: it belongs to no language.
    if (i === 0 || /\s/.test(text.charAt(i - 1))) {
      let chunkEnd = i;
      while (chunkEnd < text.length && !/\s/.test(text.charAt(chunkEnd))) chunkEnd++;
      const chunk = text.slice(i, chunkEnd);
      if (chunk.includes('://') || chunk.includes('@') || chunk.startsWith('www.')) {
        i = chunkEnd;
        gap = true;
        continue;
      }
    }
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const counts = [0, 0, 0, 0, 0];
    while (i < text.length && isWordCode(text.charCodeAt(i))) {
      const s = scriptOf(text.charCodeAt(i));
      counts[s] = (counts[s] ?? 0) + 1;
      i++;
    }
    let script = Script.Digit;
    let best = 0;
    for (const s of [Script.Latin, Script.Arabic, Script.Tifinagh]) {
      if ((counts[s] ?? 0) > best) {
        best = counts[s] ?? 0;
        script = s;
      }
    }
    // Trim apostrophes that only quote the word.
    let end = i;
    let st = start;
    while (end > st && (text.charCodeAt(end - 1) === 0x27 || text.charCodeAt(end - 1) === 0x2019)) end--;
    while (st < end && (text.charCodeAt(st) === 0x27 || text.charCodeAt(st) === 0x2019)) st++;
    if (end > st) {
      out.push({ start: st, end, script, afterGap: gap });
      gap = false;
    }
  }
  return out;
}

function tagsFor(script: Script): LangTag[] {
  if (script === Script.Latin) return LATIN_TAGS;
  if (script === Script.Arabic) return ARABIC_TAGS;
  if (script === Script.Tifinagh) return ['zgh-Tfng'];
  return ALL_TAGS;
}

/** Log-probabilities per tag (in ALL_TAGS order) for text[start, end); -Infinity for other scripts. */
function emission(text: string, w: Word, ctxStart: number, ctxEnd: number, docTag: LangTag): Float64Array {
  const out = new Float64Array(ALL_TAGS.length).fill(Number.NEGATIVE_INFINITY);
  const allowed = tagsFor(w.script);
  if (w.script === Script.Digit) {
    // Numbers and symbols belong to whatever surrounds them: flat emission.
    out.fill(0);
    return out;
  }
  if (w.script === Script.Tifinagh) {
    out[ALL_TAGS.indexOf('zgh-Tfng')] = 0;
    return out;
  }
  const group = w.script === Script.Latin ? 'latin' : 'arabic';
  const own = posteriors(scoreGroup(group, text, w.start, w.end));
  const ctx = posteriors(scoreGroup(group, text, ctxStart, ctxEnd));
  for (let i = 0; i < allowed.length; i++) {
    const tag = allowed[i] as LangTag;
    const prior = tag === docTag ? 0 : -DOC_PRIOR_WEIGHT;
    out[ALL_TAGS.indexOf(tag)] =
      Math.log((own[i] as number) + 1e-6) + CONTEXT_WEIGHT * Math.log((ctx[i] as number) + 1e-6) + prior;
  }
  return out;
}

/** Determiners that open a French or English noun phrase inside Darija ("ndir la demande"). */
const DETERMINERS: Partial<Record<LangTag, Set<string>>> = {
  'fra-Latn': new Set(['le', 'la', 'les', 'un', 'une', 'des', 'du', 'mon', 'ma', 'mes', 'ce', 'cette']),
  'eng-Latn': new Set(['the', 'a', 'an', 'my', 'your', 'this']),
};

/** A determiner belongs to the noun after it: it moves into the following French/English span. */
function attachDeterminers(src: string, ws: Word[], tags: LangTag[]): void {
  for (let k = ws.length - 2; k >= 0; k--) {
    const next = tags[k + 1] as LangTag;
    const w = ws[k] as Word;
    if (tags[k] === next || (ws[k + 1] as Word).afterGap) continue;
    if (DETERMINERS[next]?.has(src.slice(w.start, w.end).toLowerCase())) tags[k] = next;
  }
}

/** Splits code-switched text into spans of one language each, with offsets into the original. */
export function segments(text: string): Segment[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const src = text.length > MAX_SEGMENT_INPUT ? text.slice(0, MAX_SEGMENT_INPUT) : text;
  const ws = words(src);
  if (ws.length === 0) return [];
  const doc = identify(src);
  if (doc.tag === 'und')
    return [
      {
        start: ws[0]?.start ?? 0,
        end: ws[ws.length - 1]?.end ?? 0,
        text: src.slice(ws[0]?.start ?? 0, ws[ws.length - 1]?.end ?? 0),
        tag: 'und',
      },
    ];
  const T = ALL_TAGS.length;
  const n = ws.length;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let k = 0; k < n; k++) {
    const w = ws[k] as Word;
    const ctxStart = (ws[Math.max(0, k - 2)] as Word).start;
    const ctxEnd = (ws[Math.min(n - 1, k + 2)] as Word).end;
    const e = emission(src, w, ctxStart, ctxEnd, doc.tag);
    for (let t = 0; t < T; t++) {
      const em = e[t] as number;
      if (k === 0) {
        score[t] = em;
        back[t] = -1;
        continue;
      }
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const prev = score[(k - 1) * T + p] as number;
        const v = prev - (p === t ? 0 : SWITCH_PENALTY);
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[k * T + t] = best + em;
      back[k * T + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < T; t++)
    if ((score[(n - 1) * T + t] as number) > (score[(n - 1) * T + last] as number)) last = t;
  const tags = new Array<LangTag>(n);
  for (let k = n - 1; k >= 0; k--) {
    tags[k] = ALL_TAGS[last] as LangTag;
    last = back[k * T + last] as number;
  }
  attachDeterminers(src, ws, tags);
  const out: Segment[] = [];
  for (let k = 0; k < n; k++) {
    const w = ws[k] as Word;
    const tag = tags[k] as LangTag;
    const prev = out[out.length - 1];
    if (prev && prev.tag === tag && !w.afterGap) {
      prev.end = w.end;
      prev.text = src.slice(prev.start, prev.end);
    } else out.push({ start: w.start, end: w.end, text: src.slice(w.start, w.end), tag });
  }
  return out;
}
