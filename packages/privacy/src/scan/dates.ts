import { hasCueIn, lastCueEnd } from '../cues.js';
import { isDigit } from '../text.js';
import type { ScanInput } from './candidate.js';

const MONTHS = [
  'janvier',
  'janv',
  'fevrier',
  'fevr',
  'fev',
  'mars',
  'avril',
  'avr',
  'mai',
  'juin',
  'juillet',
  'juil',
  'aout',
  'septembre',
  'sept',
  'octobre',
  'oct',
  'novembre',
  'nov',
  'decembre',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'يناير',
  'فبراير',
  'مارس',
  'ابريل',
  'ماي',
  'مايو',
  'يونيو',
  'يوليوز',
  'يوليو',
  'غشت',
  'اغسطس',
  'شتنبر',
  'سبتمبر',
  'اكتوبر',
  'نونبر',
  'نوفمبر',
  'دجنبر',
  'ديسمبر',
  'janfi',
  'febrayer',
  'maris',
  'abril',
  'yonyo',
  'yolyoz',
  'ghocht',
  'chtanbir',
  'ktobr',
  'nonbir',
  'dojanbir',
].sort((a, b) => b.length - a.length);

// Anchored (sticky) and free of nested quantifiers: runs in time linear in the slice it reads.
const MONTH_DATE_RE = new RegExp(
  `(?:er)?[ ]{1,2}(?:de[ ])?(?:${MONTHS.join('|')})\\.?[ ,]{1,2}(?:19|20)\\d\\d(?!\\d)`,
  'y',
);

/** End of a "12 mars 1985"-style date whose day digits end at `dayEnd`, or -1. */
export function monthDateEnd(low: string, dayEnd: number): number {
  MONTH_DATE_RE.lastIndex = dayEnd;
  const m = MONTH_DATE_RE.exec(low);
  return m ? dayEnd + m[0].length : -1;
}

export function plausibleDmy(d: number, m: number, y: number): boolean {
  const year = y < 100 ? (y > 30 ? 1900 + y : 2000 + y) : y;
  return d >= 1 && d <= 31 && m >= 1 && m <= 12 && year >= 1900 && year <= 2030;
}

/**
 * A date is a birth date when a birth cue ends shortly before it with no other number in between
 * ("née le 03/04/1990", "تاريخ الازدياد: 1990-04-03"), or a cue follows right after it.
 */
export function isBirthDate(input: ScanInput, start: number, end: number): boolean {
  const { low } = input;
  const cueEnd = lastCueEnd(input, start - 40, start, 'birth');
  if (cueEnd !== -1) {
    for (let i = cueEnd; i < start; i++) if (isDigit(low.charCodeAt(i))) return false;
    return true;
  }
  return hasCueIn(input, end, end + 6, 'birth');
}
