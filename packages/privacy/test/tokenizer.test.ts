import { describe, expect, it } from 'vitest';
import { FOLD, foldText } from '../src/text.js';
import { tokenizeText } from '../src/tokenizer.js';
import type { Tokens } from '../src/tokens.js';
import { rng } from './fixtures.js';
import { type ReferenceToken, referenceTokenize } from './reference-tokenizer.js';

/** Pieces that exercise every class boundary: scripts, marks and tatweel, folded letters, digits, spaces. */
const PIECES = [
  ...'abcxyzABCXYZéÉàÇßİıłøœ'.split(''),
  ...'محمدالعلويبنتةىأإآکیۀ'.split(''),
  '\u064e',
  '\u0651',
  '\u0670',
  '\u0640', // harakat, superscript alef, tatweel
  ...'0123456789٠١٢٣٤٥٦٧٨٩۰۹'.split(''),
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u200f',
  '\u202f',
  '\ufeff',
  '\u00ad',
  '\u3000',
  '@',
  ':',
  '-',
  '.',
  ',',
  "'",
  '’',
  '+',
  '/',
  '_',
  '°',
  '€',
  '😀',
  '\ud800',
  '\udc00',
  'mohamed',
  'Rue',
  'CIN',
  'tel',
  'والمحمد',
  'بالرباط',
  'el',
  'ben',
  'MA',
  'ww',
  '3lina',
  '2026',
];

function randomText(r: () => number, maxLength: number): string {
  let s = '';
  const n = Math.floor(r() * maxLength);
  while (s.length < n) {
    // Mostly known pieces, sometimes any code unit at all.
    s +=
      r() < 0.9 ? PIECES[Math.floor(r() * PIECES.length)]! : String.fromCharCode(Math.floor(r() * 0x10000));
  }
  return s;
}

function listed(tokens: Tokens): ReferenceToken[] {
  const out: ReferenceToken[] = [];
  for (let t = 0; t < tokens.count; t++)
    out.push({
      start: tokens.start[t]!,
      end: tokens.end[t]!,
      kind: tokens.kind[t]!,
      flags: tokens.flags[t]!,
      entry: tokens.entry[t]!,
    });
  return out;
}

describe('tokenizeText — folding and tokenizing in one pass', () => {
  it('relies on folding being idempotent for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(FOLD[FOLD[c]!]).toBe(FOLD[c]);
  });

  it('gives the folded text and the tokens of the separate fold-then-tokenize passes on random text', () => {
    const r = rng(63);
    for (let k = 0; k < 3000; k++) {
      // Short and long texts: the two take different copy paths (loop vs native buffer).
      const text = randomText(r, k % 3 === 0 ? 600 : 80);
      const low = foldText(text);
      const reference = referenceTokenize(low);
      for (const transient of [false, true]) {
        const tokens = tokenizeText(text, transient);
        expect(tokens.low).toBe(low);
        expect(listed(tokens)).toEqual(reference.tokens);
        expect(tokens.at).toEqual(reference.at);
        expect(tokens.colon).toEqual(reference.colon);
      }
    }
  });

  it('reads marks and tatweel inside an Arabic word but never starts a word with them', () => {
    const tokens = tokenizeText('ـمُحَمَّد و\u0651');
    expect(listed(tokens).map((t) => [t.start, t.end])).toEqual([
      [1, 9],
      [10, 12],
    ]);
    expect(tokens.entry[0]).toBeGreaterThanOrEqual(0);
  });
});
