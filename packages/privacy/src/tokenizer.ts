/**
 * Folding and tokenizing in one pass over the text's code units. The two used to be separate passes:
 * foldText mapped a buffer and decoded it into a string, then the tokenizer read that string back with
 * charCodeAt and compared lexicon keys against it. Here each unit is folded as the tokenizer first
 * reads it, written back to the same buffer (which becomes the folded string at the end), and words
 * are looked up in the lexicon straight from that buffer.
 */
import { LEXICON, PROCLITIC_KEEPS } from './lexicon/index.js';
import { findKey, findKeyIn, HASH_SEED, hashStep } from './lexicon/key-table.js';
import { FOLD, loadUnits, unitsToString } from './text.js';
import { currentTokenScratch, finishTokens, growTokenScratch, TokenKind, type Tokens } from './tokens.js';

// Character classes of folded code units, indexed by the unit before folding: one lookup gives the
// class of the folded unit. Words are letter runs of one script (Latin, Arabic with its marks) or digits.
const OTHER = 0;
const MARK = 1;
const DIGIT = 2;
const LATIN = 3;
const ARABIC = 4;
function classOfFolded(c: number): number {
  if (c >= 48 && c <= 57) return DIGIT;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return LATIN;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return LATIN;
  // Before the Arabic letters: tatweel (U+0640) lies inside their range.
  if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640) return MARK;
  if ((c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x750 && c <= 0x77f)) return ARABIC;
  return OTHER;
}
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) CLASS[c] = classOfFolded(FOLD[c]!);

/**
 * Letters that fold to themselves and are word letters of their script: most units inside words. The
 * word loops test these ranges first and skip both table reads and the write-back for them (a check at
 * load time below keeps the ranges honest if the folding tables change).
 */
function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
/** ا ب and ت…غ, ف…و: the Arabic letters without variants to fold (not ة ى أ إ آ, not tatweel). */
function isPlainArabic(c: number): boolean {
  return (c >= 0x62a && c <= 0x63a) || (c >= 0x641 && c <= 0x648) || c === 0x627 || c === 0x628;
}
for (let c = 0; c < 0x800; c++) {
  if ((isLowerAscii(c) && CLASS[c] !== LATIN) || (isPlainArabic(c) && CLASS[c] !== ARABIC))
    throw new Error(`tokenizer: fast path class of U+${c.toString(16)}`);
  if ((isLowerAscii(c) || isPlainArabic(c)) && FOLD[c] !== c)
    throw new Error(`tokenizer: fast path fold of U+${c.toString(16)}`);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const PROCLITICS = new Set([0x648, 0x628, 0x644, 0x641, 0x643]); // و ب ل ف ك

/** Longest word (code units) looked up in the lexicon; longer runs are never names or cue words. */
const MAX_LEXICON_WORD = 24;

/**
 * Tokens of `text`, whose `low` is foldText(text). With `transient`, the arrays are the tokenizer's
 * scratch buffers (see finishTokens).
 */
export function tokenizeText(text: string, transient = false): Tokens {
  const n = text.length;
  const units = loadUnits(text);
  const at: number[] = [];
  const colon: number[] = [];
  const count = scanWords(units, n, at, colon);
  return finishTokens(count, at, colon, unitsToString(units, n), transient);
}

/**
 * Folds units[0, n) in place and fills the token scratch; returns the token count. A function of its
 * own, ending with its loop: on a long text V8 optimises the loop while it runs (on-stack replacement)
 * and reuses that code on later calls, and any code after the loop that had never run by then made
 * every later call drop out of the optimised code at the end.
 *
 * Each unit is folded when first read and written back. The unit that ends a word is read (and folded)
 * by the word's loop, then read again by the outer loop: folding is idempotent, so folding it twice is
 * harmless, and CLASS of a folded unit is the class it had before.
 */
function scanWords(units: Uint16Array, n: number, at: number[], colon: number[]): number {
  // Locals rather than property reads in the loop; refreshed when the scratch grows.
  let { start: starts, end: ends, kind: kinds, flags: flagsOf, entry: entries } = currentTokenScratch();
  let cap = starts.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const raw = units[i]!;
    // Spaces, about one unit in six, separate words and fold to themselves.
    if (raw === 32) {
      i++;
      continue;
    }
    const c = FOLD[raw]!;
    units[i] = c;
    const cls = CLASS[raw]!;
    if (cls <= MARK) {
      if (c === 64) at.push(i);
      else if (c === 58) colon.push(i);
      i++;
      continue;
    }
    if (count === cap) {
      ({ start: starts, end: ends, kind: kinds, flags: flagsOf, entry: entries } = growTokenScratch());
      cap = starts.length;
    }
    const s = i;
    i++;
    // The lexicon key is hashed during the scan itself (marks excluded, as lexKey drops them).
    let h = hashStep(HASH_SEED, c);
    let keyLength = 1;
    let kind: TokenKind;
    if (cls === ARABIC) {
      kind = TokenKind.Arabic;
      while (i < n) {
        const r = units[i]!;
        if (isPlainArabic(r)) {
          h = hashStep(h, r);
          keyLength++;
          i++;
          continue;
        }
        const d = FOLD[r]!;
        units[i] = d;
        const k = CLASS[r]!;
        if (k === ARABIC) {
          h = hashStep(h, d);
          keyLength++;
        } else if (k !== MARK) break;
        i++;
      }
    } else if (cls === LATIN) {
      kind = TokenKind.Latin;
      while (i < n) {
        const r = units[i]!;
        let d = r;
        if (!isLowerAscii(r)) {
          d = FOLD[r]!;
          units[i] = d;
          if (CLASS[r] !== LATIN) break;
        }
        h = hashStep(h, d);
        keyLength++;
        i++;
      }
    } else {
      kind = TokenKind.Digits;
      while (i < n) {
        const r = units[i]!;
        if (isAsciiDigit(r)) {
          i++;
          continue;
        }
        const d = FOLD[r]!;
        units[i] = d;
        if (!isAsciiDigit(d)) break;
        i++;
      }
    }
    starts[count] = s;
    ends[count] = i;
    kinds[count] = kind;
    let flags = 0;
    let entry = -1;
    // Latin letters glued to digits are Arabizi spellings ("3lina", "sara7a", "bo7dna") or codes: the
    // letter run alone is not the word it spells, so it gets no lexical meaning (names, cues, categories).
    // The units on both sides are already folded (the one after was read by the word's loop).
    if (
      kind !== TokenKind.Digits &&
      i - s <= MAX_LEXICON_WORD &&
      !(
        kind === TokenKind.Latin &&
        ((s > 0 && isAsciiDigit(units[s - 1]!)) || (i < n && isAsciiDigit(units[i]!)))
      )
    ) {
      entry = findKey(LEXICON, units, s, i, h, keyLength);
      if (entry >= 0) flags = LEXICON.flags[entry]!;
      else if (kind === TokenKind.Arabic && keyLength > 3 && PROCLITICS.has(c)) {
        const bare = findKeyIn(LEXICON, units, s + 1, i);
        if (bare >= 0) flags = LEXICON.flags[bare]! & PROCLITIC_KEEPS;
      }
    }
    flagsOf[count] = flags;
    entries[count] = entry;
    count++;
  }
  return count;
}
