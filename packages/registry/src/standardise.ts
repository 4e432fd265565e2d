import { foldName, nameSkeleton, normalize, romanizeName } from '@khidma/lang';
import { canonicalCity } from './places.js';

/** Placeholders registries use for "unknown"; they become NULL, never a value that can agree. */
const PLACEHOLDERS = new Set([
  '',
  '-',
  '--',
  '?',
  'na',
  'n/a',
  'nan',
  'null',
  'none',
  'nil',
  'inconnu',
  'inconnue',
  'unknown',
  'x',
  'xx',
  'xxx',
  '0',
  'غير معروف',
  'مجهول',
]);

export function isPlaceholder(raw: string | null | undefined): boolean {
  return raw == null || PLACEHOLDERS.has(raw.trim().toLowerCase());
}

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;
export function asciiDigits(s: string): string {
  return s.replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Keeps only [a-z0-9]: comparison columns are ASCII so every engine's string functions agree. */
function asciiKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HAS_ARABIC = /[\u0600-\u06ff]/;

export interface StdName {
  /** Folded Latin key (particles, case and accents folded, any script). */
  fold: string | null;
  /** Cross-script consonant skeleton. */
  skel: string | null;
  /** "|k1|k2|...|": folded keys of the plausible romanisations, for the transliteration level. */
  alt: string | null;
}

const MAX_VARIANTS = 8;

// Registry-specific keys on top of @khidma/lang: the Amazigh particle ait/آيت ("sons of") is written
// or dropped at will, and a final -ah/-a (ta marbuta: Fatimah/Fatima, Hamzah/Hamza) or final h
// (الله: Abdellah/Abdallah) varies between registries, so both keys ignore them.
const AIT = /^(?:a[iïy]t|آيت|ايت|أيت)(?:[\s-]+)/i;

function registryFold(text: string): string {
  return asciiKey(foldName(text.replace(AIT, ''))).replace(/ah$/, 'a');
}

function registrySkeleton(text: string): string {
  return asciiKey(nameSkeleton(text.replace(AIT, ''))).replace(/h$/, '');
}

/** Standardises a personal name from any script. */
export function standardiseName(raw: string | null | undefined): StdName {
  if (isPlaceholder(raw)) return { fold: null, skel: null, alt: null };
  const text = raw!.trim();
  const fold = registryFold(text) || null;
  const skel = registrySkeleton(text) || null;
  const keys = new Set<string>();
  if (fold) keys.add(fold);
  if (HAS_ARABIC.test(text)) {
    for (const v of romanizeName(text).slice(0, MAX_VARIANTS)) {
      const k = registryFold(v);
      if (k) keys.add(k);
    }
  }
  const alt = keys.size > 0 ? `|${[...keys].join('|')}|` : null;
  return { fold, skel, alt };
}

export interface StdDate {
  /** YYYYMMDD when the date is complete. */
  ymd: string | null;
  y: number | null;
  m: number | null;
  d: number | null;
}

const NO_DATE: StdDate = { ymd: null, y: null, m: null, d: null };

function part(s: string | undefined): number | null {
  if (!s || /^[0?x]+$/i.test(s)) return null;
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : null;
}

type Parts = [number | null, number | null, number | null];

/** Date layouts tried in order; each returns [year, month, day]. */
const DATE_LAYOUTS: { re: RegExp; parts: (m: RegExpExecArray, order: 'ymd' | 'dmy' | 'mdy') => Parts }[] = [
  { re: /^(\d{4}|\?{4})(\d{2}|\?{2})(\d{2}|\?{2})$/, parts: (m) => [part(m[1]), part(m[2]), part(m[3])] },
  {
    re: /^(\d{4})[-/.](\d{1,2}|\?\?)[-/.](\d{1,2}|\?\?)/,
    parts: (m) => [part(m[1]), part(m[2]), part(m[3])],
  },
  {
    re: /^(\d{1,2}|\?\?)[-/.](\d{1,2}|\?\?)[-/.](\d{4})$/,
    parts: (m, order) =>
      order === 'mdy' ? [part(m[3]), part(m[1]), part(m[2])] : [part(m[3]), part(m[2]), part(m[1])],
  },
  { re: /^(\d{1,2})[-/.](\d{4})$/, parts: (m) => [part(m[2]), part(m[1]), null] },
  { re: /^(\d{4})$/, parts: (m) => [part(m[1]), null, null] },
];

function parseDateParts(s: string, order: 'ymd' | 'dmy' | 'mdy'): Parts | null {
  for (const layout of DATE_LAYOUTS) {
    const m = layout.re.exec(s);
    if (m) return layout.parts(m, order);
  }
  return null;
}

/**
 * Parses dates as registries write them: 19561231, 1956-12-31, 31/12/1956, 12/1956, 1956, with
 * unknown parts as 00 or ??. A month above 12 with a day of 12 or less is read as a day/month swap.
 */
export function standardiseDate(
  raw: string | null | undefined,
  order: 'ymd' | 'dmy' | 'mdy' = 'dmy',
): StdDate {
  if (isPlaceholder(raw)) return NO_DATE;
  const s = asciiDigits(raw!.trim());
  const parsed = parseDateParts(s, order);
  if (!parsed) return NO_DATE;
  let [y, m, d] = parsed;
  if (y !== null && (y < 1800 || y > 2200)) return NO_DATE;
  if (m !== null && m > 12 && d !== null && d <= 12) [m, d] = [d, m];
  if (m !== null && m > 12) m = null;
  if (d !== null && d > 31) d = null;
  const ymd =
    y !== null && m !== null && d !== null
      ? `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`
      : null;
  return { ymd, y, m, d };
}

/** CIN and other identifiers: upper-case letters and digits only, Arabic-Indic digits converted. */
export function standardiseId(raw: string | null | undefined): string | null {
  if (isPlaceholder(raw)) return null;
  const id = asciiDigits(raw!)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return id === '' || /^0+$/.test(id) ? null : id;
}

/** Folds free text in any script to an ASCII key, word by word (names of streets, quarters). */
export function standardiseText(raw: string | null | undefined): string | null {
  if (isPlaceholder(raw)) return null;
  const words = normalize(raw!.trim())
    .split(/\s+/)
    .map((w) => (HAS_ARABIC.test(w) ? asciiKey(foldName(w)) : asciiKey(w)))
    .filter((w) => w !== '');
  return words.length > 0 ? words.join(' ') : null;
}

/** Cities: the Moroccan alias table first, then the generic text fold. */
export function standardisePlace(raw: string | null | undefined): string | null {
  if (isPlaceholder(raw)) return null;
  return canonicalCity(raw!) ?? standardiseText(raw);
}

export function standardiseExact(raw: string | null | undefined): string | null {
  if (isPlaceholder(raw)) return null;
  return raw!.trim().toLowerCase();
}
