/**
 * Arabizi -> Arabic-script transliteration on DODa lexicon pairs: character error rate and word accuracy
 * (exact match with the reference after removing diacritics), against a naive 40-rule character map.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arabiziCandidates, arabiziToArabic, normalize } from '@khidma/lang';
import { parseCsv } from './csv.js';
import { DATA_DIR } from './data.js';

export interface Pair {
  latin: string;
  variants: string[];
  reference: string;
  source: string;
}

function stripMarks(s: string): string {
  return s
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function loadPairs(): Pair[] {
  const out: Pair[] = [];
  const dir = join(DATA_DIR, 'darija/doda-v2-semantic');
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.csv') || f.includes('names')) continue;
    const rows = parseCsv(readFileSync(join(dir, f), 'utf8'));
    const head = rows[0] ?? [];
    const ar = head.indexOf('darija_ar');
    const latinCols = head.map((h, i) => (/^n\d$/.test(h) ? i : -1)).filter((i) => i >= 0);
    for (const r of rows.slice(1)) {
      const reference = stripMarks(r[ar] ?? '');
      const variants = latinCols.map((i) => (r[i] ?? '').trim()).filter(Boolean);
      if (!reference || variants.length === 0) continue;
      out.push({ latin: variants[0] as string, variants, reference, source: f });
    }
  }
  return out;
}

export function levenshtein(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++)
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (A[i - 1] === B[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[B.length] as number;
}

// The naive baseline: 40 context-free rules, longest match first, vowels a/i/ou written as letters.
const NAIVE_RULES: [string, string][] = [
  ['ch', 'ش'],
  ['sh', 'ش'],
  ['kh', 'خ'],
  ['gh', 'غ'],
  ['th', 'ث'],
  ['dj', 'ج'],
  ['ou', 'و'],
  ['aa', 'ا'],
  ['ee', 'ي'],
  ['oo', 'و'],
  ['a', 'ا'],
  ['b', 'ب'],
  ['t', 'ت'],
  ['j', 'ج'],
  ['7', 'ح'],
  ['5', 'خ'],
  ['d', 'د'],
  ['r', 'ر'],
  ['z', 'ز'],
  ['s', 'س'],
  ['3', 'ع'],
  ['8', 'غ'],
  ['f', 'ف'],
  ['9', 'ق'],
  ['q', 'ق'],
  ['k', 'ك'],
  ['g', 'ڭ'],
  ['l', 'ل'],
  ['m', 'م'],
  ['n', 'ن'],
  ['h', 'ه'],
  ['w', 'و'],
  ['o', 'و'],
  ['u', 'و'],
  ['y', 'ي'],
  ['i', 'ي'],
  ['e', ''],
  ['2', 'ء'],
  ['p', 'ب'],
  ['v', 'ڤ'],
];

export function naiveTransliterate(text: string): string {
  let out = '';
  const s = text.toLowerCase();
  for (let i = 0; i < s.length; ) {
    const rule = NAIVE_RULES.find(([k]) => s.startsWith(k, i));
    if (rule) {
      out += rule[1];
      i += rule[0].length;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

export interface TranslitReport {
  system: string;
  inputs: string;
  pairs: number;
  /** Strict: only diacritics removed. */
  cer: number;
  wordAccuracy: number;
  /** Orthographic variants folded on both sides (hamza seats, ة/ه, ى/ي, ڭ/ك), as search does. */
  cerFolded: number;
  wordAccuracyFolded: number;
  top5Accuracy?: number;
}

function fold(s: string): string {
  return normalize(s, { for: 'search' });
}

function score(
  system: string,
  inputs: string,
  pairs: { input: string; reference: string }[],
  run: (s: string) => string,
  candidates?: (s: string) => string[],
): TranslitReport {
  let edits = 0;
  let chars = 0;
  let exact = 0;
  let top5 = 0;
  let editsFolded = 0;
  let charsFolded = 0;
  let exactFolded = 0;
  for (const p of pairs) {
    const hyp = stripMarks(run(p.input));
    const hf = fold(hyp);
    const rf = fold(p.reference);
    editsFolded += levenshtein(hf, rf);
    charsFolded += [...rf].length;
    if (hf === rf) exactFolded++;
    edits += levenshtein(hyp, p.reference);
    chars += [...p.reference].length;
    if (hyp === p.reference) exact++;
    if (candidates?.(p.input).slice(0, 5).map(stripMarks).includes(p.reference)) top5++;
  }
  const r: TranslitReport = {
    system,
    inputs,
    pairs: pairs.length,
    cer: edits / chars,
    wordAccuracy: exact / pairs.length,
    cerFolded: editsFolded / charsFolded,
    wordAccuracyFolded: exactFolded / pairs.length,
  };
  if (candidates) r.top5Accuracy = top5 / pairs.length;
  return r;
}

function khidmaCandidates(s: string): string[] {
  if (/\s/.test(s)) return [arabiziToArabic(s)];
  return arabiziCandidates(s);
}

/** FNV-1a 32-bit: a stable hash, so that a word stays in the same half from run to run. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export type Half = 'dev' | 'held-out';

/**
 * Dev half (errors may be inspected while improving the rules) or held-out half (reported only), by a
 * stable hash of the Arabic reference word, so that all spellings of one entry fall in the same half.
 */
export function halfOf(p: Pair): Half {
  return fnv1a(p.reference) % 2 === 0 ? 'dev' : 'held-out';
}

export function evaluateTransliteration(): TranslitReport[] {
  const pairs = loadPairs();
  if (pairs.length === 0) return [];
  const out: TranslitReport[] = [];
  for (const [label, subset] of [
    ['', pairs],
    [' · dev half', pairs.filter((p) => halfOf(p) === 'dev')],
    [' · held-out half', pairs.filter((p) => halfOf(p) === 'held-out')],
  ] as const) {
    const first = subset.map((p) => ({ input: p.latin, reference: p.reference }));
    const all = subset.flatMap((p) => p.variants.map((v) => ({ input: v, reference: p.reference })));
    out.push(
      score(
        'khidma arabiziToArabic',
        `n1 (first spelling)${label}`,
        first,
        arabiziToArabic,
        khidmaCandidates,
      ),
      score('naive 40-rule map', `n1 (first spelling)${label}`, first, naiveTransliterate),
      score('khidma arabiziToArabic', `all spellings n1..n4${label}`, all, arabiziToArabic, khidmaCandidates),
      score('naive 40-rule map', `all spellings n1..n4${label}`, all, naiveTransliterate),
    );
  }
  return out;
}
