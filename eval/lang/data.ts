/**
 * Builds the labelled identification set from ../shared/data (DODa, UDHR) and from the authored items
 * in eval/lang/items. Nothing here is used for training (the shipped model learns only from
 * packages/lang/corpus). Deterministic: a seeded shuffle picks the samples.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LangTag, latinToTifinagh, tifinaghToLatin } from '@khidma/lang';
import { parseCsv } from './csv.js';

export type ItemKind = 'short' | 'long' | 'code-switched' | 'no-digits';
export interface EvalItem {
  tag: LangTag;
  text: string;
  source: string;
  kind: ItemKind;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = join(root, '../shared/data');
const ITEMS_DIR = fileURLToPath(new URL('./items/', import.meta.url));

export function seededShuffle<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const letterWords = (s: string): number => words(s).filter((w) => /\p{L}{2,}/u.test(w)).length;

/**
 * Whole lines (long items) plus 3–15-word chunks of them (short items), in two passes with different
 * chunk boundaries. Chunks need two words with letters: a heading such as "Article 3" is the same in
 * French and English and says nothing about the language.
 */
function chunked(lines: string[], tag: LangTag, source: string): EvalItem[] {
  const out: EvalItem[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: ItemKind): void => {
    if (seen.has(text) || letterWords(text) < 2) return;
    seen.add(text);
    out.push({ tag, text, source, kind });
  };
  for (const line of lines) {
    const ws = words(line);
    if (ws.length > 15) add(ws.slice(0, 120).join(' '), 'long');
  }
  for (const firstSize of [3, 8, 5]) {
    let size = firstSize;
    for (const line of lines) {
      const ws = words(line);
      for (let i = 0; i < ws.length; i += size) {
        const chunk = ws.slice(i, i + size);
        if (chunk.length >= 2) add(chunk.join(' '), 'short');
        size = 3 + ((size * 7 + i) % 13); // varied lengths, 3..15 words
      }
    }
  }
  return out;
}

function udhr(code: string): string[] {
  const p = join(DATA_DIR, 'udhr', `${code}.txt`);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
}

function authored(tag: LangTag): EvalItem[] {
  const p = join(ITEMS_DIR, `${tag}.txt`);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('# '))
    .map((text) => ({ tag, text, source: 'authored', kind: words(text).length > 15 ? 'long' : 'short' }));
}

function codeSwitched(): EvalItem[] {
  const p = join(ITEMS_DIR, 'code-switched.tsv');
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [tag, text] = l.split('\t');
      return { tag: tag as LangTag, text: text ?? '', source: 'authored', kind: 'code-switched' as const };
    });
}

/** Digits replaced the way people type Arabizi without them (3→a, 7→h, 9→q, 5→kh, 8→gh, 2→a). */
export function stripArabiziDigits(s: string): string {
  const map: Record<string, string> = { '3': 'a', '7': 'h', '9': 'q', '5': 'kh', '8': 'h', '2': 'a' };
  return s.replace(/(?<=[a-z])[235789]|[235789](?=[a-z])/gi, (d) => map[d] ?? d);
}

function dodaSentences(): string[] {
  const p = join(DATA_DIR, 'darija/doda-v1/sentences.csv');
  if (!existsSync(p)) return [];
  return parseCsv(readFileSync(p, 'utf8'))
    .slice(1)
    .map((r) => (r[1] ?? '').trim())
    .filter(Boolean);
}

function dodaArabic(): string[] {
  const out = new Set<string>();
  const dir = join(DATA_DIR, 'darija/doda-v2-semantic');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.csv') || f.includes('names')) continue; // names carry no language signal
      const rows = parseCsv(readFileSync(join(dir, f), 'utf8'));
      const col = rows[0]?.indexOf('darija_ar') ?? -1;
      for (const r of rows.slice(1)) if (col >= 0 && r[col]?.trim()) out.add((r[col] as string).trim());
    }
  }
  const img = join(DATA_DIR, 'darija/doda-v1/imagenet_b_darija.csv');
  if (existsSync(img)) {
    for (const r of parseCsv(readFileSync(img, 'utf8')).slice(1))
      if (r[4]?.trim()) out.add((r[4] as string).trim());
  }
  return [...out];
}

const PER_SOURCE = 450;

export function buildIdentificationSet(): EvalItem[] {
  const items: EvalItem[] = [];
  const doda = seededShuffle(dodaSentences(), 7);
  for (const text of doda.slice(0, PER_SOURCE))
    items.push({
      tag: 'ary-Latn',
      text,
      source: 'DODa v1 sentences',
      kind: words(text).length > 15 ? 'long' : 'short',
    });
  for (const text of doda.slice(PER_SOURCE, PER_SOURCE + 250).map(stripArabiziDigits))
    items.push({ tag: 'ary-Latn', text, source: 'DODa v1 sentences (digits as letters)', kind: 'no-digits' });
  for (const text of seededShuffle(dodaArabic(), 11).slice(0, PER_SOURCE))
    items.push({ tag: 'ary-Arab', text, source: 'DODa darija_ar', kind: 'short' });
  const udhrSets: [string, LangTag][] = [
    ['arb', 'arb-Arab'],
    ['fra', 'fra-Latn'],
    ['eng', 'eng-Latn'],
    ['zgh', 'zgh-Tfng'],
    ['tzm', 'zgh-Latn'],
  ];
  for (const [code, tag] of udhrSets)
    items.push(...seededShuffle(chunked(udhr(code), tag, `UDHR ${code}`), 3).slice(0, PER_SOURCE));
  // IRCAM Latin Tamazight: the zgh UDHR through the IRCAM transliteration.
  const ircam = udhr('zgh').map((l) => tifinaghToLatin(l));
  items.push(...seededShuffle(chunked(ircam, 'zgh-Latn', 'UDHR zgh (IRCAM Latin)'), 5).slice(0, 200));
  for (const tag of [
    'ary-Latn',
    'ary-Arab',
    'arb-Arab',
    'fra-Latn',
    'eng-Latn',
    'spa-Latn',
    'zgh-Latn',
    'zgh-Tfng',
    'und',
  ] as LangTag[])
    items.push(...authored(tag));
  items.push(...codeSwitched());
  // The authored Tamazight items rendered in Tifinagh, as they would be typed on a Tifinagh keyboard.
  for (const item of authored('zgh-Latn'))
    items.push({
      ...item,
      tag: 'zgh-Tfng',
      text: latinToTifinagh(item.text, { scheme: 'informal' }),
      source: 'authored (Tifinagh)',
    });
  return items;
}
