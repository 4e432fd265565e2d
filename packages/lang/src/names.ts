/**
 * Moroccan personal names across scripts: Arabic script <-> French-style civil-registry spellings,
 * a consonant skeleton shared by all spellings (محمد / Mohamed / Mhamed -> "mhmd") and a folded
 * Latin key. Frequent names come from the authored table; others go through letter rules.
 */
import { arabiziCandidates } from './arabizi.js';
import { NAME_TABLE_SOURCE, PARTICLES } from './name-table.js';
import { arabicKey, dropArticle, foldLatin, latinKey, stripAccents } from './name-text.js';

export { nameSkeleton } from './name-skeleton.js';

const MAX_NAME = 256;
const MAX_VARIANTS = 12;
const ARABIC = /[\u0600-\u06ff]/;

interface NameTable {
  byArabic: Map<string, string[]>;
  byLatin: Map<string, string[]>;
}
let table: NameTable | undefined;

function loadTable(): NameTable {
  if (table) return table;
  const byArabic = new Map<string, string[]>();
  const byLatin = new Map<string, string[]>();
  for (const line of NAME_TABLE_SOURCE.split('\n')) {
    const [ar, lat] = line.split('|');
    if (!ar || !lat) continue;
    const variants = lat
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    byArabic.set(arabicKey(ar), variants);
    for (const v of variants) {
      const k = latinKey(v);
      const list = byLatin.get(k) ?? [];
      if (!list.includes(ar)) list.push(ar);
      byLatin.set(k, list);
    }
  }
  table = { byArabic, byLatin };
  return table;
}

// ---------- Arabic script -> French-style Latin ----------

const ROMAN: Record<string, string[]> = {
  ا: ['a'],
  ب: ['b'],
  ت: ['t'],
  ث: ['t', 'th'],
  ج: ['j', 'dj'],
  ح: ['h'],
  خ: ['kh'],
  د: ['d'],
  ذ: ['d', 'dh'],
  ر: ['r'],
  ز: ['z'],
  س: ['s'],
  ش: ['ch', 'sh'],
  ص: ['s'],
  ض: ['d'],
  ط: ['t'],
  ظ: ['d', 'z'],
  ع: ['a', ''],
  غ: ['gh'],
  ف: ['f'],
  ڤ: ['v'],
  ق: ['k', 'q'],
  ك: ['k'],
  ڭ: ['g'],
  گ: ['g'],
  ل: ['l'],
  م: ['m'],
  ن: ['n'],
  ه: ['h'],
  ة: ['a'],
  ء: [''],
  ؤ: ['ou'],
  ئ: ['i'],
};
const SUN = new Set('تثدذرزسشصضطظلن');
const VOWEL_LETTERS = new Set('اويىة');

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Rule-based romanisation of one Arabic-script word; alternatives differ in one letter choice each. */
function romanizeWord(word: string): string[] {
  const w = arabicKey(word);
  const base: string[] = [];
  const alts: { index: number; value: string }[] = [];
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const prev = w[i - 1];
    const next = w[i + 1];
    let value: string;
    if (c === 'و')
      value =
        i === 0 && next !== undefined && !VOWEL_LETTERS.has(next)
          ? 'ou'
          : prev === 'ا' || next === 'ا'
            ? 'w'
            : 'ou';
    else if (c === 'ي') value = i === 0 || prev === 'ا' || next === 'ا' ? 'y' : 'i';
    else if (c === 'ع') value = prev === 'ا' || next === 'ا' || next === undefined ? '' : 'a';
    else {
      const opts = ROMAN[c] ?? [c];
      value = opts[0] as string;
      for (const o of opts.slice(1)) alts.push({ index: base.length, value: o });
    }
    if ((c === 'س' || c === 'ص') && prev && next && VOWEL_LETTERS.has(prev) && VOWEL_LETTERS.has(next))
      value = 'ss';
    // Two consonant letters in a row at the start of a word get an epenthetic vowel (كريم -> Karim).
    const prevIsCons = prev !== undefined && !VOWEL_LETTERS.has(prev) && prev !== 'ع' && prev !== 'ء';
    if (i === 1 && prevIsCons && !VOWEL_LETTERS.has(c) && c !== 'ع') base.push('a');
    base.push(value);
  }
  const first = base.join('');
  const out = [first];
  for (const a of alts) {
    const copy = [...base];
    copy[a.index] = a.value;
    out.push(copy.join(''));
  }
  if (/ia$/.test(first)) out.push(first.replace(/ia$/, 'iya'));
  return [...new Set(out.map(capitalize))];
}

function articleVariants(rest: string[], sun: boolean): string[] {
  const out: string[] = [];
  for (const r of rest) {
    out.push(`El ${r}`, r);
    if (sun) out.push(`E${r.charAt(0).toLowerCase()}${r.toLowerCase()}`);
    out.push(`El${r.toLowerCase()}`);
  }
  return out;
}

function tokenVariants(token: string): string[] {
  const t = loadTable();
  const key = arabicKey(token);
  const direct = t.byArabic.get(key);
  if (direct) return direct;
  const particle = PARTICLES[key];
  if (particle) return particle;
  if (key.length > 3 && key.startsWith('ال')) {
    const rest = key.slice(2);
    const restVariants = t.byArabic.get(rest) ?? romanizeWord(rest);
    return articleVariants(restVariants.slice(0, 3), SUN.has(rest.charAt(0)));
  }
  return romanizeWord(key);
}

/** Splits an Arabic-script name into tokens, keeping عبد + next word together (عبد الله is one name). */
function nameTokens(name: string): string[] {
  // Diacritics go, hamza seats stay (إلياس is not ال + ياس); table lookups fold them with arabicKey.
  const raw = name
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .split(/[\s\-_.,]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i] as string;
    const next = raw[i + 1];
    if ((tok === 'عبد' || tok === 'نور' || tok === 'صلاح' || tok === 'عز' || tok === 'فاطمة') && next) {
      const joined = `${tok} ${next}`;
      if (tok === 'عبد' || loadTable().byArabic.has(arabicKey(joined))) {
        out.push(joined);
        i++;
        continue;
      }
    }
    // X الدين, X الله, X الإله are one name (نور الدين, هبة الله).
    const key = arabicKey(tok);
    if (
      out.length > 0 &&
      (key === 'الدين' || key === 'الله' || key === 'الاله') &&
      !out[out.length - 1]?.startsWith('عبد')
    ) {
      out[out.length - 1] += ` ${tok}`;
      continue;
    }
    out.push(tok);
  }
  return out;
}

function abdCompound(token: string): string[] | undefined {
  if (!token.startsWith('عبد ')) return undefined;
  const rest = token.slice(4);
  const restKey = arabicKey(rest.startsWith('ال') ? rest.slice(2) : rest);
  const restLatin = (loadTable().byArabic.get(restKey) ?? romanizeWord(restKey))[0]?.toLowerCase() ?? '';
  const sun = SUN.has(restKey.charAt(0));
  const glued = sun ? `Abde${restLatin.charAt(0)}${restLatin}` : `Abdel${restLatin}`;
  return [glued, `Abdel${restLatin}`, `Abd El ${capitalize(restLatin)}`, `Abdul${restLatin}`];
}

/** Arabic-script name -> French-style Latin spellings, most common first. Latin input is returned tidied. */
export function romanizeName(name: string): string[] {
  if (typeof name !== 'string') return [];
  const src = name.normalize('NFC').slice(0, MAX_NAME).trim();
  if (!src) return [];
  if (!ARABIC.test(src)) return [src.replace(/\s+/g, ' ')];
  const whole = loadTable().byArabic.get(arabicKey(src));
  if (whole) return whole.slice(0, MAX_VARIANTS);
  const perToken = nameTokens(src).map(
    (t) => loadTable().byArabic.get(t) ?? abdCompound(t) ?? tokenVariants(t),
  );
  return combine(perToken);
}

/** First variant of each token, then variants that change one token at a time. */
function combine(perToken: string[][]): string[] {
  const firsts = perToken.map((v) => v[0] ?? '');
  const out = new Set<string>([firsts.join(' ')]);
  for (let i = 0; i < perToken.length; i++) {
    for (const v of (perToken[i] ?? []).slice(1)) {
      const copy = [...firsts];
      copy[i] = v;
      out.add(copy.join(' '));
      if (out.size >= MAX_VARIANTS) return [...out];
    }
  }
  return [...out].map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

// ---------- Latin -> Arabic script ----------

const LATIN_PARTICLES: Record<string, string> = {
  ben: 'بن',
  ibn: 'ابن',
  bent: 'بنت',
  bint: 'بنت',
  ould: 'ولد',
  ait: 'آيت',
  ayt: 'آيت',
  abou: 'أبو',
  abu: 'أبو',
  bou: 'بو',
  moulay: 'مولاي',
  sidi: 'سيدي',
  lalla: 'لالة',
};

function arabizeToken(token: string): string[] {
  const t = loadTable();
  const key = latinKey(token);
  const known = t.byLatin.get(key);
  if (known) return known;
  const particle = LATIN_PARTICLES[key];
  if (particle) return [particle];
  const article = /^(?:el|al|l)(.{3,})$/.exec(key);
  if (article) {
    const inner = t.byLatin.get(article[1] as string);
    if (inner) return inner.map((a) => `ال${a}`);
  }
  // Compounds: Abd + el + name (عبد + ال + name), name + eddine (الدين), name + allah (الله).
  const abd = /^abd(?:el|al|ul|l|ou|e(?=[drstzn]))(.{3,})$/.exec(key);
  if (abd) {
    const rest = (abd[1] as string).replace(/^([drstzn])\1/, '$1');
    const inner = t.byLatin.get(rest)?.[0] ?? preferHaa(arabiziCandidates(rest.replace(/ou/g, 'u')))[0];
    if (inner) return [`عبد ال${inner.replace(/^ال/, '')}`];
  }
  const suffix = /^(.{3,}?)(?:e?d?dine?|eddin|allah|ellah|llah)$/.exec(key);
  if (suffix) {
    const head = arabizeToken((suffix[1] as string).replace(/e$/, ''))[0];
    if (head) return [`${head} ${/d/.test(key.slice((suffix[1] as string).length)) ? 'الدين' : 'الله'}`];
  }
  const ben = /^(ben|ait|ould|bou|abou)(.{3,})$/.exec(key);
  if (ben) {
    const inner = t.byLatin.get(ben[2] as string) ?? arabizeToken(ben[2] as string).slice(0, 2);
    if (inner.length > 0) return inner.map((a) => `${LATIN_PARTICLES[ben[1] as string]} ${a}`);
  }
  // Names: ou is و, a final a is usually ة (Fatna, Rabia), a double consonant is one letter.
  return preferHaa(arabiziCandidates(token.replace(/ou/gi, 'u').replace(/([a-z])\1/gi, '$1'))).slice(0, 4);
}

/**
 * In Moroccan given and family names of Arabic origin an h is far more often ح than ه (Hassan, Hamid,
 * Halima, Hakim, Rahma, Mohcine): each candidate is preceded by its ح reading.
 */
function preferHaa(cands: string[]): string[] {
  const out: string[] = [];
  for (const c of cands) {
    const haa = c.replace(/ه(?!$)/g, 'ح');
    if (!out.includes(haa)) out.push(haa);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** Latin-script name -> Arabic-script candidates, most likely first. */
export function arabizeName(name: string): string[] {
  if (typeof name !== 'string') return [];
  const src = name.normalize('NFC').slice(0, MAX_NAME).trim();
  if (!src) return [];
  if (ARABIC.test(src)) return [arabicKey(src)];
  const whole = loadTable().byLatin.get(latinKey(src));
  if (whole) return whole.slice(0, MAX_VARIANTS);
  const words = stripAccents(src)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const t = loadTable();
  const perToken: string[][] = [];
  let article = false;
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    const next = words[i + 1];
    if ((w === 'el' || w === 'al' || w === 'l') && next) {
      article = true; // "El Ghazouani": the article belongs to the next name
      continue;
    }
    const bare = dropArticle(w);
    if (bare !== w && !t.byLatin.has(w)) {
      article = true;
      w = bare;
    }
    // Two words that are one name in the table ("Fatima Zahra", "Nour Eddine"), or Abd + name.
    let cands: string[] | undefined;
    if (next && t.byLatin.has(latinKey(`${w} ${next}`))) {
      cands = t.byLatin.get(latinKey(`${w} ${next}`));
      i++;
    } else if (next && /^abd(el|al|ul|ou|er|es|en|ed|et|ez)?$/.test(w)) {
      cands = arabizeToken(w + next);
      i++;
    } else cands = arabizeToken(w);
    if (cands && cands.length > 0)
      perToken.push(article ? cands.map((c) => (c.startsWith('ال') ? c : `ال${c}`)) : cands);
    article = false;
  }
  return combine(perToken);
}

// ---------- keys ----------

/** Folded Latin key for a name in any script: particles, case, accents and article folded. */
export function foldName(name: string): string {
  if (typeof name !== 'string') return '';
  const src = name.slice(0, MAX_NAME);
  if (ARABIC.test(src)) return foldLatin(romanizeName(src)[0] ?? '');
  return foldLatin(src);
}
