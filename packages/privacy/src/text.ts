/**
 * Length-preserving normalisation: every output char sits at the same offset as its source char,
 * so detections on the folded text map back onto the original without an offset table.
 */

const FOLD: Record<string, string> = {};
function foldRange(from: string, to: string): void {
  for (let i = 0; i < from.length; i++) FOLD[from[i]!] = to[i]!;
}
// Eastern Arabic and Persian digits.
foldRange('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789');
// Latin accents (the text is lowercased first): strip the combining mark when the base is ASCII.
for (let c = 0xe0; c <= 0x17f; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD')[0]!;
  if (base !== ch && /^[a-z]$/.test(base)) FOLD[ch] = base;
}
foldRange('ıłđø', 'ildo');
// Arabic letter variants that writers use interchangeably.
foldRange('أإآٱٲٳىةۀۃڪیکۍ', 'ااااااي' + 'ههه' + 'كيكي');
// Spaces and invisible formatting marks (NBSP, thin spaces, bidi marks, ZW chars, soft hyphen) -> space.
for (const c of [0x00a0, 0x00ad, 0x061c, 0x180e, 0x202f, 0x205f, 0x3000, 0xfeff])
  FOLD[String.fromCharCode(c)] = ' ';
for (let c = 0x2000; c <= 0x200f; c++) FOLD[String.fromCharCode(c)] = ' ';
for (let c = 0x2028; c <= 0x202e; c++) FOLD[String.fromCharCode(c)] = ' ';
for (let c = 0x2060; c <= 0x206f; c++) FOLD[String.fromCharCode(c)] = ' ';

const FOLD_RE =
  /[\u00a0\u00ad\u00e0-\u017f\u0622\u0623\u0625\u0629\u061c\u0649\u0660-\u0669\u0671-\u0673\u06a9\u06aa\u06c0\u06c3\u06cc\u06cd\u06f0-\u06f9\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

function foldChar(c: string): string {
  return FOLD[c] ?? c;
}

/** Lowercased, folded copy of `text` with exactly the same length. */
export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A few characters (e.g. U+0130) lowercase to two code units; lowercase one by one instead.
    const parts: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const l = text[i]!.toLowerCase();
      parts.push(l.length === 1 ? l : text[i]!);
    }
    lower = parts.join('');
  }
  return lower.replace(FOLD_RE, foldChar);
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

/** Full folding for comparing values (used for lexicon entries and pseudonym keys). */
export function foldValue(value: string): string {
  return lexKey(foldText(value))
    .replace(/[\s\-'’‘`.]+/g, ' ')
    .trim();
}
