import { foldText, foldUnit, foldValue, isDigit, SHORT_MAX, shortString, shortUnits } from './text.js';
import type { PiiType } from './types.js';

/** ASCII digits of `s` (a loop: the regex replace was a visible share of pseudonymising a prompt). */
function digitsOnly(s: string): string {
  let from = 0;
  while (from < s.length && isDigit(s.charCodeAt(from))) from++;
  if (from === s.length) return s;
  let out = s.slice(0, from);
  for (let i = from + 1; i < s.length; i++) if (isDigit(s.charCodeAt(i))) out += s[i];
  return out;
}

/**
 * Short values (every identifier but a long e-mail or address) are normalised in one pass into a
 * scratch buffer and become one string, or none when the value is already canonical: pseudonymising a
 * prompt normalises every detection, and the folded copy, the regex replace and the case change each
 * made a string per value. Long values take the string path below, which defines the same results.
 */
function shortKept(value: string, keep: (f: number) => number): string {
  let k = 0;
  let same = true;
  for (let i = 0; i < value.length; i++) {
    const u = keep(foldUnit(value.charCodeAt(i)));
    if (u < 0) continue;
    if (value.charCodeAt(k) !== u) same = false;
    shortUnits[k++] = u;
  }
  return same && k === value.length ? value : shortString(k);
}

/** Digits only (as digitsOnly after folding). */
function keepDigit(f: number): number {
  return isDigit(f) ? f : -1;
}
/** Letters and digits, uppercased (as replace(/[^a-z0-9]/g, '').toUpperCase() after folding). */
function keepCodeChar(f: number): number {
  if (f >= 97 && f <= 122) return f - 32;
  return isDigit(f) ? f : -1;
}

/** "0" + national number: drops 00212, 212 and a trunk 0 from the digits of `value`. */
function shortPhone(value: string): string {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const f = foldUnit(value.charCodeAt(i));
    if (isDigit(f)) shortUnits[n++] = f;
  }
  let from = 0;
  if (startsWithUnits(n, '00212')) from = 5;
  else if (startsWithUnits(n, '212')) from = 3;
  if (from < n && shortUnits[from] === 48) from++;
  // Shift the national number right after a leading "0".
  shortUnits.copyWithin(1, from, n);
  shortUnits[0] = 48;
  return shortString(n - from + 1);
}

function startsWithUnits(n: number, prefix: string): boolean {
  if (n < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (shortUnits[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * Canonical form of a value so that spellings of the same identifier compare equal:
 * "+212 6 61-23 45 67" and "0661234567" both give "0661234567"; "ab 123456" gives "AB123456".
 */
export function normalizeValue(type: PiiType, value: string): string {
  const short = value.length < SHORT_MAX;
  switch (type) {
    case 'PHONE': {
      if (short) return shortPhone(value);
      let d = digitsOnly(foldText(value));
      if (d.startsWith('00212')) d = d.slice(5);
      else if (d.startsWith('212')) d = d.slice(3);
      if (d.startsWith('0')) d = d.slice(1);
      return `0${d}`;
    }
    case 'RIB':
    case 'ICE':
    case 'CARD':
    case 'CNSS':
    case 'IF':
      return short ? shortKept(value, keepDigit) : digitsOnly(foldText(value));
    case 'IBAN':
    case 'CIN':
    case 'PASSPORT':
    case 'MASSAR':
      return short
        ? shortKept(value, keepCodeChar)
        : foldText(value)
            .replace(/[^a-z0-9]/g, '')
            .toUpperCase();
    case 'EMAIL':
    case 'IP':
      return foldText(value).trim();
    case 'PLATE':
    case 'RC':
      return foldText(value)
        .replace(/[\s\-|/_–.,:]+/g, '')
        .toUpperCase();
    case 'DATE_OF_BIRTH':
      return foldText(value)
        .replace(/[\s\-/.,]+/g, ' ')
        .trim();
    default:
      return foldValue(value);
  }
}

/** Identifier types that data-subject requests search by. */
export const SUBJECT_TYPES = ['CIN', 'PHONE', 'EMAIL'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
