/**
 * Arabic-script Darija -> Arabizi as Moroccans type it in chat: 3=ع 7=ح 9=ق, kh/gh/ch digraphs,
 * ou/i for long vowels, the article assimilated before sun letters (الدار -> ddar).
 */
import { lexiconArabizi } from './arabizi.js';

const LETTERS: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '2',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: '7',
  خ: 'kh',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'ch',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'd',
  ع: '3',
  غ: 'gh',
  ف: 'f',
  ڤ: 'v',
  ق: '9',
  ك: 'k',
  ڭ: 'g',
  گ: 'g',
  ݣ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ى: 'a',
  ؤ: 'o',
  ئ: 'i',
};
const SUN = new Set(['ت', 'ث', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ن', 'ل']);
const ARABIC_WORD = /[\u0621-\u064a\u0671-\u06d3\u0750-\u077f\u064b-\u065f\u0640]+/g;

function wordToArabizi(raw: string): string {
  const word = raw.replace(/[\u064b-\u065f\u0640\u0670]/g, '');
  const known = lexiconArabizi(word);
  if (known) return known;
  let w = word;
  let out = '';
  if (w.length > 3 && w.startsWith('ال')) {
    const first = w[2] as string;
    out = SUN.has(first) ? (LETTERS[first] ?? '') : 'l';
    w = w.slice(2);
  }
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const prev = w[i - 1];
    const next = w[i + 1];
    if (c === 'و') {
      // w as a consonant at the start or next to a vowel letter, ou as the long vowel.
      out +=
        i === 0 || next === 'ا' || prev === 'ا' || (next === undefined && prev === undefined) ? 'w' : 'ou';
      continue;
    }
    if (c === 'ي') {
      out += i === 0 || next === 'ا' || prev === 'ا' || prev === 'و' ? 'y' : 'i';
      continue;
    }
    out += LETTERS[c] ?? c;
  }
  return out;
}

/** Transliterates Arabic-script (Darija) text to Arabizi; other characters are kept. */
export function arabicToArabizi(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const src = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  return src
    .replace(ARABIC_WORD, wordToArabizi)
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/،/g, ',')
    .replace(/؟/g, '?')
    .replace(/؛/g, ';');
}
