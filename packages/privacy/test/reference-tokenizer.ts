/**
 * The tokenizer as it was before folding and tokenizing were fused (tokenizer.ts): it reads the folded
 * string produced by foldText, one charCodeAt per unit, and looks words up from that string. Kept here
 * as the specification the fused pass must reproduce token for token.
 */
import { LEXICON, PROCLITIC_KEEPS } from '../src/lexicon/index.js';
import { findKeyInText } from '../src/lexicon/key-table.js';
import { isArabicLetter, isArabicMark, isDigit, isLatinLetter } from '../src/text.js';
import { TokenKind } from '../src/tokens.js';

export interface ReferenceToken {
  start: number;
  end: number;
  kind: TokenKind;
  flags: number;
  entry: number;
}

const PROCLITICS = new Set([0x648, 0x628, 0x644, 0x641, 0x643]);

export function referenceTokenize(low: string): { tokens: ReferenceToken[]; at: number[]; colon: number[] } {
  const n = low.length;
  const tokens: ReferenceToken[] = [];
  const at: number[] = [];
  const colon: number[] = [];
  const letter = (c: number) => c < 0x800 && (isLatinLetter(c) || isArabicLetter(c));
  let i = 0;
  while (i < n) {
    const c = low.charCodeAt(i);
    if (!(c < 0x800 && isDigit(c)) && (!letter(c) || isArabicMark(c))) {
      if (c === 64) at.push(i);
      else if (c === 58) colon.push(i);
      i++;
      continue;
    }
    const s = i++;
    let kind: TokenKind;
    if (isDigit(c)) {
      kind = TokenKind.Digits;
      while (i < n && isDigit(low.charCodeAt(i))) i++;
    } else if (isLatinLetter(c)) {
      kind = TokenKind.Latin;
      while (i < n && low.charCodeAt(i) < 0x800 && isLatinLetter(low.charCodeAt(i))) i++;
    } else {
      kind = TokenKind.Arabic;
      while (
        i < n &&
        low.charCodeAt(i) < 0x800 &&
        (isArabicLetter(low.charCodeAt(i)) || isArabicMark(low.charCodeAt(i)))
      )
        i++;
    }
    let flags = 0;
    let entry = -1;
    const glued =
      kind === TokenKind.Latin &&
      ((s > 0 && isDigit(low.charCodeAt(s - 1))) || (i < n && isDigit(low.charCodeAt(i))));
    if (kind !== TokenKind.Digits && i - s <= 24 && !glued) {
      entry = findKeyInText(LEXICON, low, s, i);
      if (entry >= 0) flags = LEXICON.flags[entry]!;
      else if (kind === TokenKind.Arabic && PROCLITICS.has(c)) {
        let keyLength = 0;
        for (let k = s; k < i; k++) if (!isArabicMark(low.charCodeAt(k))) keyLength++;
        const bare = keyLength > 3 ? findKeyInText(LEXICON, low, s + 1, i) : -1;
        if (bare >= 0) flags = LEXICON.flags[bare]! & PROCLITIC_KEEPS;
      }
    }
    tokens.push({ start: s, end: i, kind, flags, entry });
  }
  return { tokens, at, colon };
}
