/**
 * Text normalisation for search keys and for display, in one linear pass over UTF-16 code units.
 * Search mode folds everything a Moroccan user may type differently for the same word: Arabic
 * hamza/alef forms, ة/ه, ى/ي, Moroccan letters ڭ/گ/ڤ, diacritics and tatweel, Eastern Arabic digits,
 * French accents and elisions, letters repeated for emphasis, and Arabizi digits used as letters.
 */

export type NormalizeMode = 'search' | 'display';
export interface NormalizeOptions {
  for?: NormalizeMode;
}

// Folding table for search mode (after NFKD, so hamza-carrying letters arrive decomposed).
const SEARCH_MAP = new Map<number, string>([
  [0x0622, 'ا'], // آ (if not decomposed)
  [0x0623, 'ا'],
  [0x0625, 'ا'],
  [0x0671, 'ا'], // ٱ
  [0x0624, 'و'],
  [0x0626, 'ي'],
  [0x0649, 'ي'], // ى
  [0x06cc, 'ي'], // Persian yeh
  [0x0629, 'ه'], // ة
  [0x06ad, 'ك'], // ڭ Moroccan g
  [0x06af, 'ك'], // گ
  [0x0763, 'ك'], // ݣ
  [0x06a9, 'ك'], // keheh
  [0x06a4, 'ف'], // ڤ
  [0x06a5, 'ف'],
  [0x0263, 'gh'], // ɣ IRCAM Latin
  [0x0194, 'gh'],
  [0x025b, 'a'], // ɛ IRCAM Latin (ع)
  [0x0190, 'a'],
  [0x03b5, 'a'], // Greek ε typed for ɛ
  [0x02b7, 'w'], // ʷ labialisation
  [0x00df, 'ss'],
  [0x0153, 'oe'],
  [0x00e6, 'ae'],
]);

// Dense lookup for the hot loop: code unit -> folded code unit (0 = unchanged); multi-letter folds
// (ɣ -> gh, ß -> ss ...) stay in SEARCH_MAP and are flagged with 0xffff.
const FOLD_TABLE = new Uint16Array(0x10000);
for (const [code, to] of SEARCH_MAP) FOLD_TABLE[code] = to.length === 1 ? to.charCodeAt(0) : 0xffff;
for (let d = 0; d < 10; d++) {
  FOLD_TABLE[0x0660 + d] = 0x30 + d;
  FOLD_TABLE[0x06f0 + d] = 0x30 + d;
}

// Display mode only repairs encoding variants; it keeps diacritics and letters as written.
const DISPLAY_MAP = new Map<number, string>([
  [0x06cc, 'ي'],
  [0x06a9, 'ك'],
]);

const ELISIONS = new Set([
  'c',
  'd',
  'j',
  'l',
  'm',
  'n',
  's',
  't',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad ||
    c === 0x061c ||
    c === 0x180e
  );
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x20d0 && c <= 0x20ff);
}

function isLetterCode(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    (c >= 0x2d30 && c <= 0x2d6f)
  );
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x60 || c === 0xb4;
}

/** Normalises text for search keys (default) or for display. Never throws; runs in linear time. */
export function normalize(text: string, opts: NormalizeOptions = {}): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return opts.for === 'display' ? normalizeDisplay(text) : normalizeSearch(text);
}

function normalizeDisplay(text: string): string {
  const src = text.normalize('NFC');
  let out = '';
  let pendingSpace = false;
  let pendingBreaks = 0; // line breaks inside the pending whitespace run: kept (at most one blank line)
  let chunkStart = 0;
  const flushSpace = (): void => {
    if (out.length > 0) out += pendingBreaks >= 2 ? '\n\n' : pendingBreaks === 1 ? '\n' : ' ';
    pendingSpace = false;
    pendingBreaks = 0;
  };
  // Copy runs of unchanged code units in one slice; only special characters break a run.
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    const space = isSpace(c);
    const mapped = DISPLAY_MAP.get(c);
    const drop = c === 0x0640 || (isInvisible(c) && !(c === 0x200d && keepsZwj(src, i)));
    if (!space && mapped === undefined && !drop) {
      if (pendingSpace) {
        flushSpace();
        chunkStart = i;
      }
      continue;
    }
    out += src.slice(chunkStart, i);
    chunkStart = i + 1;
    if (space) {
      pendingSpace = true;
      if (c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a))
        pendingBreaks++;
    } else if (mapped !== undefined) {
      if (pendingSpace) flushSpace();
      out += mapped;
    }
  }
  if (!pendingSpace) out += src.slice(chunkStart);
  return out;
}

// ZWJ glues emoji sequences (family, flags with tags): keep it there, drop it elsewhere.
function keepsZwj(s: string, i: number): boolean {
  const prev = s.charCodeAt(i - 1);
  return (prev >= 0xdc00 && prev <= 0xdfff) || prev === 0xfe0f;
}

// Character classes for the search loop, precomputed once so the hot loop is one table read.
const C_OTHER = 0;
const C_SKIP = 1;
const C_SPACE = 2;
const C_APOS = 3;
const C_LETTER = 4;
const C_DIGIT = 5;
const C_PUNCT = 6;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isCombining(c) || isArabicMark(c) || isInvisible(c)) CLASS[c] = C_SKIP;
  else if (isSpace(c)) CLASS[c] = C_SPACE;
  else if (isApostrophe(c)) CLASS[c] = C_APOS;
  else if (isLetterCode(c)) CLASS[c] = C_LETTER;
  else if (c >= 0x30 && c <= 0x39) CLASS[c] = C_DIGIT;
  else if (c < 0x80) CLASS[c] = C_PUNCT;
  else CLASS[c] = C_OTHER;
}

function normalizeSearch(text: string): string {
  const src = text.normalize('NFKD').toLowerCase();
  const n = src.length;
  const out = new Uint16Array(n * 2 + 4);
  let o = 0;
  let wordStart = 0; // index in out where the current word began (for elisions)
  let runEmphatic = false; // the last letter was repeated 3+ times
  // The current run of ASCII letters and digits: Arabizi words mix them (3lach, m3a, 5dma).
  let alnumStart = -1;
  let runDigit = false;
  let runLetter = false;
  const mixed: number[] = []; // [start, end) pairs in out
  const endRun = (): void => {
    if (alnumStart >= 0 && runDigit && runLetter && o > alnumStart) mixed.push(alnumStart, o);
    alnumStart = -1;
    runDigit = runLetter = false;
  };
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    let code = c;
    const folded = FOLD_TABLE[c] as number;
    if (folded === 0xffff) {
      const mapped = SEARCH_MAP.get(c) as string;
      if (runEmphatic) o--;
      runEmphatic = false;
      endRun();
      for (let k = 0; k < mapped.length; k++) out[o++] = mapped.charCodeAt(k);
      continue;
    }
    if (folded !== 0) code = folded;
    const cls = CLASS[code] as number;
    if (cls === C_SKIP) continue;
    if (cls === C_SPACE || cls === C_APOS) {
      if (runEmphatic) o--;
      runEmphatic = false;
      if (cls === C_APOS && o > wordStart && CLASS[src.charCodeAt(i + 1)] === C_LETTER) {
        const word = String.fromCharCode(...out.subarray(wordStart, o));
        if (ELISIONS.has(word)) {
          o = wordStart;
          alnumStart = -1;
          runDigit = runLetter = false;
          continue;
        }
      }
      endRun();
      if (o > 0 && out[o - 1] !== 0x20) out[o++] = 0x20;
      wordStart = o;
      continue;
    }
    if (cls === C_LETTER) {
      if (o >= 2 && out[o - 1] === code && out[o - 2] === code) {
        runEmphatic = true; // a third identical letter: emphasis, not spelling
        continue;
      }
      if (runEmphatic && out[o - 1] !== code) {
        o--;
        runEmphatic = false;
      }
      if (code < 0x80) {
        if (alnumStart < 0) alnumStart = o;
        runLetter = true;
      } else endRun();
      out[o++] = code;
      continue;
    }
    if (runEmphatic) {
      o--;
      runEmphatic = false;
    }
    if (cls === C_DIGIT) {
      if (alnumStart < 0) alnumStart = o;
      runDigit = true;
      out[o++] = code;
      continue;
    }
    endRun();
    out[o++] = code;
    // ASCII punctuation ends a word for elision detection (it is kept).
    if (cls === C_PUNCT) wordStart = o;
  }
  if (runEmphatic) o--;
  endRun();
  while (o > 0 && out[o - 1] === 0x20) o--;
  if (mixed.length === 0) return decodeUtf16(out, o);
  let result = '';
  let pos = 0;
  for (let k = 0; k < mixed.length; k += 2) {
    const start = mixed[k] as number;
    const end = Math.min(mixed[k + 1] as number, o);
    if (start >= end) continue;
    result += decodeUtf16(out.subarray(pos, start), start - pos);
    result += arabiziDigitsToLetters(decodeUtf16(out.subarray(start, end), end - start));
    pos = end;
  }
  return result + decodeUtf16(out.subarray(pos, o), o - pos);
}

function decodeUtf16(buf: Uint16Array, len: number): string {
  let s = '';
  // apply() takes the typed array as array-like arguments (no iterator), in chunks under the arg limit.
  for (let i = 0; i < len; i += 4096)
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + 4096)) as unknown as number[]);
  return s;
}

// Ordinals and units written after numbers are not Arabizi: 2eme, 10h30, 5kg, 100dh.
const NUMERIC_WITH_UNIT =
  /^[0-9]+(?:eme|er|ere|e|nd|st|rd|th|h|h[0-9]+|min|mn|s|km|kg|g|mg|m|cm|mm|l|ml|dh|dhs|mad|x|k|am|pm|mb|gb|go|mo|ko|kb|ans?)$/;
const DIGIT_LETTER: Record<string, string> = {
  '2': '',
  '3': 'a',
  '5': 'kh',
  '6': 't',
  '7': 'h',
  '8': 'h',
  '9': 'q',
};

function arabiziDigitsToLetters(token: string): string {
  if (NUMERIC_WITH_UNIT.test(token)) return token;
  // Only isolated digits touching letters are letters: "3la", "m3a", "5dma"; "10h30" keeps its digits.
  const letters = token.replace(/(^|[^0-9])([2356789])(?![0-9])/g, (_m, before: string, d: string) => {
    return before + (DIGIT_LETTER[d] ?? d);
  });
  // The new letters may form a run (l9a3a -> lqaaa): fold it like any emphasis so the key is stable.
  return letters.replace(/([a-z])\1\1+/g, '$1');
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Search tokens: letters and digits of the search-normalised text. */
export function tokenize(text: string): string[] {
  const norm = normalize(text, { for: 'search' });
  return norm.match(TOKEN) ?? [];
}
