/**
 * Value generators for the labelled privacy set. Every checksummed value is generated valid (RIB key,
 * IBAN mod 97, ICE divisible by 97, Luhn); hard negatives are generated to fail their checksum.
 */
import { isValidCard, isValidIce, isValidRib, moroccanIbanFromRib, ribKey } from '@khidma/privacy';

export type Rand = () => number;

export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export function digits(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10).toString();
  return s;
}

const EASTERN = '٠١٢٣٤٥٦٧٨٩';
export function toEastern(s: string): string {
  return s.replace(/[0-9]/g, (d) => EASTERN[Number(d)]!);
}

const CIN_PREFIXES = [
  'A',
  'B',
  'BE',
  'BH',
  'BK',
  'BJ',
  'C',
  'CD',
  'D',
  'DA',
  'E',
  'EE',
  'F',
  'G',
  'GA',
  'H',
  'HA',
  'I',
  'J',
  'JA',
  'JB',
  'JC',
  'JE',
  'K',
  'L',
  'LA',
  'M',
  'N',
  'P',
  'PA',
  'Q',
  'R',
  'S',
  'SH',
  'T',
  'TA',
  'U',
  'UA',
  'V',
  'W',
  'X',
  'Y',
  'Z',
  'ZT',
];
export function cin(r: Rand, lower = false): string {
  const v = pick(r, CIN_PREFIXES) + digits(r, pick(r, [5, 6, 6, 6]));
  return lower ? v.toLowerCase() : v;
}

export function phone(r: Rand, style: 'any' | 'plain' = 'any'): string {
  const p = pick(r, ['6', '6', '6', '7', '5']);
  const d = p + digits(r, 8);
  const pairs = d.slice(1).match(/../g)!.join(' ');
  const forms = [
    `0${d}`,
    `0${p} ${pairs}`,
    `0${p}-${d.slice(1).match(/../g)!.join('-')}`,
    `0${p}.${d.slice(1).match(/../g)!.join('.')}`,
    `+212 ${p} ${pairs}`,
    `+212${d}`,
    `00212 ${d.slice(0, 3)} ${d.slice(3)}`,
    `+212 ${d.slice(0, 3)}-${d.slice(3)}`,
    `0${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  ];
  return style === 'plain' ? forms[0]! : pick(r, forms);
}

export function rib(r: Rand): string {
  const first = `${pick(r, ['007', '011', '013', '021', '022', '145', '190', '225', '230', '310'])}${digits(r, 19)}`;
  return first + ribKey(first);
}
export function ribFormatted(r: Rand): string {
  const v = rib(r);
  return pick(r, [
    v,
    `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6, 22)} ${v.slice(22)}`,
    v.replace(/(.{4})/g, '$1 ').trim(),
  ]);
}
export function iban(r: Rand): string {
  const v = moroccanIbanFromRib(rib(r));
  return pick(r, [v, v.replace(/(.{4})/g, '$1 ').trim()]);
}
export function ice(r: Rand): string {
  for (;;) {
    const s = (BigInt(`1${digits(r, 11)}`) * 97n).toString().padStart(15, '0');
    if (s.length === 15 && isValidIce(s)) return s;
  }
}
export function card(r: Rand): string {
  for (;;) {
    const body = pick(r, ['4', '51', '53', '55', '2223']) + digits(r, 14);
    const base = body.slice(0, 15);
    for (let d = 0; d < 10; d++) {
      if (isValidCard(base + d)) {
        const v = base + d;
        return pick(r, [v, v.replace(/(.{4})/g, '$1 ').trim(), v.replace(/(.{4})/g, '$1-').slice(0, -1)]);
      }
    }
  }
}
export const fiscalId = (r: Rand): string => digits(r, 1).replace('0', '1') + digits(r, pick(r, [6, 7]));
export const cnss = (r: Rand): string => `${int(r, 1, 9)}${digits(r, 8)}`;
export const passport = (r: Rand): string =>
  pick(r, ['AB', 'BK', 'CD', 'GH', 'JK', 'LM', 'SA', 'TZ', 'UV', 'ZR']) + digits(r, 7);
export const massar = (r: Rand): string =>
  pick(r, ['G', 'R', 'S', 'J', 'K', 'M', 'P', 'D', 'F', 'N']) + digits(r, 9);
export const ipv4 = (r: Rand): string =>
  `${int(r, 10, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
export const ipv6 = (r: Rand): string =>
  `2001:db8:${int(r, 1, 65535).toString(16)}::${int(r, 1, 65535).toString(16)}`;

const PLATE_LETTERS = ['أ', 'ب', 'د', 'ه', 'و', 'ط'];
export function plate(r: Rand): string {
  const serial = int(r, 100, 99999).toString();
  const region = int(r, 1, 89).toString();
  return pick(r, [
    `${serial}-${pick(r, PLATE_LETTERS)}-${region}`,
    `${serial} | ${pick(r, PLATE_LETTERS)} | ${region}`,
    `${serial}-${pick(r, ['A', 'B', 'D', 'E', 'H'])}-${region}`,
    `WW ${digits(r, 6)}`,
    `WW-${digits(r, 6).replace(/^0/, '1')}`,
  ]);
}

export const CITIES_FR = [
  'Casablanca',
  'Rabat',
  'Fès',
  'Marrakech',
  'Tanger',
  'Agadir',
  'Meknès',
  'Oujda',
  'Kénitra',
  'Tétouan',
  'Salé',
  'El Jadida',
  'Béni Mellal',
  'Nador',
  'Settat',
  'Khouribga',
  'Safi',
  'Larache',
];
export const CITIES_AR = [
  'الدار البيضاء',
  'الرباط',
  'فاس',
  'مراكش',
  'طنجة',
  'أكادير',
  'مكناس',
  'وجدة',
  'القنيطرة',
  'تطوان',
  'سلا',
  'الجديدة',
  'بني ملال',
  'الناظور',
  'سطات',
  'آسفي',
];
export const CITIES_LATN = [
  'casa',
  'rabat',
  'fes',
  'marrakech',
  'tanger',
  'agadir',
  'meknes',
  'oujda',
  'kenitra',
  'sale',
  'tetouan',
];

export function rc(r: Rand, lang: 'fr' | 'ar'): string {
  const n = int(r, 1000, 999999).toString();
  if (lang === 'ar') return pick(r, [`${n} ${pick(r, CITIES_AR)}`, `${pick(r, CITIES_AR)} ${n}`]);
  return pick(r, [
    `${pick(r, CITIES_FR)} ${n}`,
    `${n} ${pick(r, CITIES_FR)}`,
    `${n} - ${pick(r, CITIES_FR)}`,
  ]);
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_AR = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'ماي',
  'يونيو',
  'يوليوز',
  'غشت',
  'شتنبر',
  'أكتوبر',
  'نونبر',
  'دجنبر',
];
export function date(r: Rand, lang: 'fr' | 'ar' | 'latn', yearFrom = 1950, yearTo = 2008): string {
  const d = int(r, 1, 28);
  const m = int(r, 1, 12);
  const y = int(r, yearFrom, yearTo);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const forms = [`${dd}/${mm}/${y}`, `${y}-${mm}-${dd}`, `${dd}.${mm}.${y}`, `${d}/${m}/${y}`];
  if (lang === 'fr') forms.push(`${d} ${MONTHS_FR[m - 1]} ${y}`);
  if (lang === 'ar') forms.push(`${d} ${MONTHS_AR[m - 1]} ${y}`);
  return pick(r, forms);
}

/** 24 digits whose RIB key is wrong: a parcel tracking number, not a RIB. */
export function tracking(r: Rand): string {
  for (;;) {
    const v = digits(r, 24);
    if (!isValidRib(v)) return v;
  }
}
/** 15 digits not divisible by 97 (and not a card): an order number. */
export function order15(r: Rand): string {
  for (;;) {
    const v = `${int(r, 1, 9)}${digits(r, 14)}`;
    if (!isValidIce(v) && !isValidCard(v)) return v;
  }
}
export const productCode = (r: Rand): string =>
  pick(r, ['AB', 'XR', 'TV', 'PC', 'LG', 'MX', 'QZ']) + digits(r, 4);
export const amount = (r: Rand): string =>
  pick(r, [
    `${int(r, 1, 9)} ${int(r, 100, 999)} 000 MAD`,
    `${int(r, 10, 999)} 000 DH`,
    `${int(r, 1, 9)} ${int(r, 100, 999)} ${int(r, 100, 999)} dirhams`,
    `${int(r, 1000, 99999)} درهم`,
  ]);
