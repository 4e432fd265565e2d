import { F, NAME_CORE } from '../lexicon/index.js';
import { GREETINGS, INTRO_CUES, LOWERCASE_INTRO_CUES, WEAK_INTRO_CUES } from '../lexicon/names.js';
import { foldText, isSpace, isUpperAscii, isWordChar } from '../text.js';
import { keyOf, TokenKind, type Tokens, tightGap } from '../tokens.js';
import type { ScanInput } from './candidate.js';

/** Introduction cues indexed by their last word, longest first. */
const INTROS_BY_LAST = new Map<string, string[]>();
for (const cue of [...new Set(INTRO_CUES.map((c) => foldText(c)))].sort((a, b) => b.length - a.length)) {
  const last = cue
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .pop();
  if (!last) continue;
  INTROS_BY_LAST.set(last, [...(INTROS_BY_LAST.get(last) ?? []), cue]);
}

/**
 * Whitespace (as the regex class \s sees it in folded text), ":", ",", "-" or "–" between a cue and
 * a name; a char-code test instead of a regex over one-character substrings.
 */
function isIntroGap(c: number): boolean {
  return c === 58 || c === 44 || c === 45 || c === 0x2013 || isSpace(c);
}

/** The introduction cue ending right before token `t` (skipping spaces, colons, commas), if any. */
function introBefore(low: string, tokens: Tokens, t: number): string | null {
  const candidates = INTROS_BY_LAST.get(keyOf(tokens, t - 1));
  if (!candidates) return null;
  const start = tokens.start[t]!;
  let p = start;
  while (p > 0 && p > start - 4 && isIntroGap(low.charCodeAt(p - 1))) p--;
  // The cue may end anywhere between its last word and the name ("nom : X" ends after the colon).
  for (const cue of candidates) {
    for (let q = start; q >= p; q--) {
      if (!low.startsWith(cue, q - cue.length)) continue;
      const s = q - cue.length;
      if (s === 0 || !isWordChar(low.charCodeAt(s - 1))) return cue;
    }
  }
  return null;
}

/** A Latin token touching a digit ("Bojm3a", "3lina") is part of an Arabizi word or a code. */
function glued(low: string, tokens: Tokens, k: number): boolean {
  if (tokens.kind[k] !== TokenKind.Latin) return false;
  const s = tokens.start[k]!;
  const e = tokens.end[k]!;
  const before = s > 0 ? low.charCodeAt(s - 1) : 32;
  const after = e < low.length ? low.charCodeAt(e) : 32;
  return (before >= 48 && before <= 57) || (after >= 48 && after <= 57);
}

function capitalised(text: string, tokens: Tokens, t: number): boolean {
  return isUpperAscii(text.charCodeAt(tokens.start[t]!));
}

/** Title token right before token `t` ("M.", "Mme", "السيد", "Dr"), with the checks short titles need. */
function titleBefore(input: ScanInput, tokens: Tokens, t: number): boolean {
  const p = t - 1;
  if (p < 0 || !(tokens.flags[p]! & F.TITLE)) return false;
  const { low, text } = input;
  const gapStart = tokens.end[p]!;
  // Spaces and dots only, at most three ("M. ", "Dr "): checked in place, no substring per title.
  const gapEnd = tokens.start[t]!;
  if (gapEnd - gapStart > 3) return false;
  for (let i = gapStart; i < gapEnd; i++) {
    const c = low.charCodeAt(i);
    if (c !== 46 && !isSpace(c)) return false;
  }
  const key = keyOf(tokens, p);
  if (key === 'm')
    return (
      isUpperAscii(text.charCodeAt(tokens.start[p]!)) && gapEnd > gapStart && low.charCodeAt(gapStart) === 46
    );
  if (key === 'me' || key === 'si') return isUpperAscii(text.charCodeAt(tokens.start[p]!));
  return true;
}

function isNameish(flags: number): boolean {
  return (flags & (NAME_CORE | F.PARTICLE)) !== 0;
}

/**
 * Person names from the gazetteer (given names, family names, particles such as El/Ben/Aït/Abd), and
 * unknown names captured after a title or an introduction ("je m'appelle", "smiti", "اسمي", "السيد").
 */
export function scanPersons(input: ScanInput, tokens: Tokens): void {
  const { low, text, out } = input;
  // Starts: name words and words after a title or intro cue (token-index.ts); `next` skips tokens
  // already taken by the previous name.
  const starts = input.index.persons;
  let next = 0;
  for (let w = 0; w < starts.count; w++) {
    const t = starts.items[w]!;
    if (t < next) continue;
    const kind = tokens.kind[t]!;
    const prevFlags = t > 0 ? tokens.flags[t - 1]! : 0;
    const cueTitle = prevFlags & F.TITLE ? titleBefore(input, tokens, t) : false;
    let intro = cueTitle || !(prevFlags & F.INTRO_LAST) ? null : introBefore(low, tokens, t);
    // A greeting only introduces a capitalised Latin name ("Bonjour Karim", not "salam amal kbir").
    if (intro !== null && GREETINGS.has(intro) && (kind !== TokenKind.Latin || !capitalised(text, tokens, t)))
      intro = null;
    const strongIntro = intro !== null && !WEAK_INTRO_CUES.has(intro);
    const flags = tokens.flags[t]!;
    if (!isNameish(flags) && !cueTitle && !strongIntro) continue;
    // Extend over adjacent tokens of the same script that are names, particles, or (after a cue) unknown words.
    const capture = cueTitle || strongIntro;
    let e = t;
    let core = 0;
    let ambiguousOnly = true;
    let unknown = 0;
    for (let k = t; k < tokens.count && k - t < 5; k++) {
      if (k > t && (tokens.kind[k] !== kind || !tightGap(low, tokens.end[k - 1]!, tokens.start[k]!))) break;
      const f = tokens.flags[k]!;
      const afterAbd =
        k > t &&
        (keyOf(tokens, k - 1) === 'abd' ||
          keyOf(tokens, k - 1) === 'عبد' ||
          keyOf(tokens, k - 1) === 'abdel');
      if (f & NAME_CORE || (afterAbd && f & F.ABD_SUFFIX)) {
        core++;
        if (!(f & F.AMBIG) || afterAbd) ambiguousOnly = false;
      } else if (f & F.PARTICLE) {
        // particles only inside a name
      } else if (glued(low, tokens, k)) {
        break; // Arabizi spelling or a code, not a name
      } else if (
        k > t &&
        tokens.flags[k - 1]! & F.PARTICLE &&
        (core > 0 || capture) &&
        !(f & F.STOP) &&
        (kind === TokenKind.Arabic || capitalised(text, tokens, k))
      ) {
        unknown++; // family names after a particle are open-ended: Aït Taleb, Ben Zakour
        ambiguousOnly = false;
      } else if (
        capture &&
        (kind === TokenKind.Arabic ||
          capitalised(text, tokens, k) ||
          (intro !== null &&
            LOWERCASE_INTRO_CUES.has(intro) &&
            !(unknown > 0 && capitalised(text, tokens, t)) &&
            unknown < 2)) &&
        !(core > 0 && (tokens.flags[k - 1]! & NAME_CORE) === F.FAMILY) &&
        !(f & F.STOP) &&
        unknown < 3 &&
        (kind === TokenKind.Arabic || capitalised(text, tokens, k) || strongIntro)
      ) {
        unknown++;
      } else break;
      e = k;
    }
    // Trim particles at the end ("Mohamed El" -> "Mohamed").
    while (e > t && tokens.flags[e]! & F.PARTICLE && !(tokens.flags[e]! & NAME_CORE)) e--;
    let s = t;
    while (s < e && tokens.flags[s]! & F.PARTICLE && !(tokens.flags[s]! & NAME_CORE) && !capture) s++;
    if (core + unknown === 0) continue;
    const parts = e - s + 1;
    let score: number;
    if (capture) score = strongIntro ? 0.9 : 0.85;
    else if (intro !== null)
      score = 0.8; // weak intro ("je suis", "ana") confirms even an ambiguous name
    else if (core >= 2 && !ambiguousOnly) score = 0.9;
    else if (core >= 2) score = kind === TokenKind.Latin && capitalised(text, tokens, s) ? 0.6 : 0.4;
    else if (ambiguousOnly) score = 0.3;
    else if (kind === TokenKind.Latin) score = capitalised(text, tokens, s) ? 0.75 : 0.6;
    else score = parts > 1 ? 0.8 : 0.7;
    out.push('PERSON', tokens.start[s]!, tokens.end[e]!, score);
    next = e + 1;
  }
}
