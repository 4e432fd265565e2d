import { analyzeTransient } from './detect.js';
import { F, SENSITIVE_PHRASES, type SensitivePhrase } from './lexicon/index.js';
import { keyOf, TokenKind, type Tokens } from './tokens.js';
import type { Classification, DataClass, DetectOptions, PiiEntity, SensitiveCategory } from './types.js';

export interface SensitiveHit {
  category: SensitiveCategory;
  start: number;
  end: number;
  strong: boolean;
}

/** Arabizi terms spelled with digits ("m7bous", "ni9aba", "mol7id"), looked up as whole alphanumeric words. */
const ARABIZI_TERMS = new Map<string, SensitivePhrase>();
for (const list of SENSITIVE_PHRASES.values())
  for (const p of list)
    if (p.tokens.length === 1 && /[0-9]/.test(p.tokens[0]!)) ARABIZI_TERMS.set(p.tokens[0]!, p);
// Entries spelled with digits were split by the tokenizer into first-word keys that never occur alone.

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Special-category keywords (Loi 09-08 art. 21) found among the tokens. */
export function findSensitive(tokens: Tokens): SensitiveHit[] {
  const hits: SensitiveHit[] = [];
  const low = tokens.low;
  let lastWordEnd = -1;
  for (let t = 0; t < tokens.count; t++) {
    // Arabizi words mixing letters and digits: rebuild the whole word around a digit-glued token.
    if (tokens.kind[t] === TokenKind.Digits || tokens.start[t]! < lastWordEnd) continue;
    const s0 = tokens.start[t]!;
    const e0 = tokens.end[t]!;
    const glued =
      (s0 > 0 && isAlnum(low.charCodeAt(s0 - 1))) || (e0 < low.length && isAlnum(low.charCodeAt(e0)));
    if (!glued) continue;
    let s = s0;
    let e = e0;
    while (s > 0 && isAlnum(low.charCodeAt(s - 1)) && s0 - s < 24) s--;
    while (e < low.length && isAlnum(low.charCodeAt(e)) && e - e0 < 24) e++;
    lastWordEnd = e;
    const p = ARABIZI_TERMS.get(low.slice(s, e));
    if (p) hits.push({ category: p.category, start: s, end: e, strong: p.strong });
  }
  for (let t = 0; t < tokens.count; t++) {
    if (!(tokens.flags[t]! & F.SENS_START)) continue;
    const phrases = SENSITIVE_PHRASES.get(keyOf(tokens, t));
    if (!phrases) continue;
    for (const p of phrases) {
      let ok = t + p.tokens.length <= tokens.count;
      for (let k = 1; ok && k < p.tokens.length; k++) if (keyOf(tokens, t + k) !== p.tokens[k]) ok = false;
      if (ok) {
        hits.push({
          category: p.category,
          start: tokens.start[t]!,
          end: tokens.end[t + p.tokens.length - 1]!,
          strong: p.strong,
        });
        break;
      }
    }
  }
  return hits;
}

/**
 * Data class of a text: `sensitive` when it discloses a special category about someone, `personal` when it
 * holds identifiers, `internal` when marked confidential, else `public`.
 */
export function classifyText(text: string, options?: DetectOptions): Classification {
  return inspectText(text, options).classification;
}

export interface InspectOptions extends DetectOptions {
  /**
   * Look for special categories (default true). Callers pass false for text that is not about the data
   * subject, e.g. an operator's system prompt quoting a catalogue ("données biométriques").
   */
  sensitive?: boolean;
}

/** Classification and the detections it rests on, from a single scan (for callers that need both). */
export function inspectText(
  text: string,
  options?: InspectOptions,
): { classification: Classification; entities: PiiEntity[] } {
  // The tokens are read below and dropped before anything scans again.
  const { tokens, entities } = analyzeTransient(text, options);
  const hits = options?.sensitive === false ? [] : findSensitive(tokens);
  let personalContext = entities.length > 0;
  let internal = false;
  for (let t = 0; t < tokens.count; t++) {
    const f = tokens.flags[t]!;
    if (f & F.PERSONAL) personalContext = true;
    if (f & F.INTERNAL) internal = true;
  }
  const categories = new Set<SensitiveCategory>();
  for (const h of hits) if (h.strong || personalContext) categories.add(h.category);
  const pii = [...new Set(entities.map((e) => e.type))];
  let dataClass: DataClass = 'public';
  if (categories.size > 0) dataClass = 'sensitive';
  else if (pii.length > 0) dataClass = 'personal';
  else if (internal) dataClass = 'internal';
  return { classification: { dataClass, pii, sensitiveCategories: [...categories] }, entities };
}
