/**
 * Length-preserving normalisation: every output char sits at the same offset as its source char,
 * so detections on the folded text map back onto the original without an offset table.
 */

const FOLD_MAP: Record<string, string> = {};
function foldRange(from: string, to: string): void {
  for (let i = 0; i < from.length; i++) FOLD_MAP[from[i]!] = to[i]!;
}
// Eastern Arabic and Persian digits.
foldRange('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789');
// Latin accents (the text is lowercased first): strip the combining mark when the base is ASCII.
for (let c = 0xe0; c <= 0x17f; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD')[0]!;
  if (base !== ch && /^[a-z]$/.test(base)) FOLD_MAP[ch] = base;
}
foldRange('ıłđø', 'ildo');
// Arabic letter variants that writers use interchangeably.
foldRange('أإآٱٲٳىةۀۃڪیکۍ', 'ااااااي' + 'ههه' + 'كيكي');
// Spaces and invisible formatting marks (NBSP, thin spaces, bidi marks, ZW chars, soft hyphen) -> space.
for (const c of [0x00a0, 0x00ad, 0x061c, 0x180e, 0x202f, 0x205f, 0x3000, 0xfeff])
  FOLD_MAP[String.fromCharCode(c)] = ' ';
for (let c = 0x2000; c <= 0x200f; c++) FOLD_MAP[String.fromCharCode(c)] = ' ';
for (let c = 0x2028; c <= 0x202e; c++) FOLD_MAP[String.fromCharCode(c)] = ' ';
for (let c = 0x2060; c <= 0x206f; c++) FOLD_MAP[String.fromCharCode(c)] = ' ';

function foldHigh(c: number): number {
  // Spaces and invisible formatting marks -> space; everything else above U+0800 is kept as is.
  if ((c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f)) return 32;
  if (c === 0x3000 || c === 0xfeff || c === 0x180e) return 32;
  return c;
}

// One lookup per UTF-16 code unit: lowercase + fold below U+0800 (Latin, Arabic), spaces above.
const TABLE = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0x800) {
    TABLE[c] = foldHigh(c);
    continue;
  }
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const base = lower.length === 1 ? lower : ch;
  TABLE[c] = (FOLD_MAP[base] ?? base).charCodeAt(0);
}

// Node's Buffer decodes UTF-16LE fastest; elsewhere (browsers) TextDecoder does the same, one code unit
// in, one out (a lone surrogate becomes U+FFFD, still one unit). Typed arrays are little-endian on every
// platform JavaScript runs on in practice.
interface NodeBufferView {
  toString(e: string, start?: number, end?: number): string;
  write(s: string, offset: number, length: number, e: string): number;
}
const NodeBuffer = (
  globalThis as { Buffer?: { from(b: ArrayBuffer, o?: number, l?: number): NodeBufferView } }
).Buffer;
const utf16 = new TextDecoder('utf-16le');
function decodeUtf16(units: Uint16Array): string {
  if (NodeBuffer)
    return NodeBuffer.from(units.buffer as ArrayBuffer, units.byteOffset, units.length * 2).toString(
      'utf16le',
    );
  return utf16.decode(units);
}

/**
 * Scratch buffer reused across calls (the decode copies it into a string): allocating a fresh off-heap
 * typed array per call cost more than the folding itself on short prompts. Inputs above SCRATCH_MAX get
 * their own buffer so one huge document does not pin megabytes for the life of the process.
 */
const SCRATCH_MAX = 1 << 20;
let scratch = new Uint16Array(4096);
let scratchBytes: NodeBufferView | undefined;

/** Node's byte view of `units` (made once for the scratch buffer). */
function bytesOf(units: Uint16Array): NodeBufferView {
  if (units !== scratch)
    return NodeBuffer!.from(units.buffer as ArrayBuffer, units.byteOffset, units.byteLength);
  if (!scratchBytes) scratchBytes = NodeBuffer!.from(scratch.buffer as ArrayBuffer);
  return scratchBytes;
}

/**
 * The code units of `text` in a buffer that stays valid until the next loadUnits call (foldText and
 * the tokenizer both start here). Node copies them natively (one memcpy or widening pass): much cheaper
 * than charCodeAt per unit, which is slow on sliced and concatenated strings. Short texts are copied in
 * a loop: two native calls cost more than a few dozen units.
 */
export function loadUnits(text: string): Uint16Array {
  const n = text.length;
  if (n > scratch.length && n <= SCRATCH_MAX) {
    scratch = new Uint16Array(Math.min(SCRATCH_MAX, n * 2));
    scratchBytes = undefined;
  }
  const out = n <= scratch.length ? scratch : new Uint16Array(n);
  if (NodeBuffer && n > SHORT_MAX) bytesOf(out).write(text, 0, n * 2, 'utf16le');
  else for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The string of units[0, n). */
export function unitsToString(units: Uint16Array, n: number): string {
  if (n <= SHORT_MAX) {
    for (let k = 0; k < n; k++) shortUnits[k] = units[k]!;
    return shortString(n);
  }
  if (NodeBuffer) return bytesOf(units).toString('utf16le', 0, n * 2);
  return decodeUtf16(units.subarray(0, n));
}

/**
 * Short values (identifiers and names being normalised, one per detection): the string itself when
 * nothing folds (digits, lowercase e-mails), else a copy built from a small buffer. Both beat a round
 * trip through a native buffer, whose two calls cost more than folding a few dozen units.
 */
export const SHORT_MAX = 64;
/** Scratch for building one short string (a value being folded or normalised), then shortString(). */
export const shortUnits = new Uint16Array(SHORT_MAX);
/** One view per length, made once: a fresh subarray per value was a visible share of the garbage. */
const SHORT_VIEWS = Array.from({ length: SHORT_MAX + 1 }, (_, n) => shortUnits.subarray(0, n));
/** The string of shortUnits[0, n). */
export function shortString(n: number): string {
  return String.fromCharCode.apply(null, SHORT_VIEWS[n] as unknown as number[]);
}
/**
 * Folded code unit by code unit (lowercase, accents and letter variants, spaces; see TABLE). Folding is
 * idempotent (FOLD[FOLD[c]] === FOLD[c], a test checks every unit): the tokenizer relies on it.
 */
export const FOLD: Readonly<Uint16Array> = TABLE;
/** Folded code unit (lowercase, accents and letter variants, spaces; see TABLE). */
export function foldUnit(c: number): number {
  return TABLE[c]!;
}
function foldShort(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (TABLE[c] !== c) break;
    i++;
  }
  if (i === n) return text;
  for (let k = 0; k < n; k++) shortUnits[k] = TABLE[text.charCodeAt(k)]!;
  return shortString(n);
}

/** Lowercased, folded copy of `text` with exactly the same length (one code unit in, one out). */
export function foldText(text: string): string {
  const n = text.length;
  if (n <= SHORT_MAX) return foldShort(text);
  const units = loadUnits(text);
  for (let i = 0; i < n; i++) units[i] = TABLE[units[i]!]!;
  return unitsToString(units, n);
}

/** Whitespace as the regex class \s sees it. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
export function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}
/** Arabic harakat, superscript alef and tatweel: ignorable inside a word. */
export function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x0750 && c <= 0x077f);
}
export function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
export function isLetter(c: number): boolean {
  return isLatinLetter(c) || isArabicLetter(c) || isArabicMark(c) || (c >= 0x2d30 && c <= 0x2d7f);
}
export function isWordChar(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 95;
}

/** Key used for lexicon lookups: folded, lowercase, without Arabic marks or tatweel. */
export function lexKey(folded: string): string {
  let needs = false;
  for (let i = 0; i < folded.length; i++) {
    if (isArabicMark(folded.charCodeAt(i))) {
      needs = true;
      break;
    }
  }
  if (!needs) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (!isArabicMark(c)) out += folded[i];
  }
  return out;
}

/** Whitespace (the regex class \s), hyphen, apostrophes, backquote and dot: what separates a value's words. */
function isValueGap(c: number): boolean {
  return c === 45 || c === 46 || c === 39 || c === 96 || c === 0x2019 || c === 0x2018 || isSpace(c);
}

/**
 * Full folding for comparing values (used for lexicon entries and pseudonym keys): folded words joined
 * by single spaces. A loop rather than replace + trim: it runs once per detection when pseudonymising,
 * and a one-word value comes back without a copy.
 */
export function foldValue(value: string): string {
  if (value.length <= SHORT_MAX) return foldShortValue(value);
  const folded = lexKey(foldText(value));
  const n = folded.length;
  let out = '';
  let i = 0;
  while (i < n) {
    while (i < n && isValueGap(folded.charCodeAt(i))) i++;
    if (i === n) break;
    const s = i;
    while (i < n && !isValueGap(folded.charCodeAt(i))) i++;
    if (s === 0 && i === n) return folded;
    out = out.length === 0 ? folded.slice(s, i) : `${out} ${folded.slice(s, i)}`;
  }
  return out;
}

/** foldValue of a short value in one pass over a scratch buffer: one string at most, none if unchanged. */
function foldShortValue(value: string): string {
  const n = value.length;
  let k = 0;
  let gap = false;
  // Output equals the input when every unit written matches the input at the same index and none is lost.
  let same = true;
  for (let i = 0; i < n; i++) {
    const f = TABLE[value.charCodeAt(i)]!;
    if (isArabicMark(f)) continue;
    if (isValueGap(f)) {
      // Leading and trailing separators vanish; one space stands for a run between words.
      if (k > 0) gap = true;
      continue;
    }
    if (gap) {
      if (value.charCodeAt(k) !== 32) same = false;
      shortUnits[k++] = 32;
      gap = false;
    }
    if (value.charCodeAt(k) !== f) same = false;
    shortUnits[k++] = f;
  }
  return same && k === n ? value : shortString(k);
}
