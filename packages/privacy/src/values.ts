import { foldText, foldValue, isDigit } from './text.js';
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
 * Canonical form of a value so that spellings of the same identifier compare equal:
 * "+212 6 61-23 45 67" and "0661234567" both give "0661234567"; "ab 123456" gives "AB123456".
 */
export function normalizeValue(type: PiiType, value: string): string {
  const v = foldText(value);
  switch (type) {
    case 'PHONE': {
      let d = digitsOnly(v);
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
      return digitsOnly(v);
    case 'IBAN':
    case 'CIN':
    case 'PASSPORT':
    case 'MASSAR':
      return v.replace(/[^a-z0-9]/g, '').toUpperCase();
    case 'EMAIL':
    case 'IP':
      return v.trim();
    case 'PLATE':
    case 'RC':
      return v.replace(/[\s\-|/_–.,:]+/g, '').toUpperCase();
    case 'DATE_OF_BIRTH':
      return v.replace(/[\s\-/.,]+/g, ' ').trim();
    default:
      return foldValue(value);
  }
}

/** Identifier types that data-subject requests search by. */
export const SUBJECT_TYPES = ['CIN', 'PHONE', 'EMAIL'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
