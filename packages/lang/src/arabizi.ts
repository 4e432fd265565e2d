/**
 * Darija Arabizi <-> Arabic script. Frequent words come from the project-authored lexicon; other words
 * go through letter rules with ranked alternatives, re-ranked by a character language model of
 * Arabic-script Darija when one is available.
 */

import { isKnownArabicWord, scoreArabicWord } from './arabic-lm.js';
import { type Unit, wordUnits } from './arabizi-rules.js';
import { DARIJA_LEXICON_SOURCE } from './darija-lexicon.js';
import { DARIJA_VOCABULARY_SOURCE } from './darija-vocabulary.js';

const MAX_WORD = 64;
const MAX_CANDIDATES = 8;
const BEAM_WIDTH = 24;
/** A candidate spelled exactly like a word of the authored Arabic-script text is very likely right. */
const KNOWN_WORD_BONUS = 1.0;
const LM_WEIGHT = 0.1; // weight of the spelling model's log-probability against rule costs

/** Folds Arabizi spelling variants onto one lookup key (vowels, doubling, digit/letter pairs). */
export function arabiziKey(word: string): string {
  let s = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  s = s
    .replace(/5/g, 'kh')
    .replace(/8/g, 'h')
    .replace(/sh/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/q/g, '9')
    .replace(/ou|oo|o|u/g, 'u')
    .replace(/ee|ei|y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/'/g, '')
    .replace(/e/g, '');
  let out = '';
  for (const c of s) if (c !== out[out.length - 1]) out += c;
  return out;
}

interface LexEntry {
  arabic: string[];
  spellings: string[];
}

let lexicon: Map<string, LexEntry> | undefined;
let reverse: Map<string, string> | undefined;

function loadLexicon(): Map<string, LexEntry> {
  if (lexicon) return lexicon;
  lexicon = new Map();
  reverse = new Map();
  for (const line of `${DARIJA_LEXICON_SOURCE}\n${DARIJA_VOCABULARY_SOURCE}`.split('\n')) {
    const parts = line.trim().split('|');
    if (parts.length < 2) continue;
    const spellings = (parts[0] as string)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const arabic = parts
      .slice(1)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const sp of spellings) {
      const key = arabiziKey(sp);
      const existing = lexicon.get(key);
      if (existing) {
        for (const a of arabic) if (!existing.arabic.includes(a)) existing.arabic.push(a);
      } else lexicon.set(key, { arabic: [...arabic], spellings });
    }
    for (const a of arabic) {
      if (reverse.has(a)) continue;
      const sameArticle = spellings.find((sp) => hasArticle(sp) === a.startsWith('ال'));
      reverse.set(a, sameArticle ?? (spellings[0] as string));
    }
  }
  return lexicon;
}

/** An Arabizi spelling that carries the article: lmo9ata3a, l'idara, el-bab, ddar (assimilated). */
function hasArticle(sp: string): boolean {
  return sp.length > 3 && /^(?:l(?![aeiouy])|l'|el|al)|^[ae]?([bcdjlnrstz])\1/i.test(sp);
}

/** Lexicon forms whose article matches the spelling's come first (lmo9ata3a -> المقاطعة, dar -> دار). */
function byArticle(forms: string[], spelling: string): string[] {
  const want = hasArticle(spelling);
  return [...forms].sort((a, b) => Number(a.startsWith('ال') !== want) - Number(b.startsWith('ال') !== want));
}

/**
 * A lexicon line may list related forms (خالة / خالتي, زوين / زوينة): the form closest to the letter-rule
 * reading of the spelling comes first, ties keeping the lexicon order.
 */
function closestFirst(forms: string[], word: string): string[] {
  if (forms.length < 2) return forms;
  const reading = ruleCandidates(word.replace(/[’']/g, ''), false)[0] ?? '';
  const dist = new Map(forms.map((f) => [f, editDistance(f, reading)]));
  return [...forms].sort((a, b) => (dist.get(a) as number) - (dist.get(b) as number));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Reverse lexicon: Arabic-script Darija word -> its most common Arabizi spelling. */
export function lexiconArabizi(arabic: string): string | undefined {
  loadLexicon();
  return reverse?.get(arabic);
}

function beam(units: Unit[], width: number): { text: string; cost: number }[] {
  let states = [{ text: '', cost: 0 }];
  for (const u of units) {
    const next: { text: string; cost: number }[] = [];
    for (const s of states)
      for (let i = 0; i < u.options.length; i++)
        next.push({ text: s.text + u.options[i], cost: s.cost + (u.costs[i] ?? 1) });
    next.sort((a, b) => a.cost - b.cost);
    states = next.slice(0, width);
  }
  return states;
}

function ruleCandidates(word: string, initialCapitalIsEmphatic: boolean): string[] {
  const units = wordUnits(word, initialCapitalIsEmphatic);
  if (units.length === 0) return [];
  const raw = beam(units, BEAM_WIDTH);
  // Re-rank: rule cost plus the Darija character model's surprise per character.
  const scored = raw.map((c) => ({
    text: c.text,
    score: c.cost - LM_WEIGHT * scoreArabicWord(c.text) - (isKnownArabicWord(c.text) ? KNOWN_WORD_BONUS : 0),
  }));
  scored.sort((a, b) => a.score - b.score);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of scored) {
    if (!c.text || seen.has(c.text)) continue;
    seen.add(c.text);
    out.push(c.text);
  }
  return out;
}

const LATIN_WORD = /^[A-Za-z0-9\u00c0-\u024f'’]+$/;

// Words repeat (Zipf): a bounded cache makes long texts cheap. Cleared when full, never unbounded.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, string[]>();

/** Ranked Arabic-script candidates for one Arabizi word (lexicon spellings first). */
export function arabiziCandidates(word: string, opts: { sentenceInitial?: boolean } = {}): string[] {
  if (typeof word !== 'string') return [];
  const key = opts.sentenceInitial ? `^${word}` : word;
  const hit = cache.get(key);
  if (hit) return [...hit];
  const result = computeCandidates(word, opts);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return [...result];
}

function computeCandidates(word: string, opts: { sentenceInitial?: boolean }): string[] {
  if (typeof word !== 'string') return [];
  const w = word.trim().slice(0, MAX_WORD);
  if (!w || !LATIN_WORD.test(w) || /^[0-9]+$/.test(w)) return [];
  const lex = loadLexicon();
  const out: string[] = [];
  const hit = lex.get(arabiziKey(w));
  if (hit) out.push(...closestFirst(byArticle(withSpelledArticle(hit.arabic, w), w), w));
  // Prefixed forms: l-/el- article, w- "and", b- "with", f- "in" in front of a known word.
  if (!hit) {
    const m = /^(?:(w|ou|o)|(b|f|l|el|al|fl|fel|bl|bel|wl|wel))(.{3,})$/i.exec(w);
    if (m) {
      const inner = lex.get(arabiziKey(m[3] as string));
      if (inner) {
        const prefix = m[1] ? 'و' : prefixArabic((m[2] as string).toLowerCase());
        for (const a of inner.arabic) out.push(prefix + a.replace(/^ال/, prefix.endsWith('ل') ? '' : 'ال'));
      }
    }
  }
  // Numbers 21..99 are said units-و-tens and often typed as one word: wahdo3chrin, khmsawts3in.
  const compound = NUMBER_COMPOUND.exec(w);
  if (compound && !hit) {
    const units = arabiziCandidates(compound[1] as string)[0];
    const tens = arabiziCandidates(compound[3] as string)[0];
    if (units && tens) out.push(`${units} و ${tens}`);
  }
  // A capital first letter is an emphatic (Tri9, Sbah) unless it only starts a sentence.
  const bare = w.replace(/[’']/g, '');
  // ...or when the same word already uses capitals for emphatics (SafSaf صفصاف, TlTTach طلطاش).
  const emphatic = /^[TSDZH][a-z0-9]/.test(bare) && (!opts.sentenceInitial || CAPITAL_CONVENTION.test(bare));
  for (const c of ruleCandidates(bare, emphatic)) if (!out.includes(c)) out.push(c);
  return out.slice(0, MAX_CANDIDATES);
}

/**
 * The lexicon key ignores doubling and the article, so make the Arabic agree with the spelling: an
 * initial geminate is the assimilated article (rrajl الراجل, ddrari الدراري), and a spelling without
 * any article drops one that the lexicon form carries (modir مدير, sbt سبت).
 */
function withSpelledArticle(forms: string[], spelling: string): string[] {
  const s = spelling.toLowerCase();
  const geminate = /^[ae]?([bcdjlnrstz])\1/.test(s) || /^[ae]?(?:chch|shsh)/.test(s);
  const bare = !hasArticle(s) && !/^(?:l|el|al)/.test(s);
  const out: string[] = [];
  if (forms.some((f) => f.startsWith('ال') === geminate)) return forms; // byArticle picks it
  for (const f of forms) {
    if (geminate && !f.startsWith('ال')) out.push(`ال${f}`);
    else if (bare && f.startsWith('ال') && f.length > 3) out.push(f.slice(2));
  }
  for (const f of forms) if (!out.includes(f)) out.push(f);
  return out;
}

/** A capital emphatic after a lower-case letter or digit: the writer uses the capital convention. */
const CAPITAL_CONVENTION = /[a-z0-9][TSDZH]/;

const NUMBER_COMPOUND =
  /^([a-z0-9]{3,6}?)(ou|o|w)(3e?chrin|3ichrin|tl[ae]tin|rb[ae]?3in|kh[ae]?msin|s[e]?ttin|sb[ae]?3in|tm[ae]nin|ts[ae]?3in)$/i;

function prefixArabic(p: string): string {
  if (p === 'b') return 'ب';
  if (p === 'f') return 'ف';
  if (p === 'fl' || p === 'fel') return 'فال';
  if (p === 'bl' || p === 'bel') return 'بال';
  if (p === 'wl' || p === 'wel') return 'وال';
  return 'ال';
}

const DETACHED_ARTICLE = /(^|[\s.,;:!?()"«»])(el|al)[ \t]+(?=[A-Za-z0-9])/gi;
const TOKEN = /[A-Za-z\u00c0-\u024f0-9]+(?:['’][A-Za-z\u00c0-\u024f0-9]+)*/g;

/** Transliterates Arabizi text to Arabic script, word by word; other characters are kept. */
export function arabiziToArabic(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const cut = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  // A detached article belongs to its noun: "el jadida" is one word, الجديدة.
  const src = cut.replace(DETACHED_ARTICLE, '$1$2');
  // Capitals inside words (nachaT, 3aSima) show the emphatic convention: then a first capital is one too.
  const capitalConvention = CAPITAL_CONVENTION.test(src.length > 4096 ? src.slice(0, 4096) : src);
  return src.replace(TOKEN, (word, offset: number) => {
    if (/^[0-9]+$/.test(word)) return word;
    const before = src.slice(Math.max(0, offset - 3), offset);
    const sentenceInitial = (offset === 0 || /[.!?؟]\s*$/.test(before)) && !capitalConvention;
    return arabiziCandidates(word, { sentenceInitial })[0] ?? word;
  });
}
