import { createWriteStream } from 'node:fs';
import { CITIES, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, type NameEntry } from './names.js';

/** Error rates of one source, each in [0, 1]. */
export interface ErrorRates {
  /** A letter edited in a name (substitution, deletion, insertion or transposition). */
  typo: number;
  dayMonthSwap: number;
  /** Only the year of birth known. */
  partialDate: number;
  missingCin: number;
  /** One digit of the CIN wrong. */
  cinTypo: number;
  /** First and family name swapped. */
  swappedOrder: number;
  /** City left empty. */
  missingCity: number;
}

export interface SyntheticSource {
  name: string;
  /** Arabic script, Latin variants, or a mix per record. */
  script: 'arab' | 'latn' | 'mixed';
  /** Share of persons present in this source. */
  coverage: number;
  /** Share of included persons recorded twice (independent errors). */
  duplicateRate: number;
  errors: ErrorRates;
}

export interface SyntheticRecord {
  record_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  cin: string;
  city: string;
  person_id: number;
}

export const DEFAULT_ERRORS: ErrorRates = {
  typo: 0.1,
  dayMonthSwap: 0.05,
  partialDate: 0.03,
  missingCin: 0.2,
  cinTypo: 0.03,
  swappedOrder: 0.05,
  missingCity: 0.1,
};

/** Seeded PRNG (mulberry32): the same seed always gives the same registry. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Family names, plus compounds with ben/بن and ait/آيت built from given names. */
function familyPool(): NameEntry[] {
  const pool = [...FAMILY_NAMES];
  for (const [ar, latin] of MALE_NAMES.slice(0, 30)) {
    if (ar.includes(' ')) continue;
    pool.push([`بن ${ar}`, latin.flatMap((l) => [`Ben ${l}`, `Ben${l.toLowerCase()}`])]);
    pool.push([`آيت ${ar}`, latin.flatMap((l) => [`Ait ${l}`, `Aït ${l}`])]);
  }
  return pool;
}

function zipfPicker(n: number, random: () => number, s = 0.8): () => number {
  const cdf: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cdf.push(total);
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

function typo(s: string, random: () => number, alphabet: string): string {
  if (s.length < 3) return s;
  const i = 1 + Math.floor(random() * (s.length - 2));
  const c = alphabet[Math.floor(random() * alphabet.length)]!;
  const op = Math.floor(random() * 4);
  if (op === 0) return s.slice(0, i) + c + s.slice(i + 1);
  if (op === 1) return s.slice(0, i) + s.slice(i + 1);
  if (op === 2) return s.slice(0, i) + c + s.slice(i);
  return s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1);
}

interface Person {
  first: NameEntry;
  last: NameEntry;
  y: number;
  m: number;
  d: number;
  cin: string;
  city: number;
}

/**
 * Generates a Moroccan-style multi-registry population with ground truth (person_id): names in
 * Arabic script in one source and Latin variants in another, typos, day/month swaps, partial
 * dates, missing or mistyped CINs, swapped name order and common names shared by many people.
 */
export function generateRegistry(
  persons: number,
  sources: SyntheticSource[],
  seed = 42,
): Map<string, SyntheticRecord[]> {
  const random = rng(seed);
  const families = familyPool();
  const pickMale = zipfPicker(MALE_NAMES.length, random);
  const pickFemale = zipfPicker(FEMALE_NAMES.length, random);
  const pickFamily = zipfPicker(families.length, random, 0.6);
  const people: Person[] = new Array(persons);
  const letters = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
  for (let p = 0; p < persons; p++) {
    const male = random() < 0.5;
    const prefix =
      letters[Math.floor(random() * letters.length)]! +
      (random() < 0.6 ? letters[Math.floor(random() * letters.length)]! : '');
    people[p] = {
      first: male ? MALE_NAMES[pickMale()]! : FEMALE_NAMES[pickFemale()]!,
      last: families[pickFamily()]!,
      y: 1935 + Math.floor(random() * 75),
      m: 1 + Math.floor(random() * 12),
      d: 1 + Math.floor(random() * 28),
      cin: `${prefix}${100000 + p * 7 + Math.floor(random() * 7)}`,
      city: Math.floor(random() * CITIES.length),
    };
  }
  const out = new Map<string, SyntheticRecord[]>();
  for (const src of sources) {
    const records: SyntheticRecord[] = [];
    const e = src.errors;
    const emit = (p: Person, personId: number) => {
      const arab = src.script === 'arab' || (src.script === 'mixed' && random() < 0.5);
      const variant = (n: NameEntry) => (arab ? n[0] : n[1][Math.floor(random() * n[1].length)]!);
      let first = variant(p.first);
      let last = variant(p.last);
      if (random() < e.typo) {
        if (random() < 0.5) first = typo(first, random, arab ? ARABIC : LATIN);
        else last = typo(last, random, arab ? ARABIC : LATIN);
      }
      if (random() < e.swappedOrder) [first, last] = [last, first];
      let { m, d } = p;
      if (random() < e.dayMonthSwap && d <= 12) [m, d] = [d, m];
      const two = (n: number) => String(n).padStart(2, '0');
      let dob = arab ? `${two(d)}/${two(m)}/${p.y}` : `${p.y}-${two(m)}-${two(d)}`;
      if (random() < e.partialDate) dob = arab ? `00/00/${p.y}` : String(p.y);
      let cin = p.cin;
      if (random() < e.missingCin) cin = '';
      else if (random() < e.cinTypo) {
        const i = cin.length - 1 - Math.floor(random() * 4);
        cin =
          cin.slice(0, i) + String((Number(cin[i]) + 1 + Math.floor(random() * 8)) % 10) + cin.slice(i + 1);
      }
      const city = random() < e.missingCity ? '' : arab ? CITIES[p.city]![0] : CITIES[p.city]![1];
      records.push({
        record_id: `${src.name}-${records.length + 1}`,
        first_name: first,
        last_name: last,
        date_of_birth: dob,
        cin,
        city,
        person_id: personId,
      });
    };
    for (let p = 0; p < persons; p++) {
      if (random() >= src.coverage) continue;
      emit(people[p]!, p);
      if (random() < src.duplicateRate) emit(people[p]!, p);
    }
    // Shuffle so duplicates are not adjacent.
    for (let i = records.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [records[i], records[j]] = [records[j]!, records[i]!];
    }
    records.forEach((r, i) => {
      r.record_id = `${src.name}-${i + 1}`;
    });
    out.set(src.name, records);
  }
  return out;
}

const COLUMNS = ['record_id', 'first_name', 'last_name', 'date_of_birth', 'cin', 'city'] as const;

function cell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes records as UTF-8 CSV (optionally with the truth column), streaming in blocks. */
export async function writeRecordsCsv(
  path: string,
  records: SyntheticRecord[],
  withTruth = false,
): Promise<void> {
  const stream = createWriteStream(path);
  const header = withTruth ? [...COLUMNS, 'person_id'] : [...COLUMNS];
  stream.write(`${header.join(',')}\n`);
  const block: string[] = [];
  for (const r of records) {
    const row = COLUMNS.map((c) => cell(r[c]));
    if (withTruth) row.push(String(r.person_id));
    block.push(row.join(','));
    if (block.length === 10000) {
      if (!stream.write(`${block.join('\n')}\n`))
        await new Promise<void>((res) => stream.once('drain', () => res()));
      block.length = 0;
    }
  }
  if (block.length > 0) stream.write(`${block.join('\n')}\n`);
  await new Promise<void>((res, rej) => stream.end((err?: Error | null) => (err ? rej(err) : res())));
}

/** A linkage config for synthetic sources written by writeRecordsCsv. */
export function syntheticConfig(
  files: { name: string; path: string }[],
  linkType: 'dedupe' | 'link' | 'link_and_dedupe',
): Record<string, unknown> {
  return {
    name: 'synthetic Moroccan registry',
    linkType,
    sources: files.map((f) => ({ name: f.name, path: f.path, id: 'record_id' })),
    fields: [
      { name: 'first_name', kind: 'name' },
      { name: 'last_name', kind: 'name' },
      { name: 'date_of_birth', kind: 'date', dateOrder: 'dmy' },
      { name: 'cin', kind: 'id' },
      { name: 'city', kind: 'place' },
    ],
    comparisons: [
      { field: 'first_name', swapWith: 'last_name' },
      { field: 'last_name', swapWith: 'first_name' },
      { field: 'date_of_birth' },
      { field: 'cin' },
      { field: 'city' },
    ],
    blocking: [
      ['last_name_sk', 'date_of_birth_y', 'date_of_birth_m'],
      ['first_name_sk', 'last_name_sk', 'date_of_birth_y'],
      ['first_name_sk', 'date_of_birth'],
      ['first_name_last_name_set', 'date_of_birth_y'],
      ['cin'],
    ],
    threshold: 0.9,
  };
}
