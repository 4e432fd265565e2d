/**
 * Letter-level rules for Darija Arabizi -> Arabic script. A word becomes a sequence of units, each with
 * ranked Arabic options and a cost per option; candidates are the cheapest combinations (beam search).
 * The conventions are those of Moroccan chat writing: 3=ع 7=ح 9=ق 5=kh=خ 8=gh=غ 2=ء, ch/sh=ش, g=ڭ,
 * capitals mid-word for emphatics (T=ط S=ص D=ض), short vowels mostly unwritten, final -a as ة on nouns.
 */

import {
  finalA,
  hamzaUnit,
  isMuPrefixedI,
  isParticipleVowel,
  isVerbPrefixVowel,
  looksBorrowed,
  type Piece,
  type Unit,
  unit,
  vowelUnit,
} from './arabizi-patterns.js';

export type { Unit } from './arabizi-patterns.js';

const CONSONANTS: Record<string, readonly string[]> = {
  ch: ['ش'],
  sh: ['ش'],
  kh: ['خ'],
  gh: ['غ'],
  dj: ['ج'],
  th: ['ت', 'ث'],
  dh: ['ض', 'د', 'ذ'],
  tch: ['تش'],
  '3': ['ع'],
  '7': ['ح'],
  '9': ['ق'],
  '2': ['ء', 'أ', 'ئ', 'ؤ'],
  '5': ['خ'],
  '8': ['ه', 'غ'], // Moroccan chat mostly writes ه as 8 (8na, fa8d); some write غ
  '6': ['ط'],
  b: ['ب'],
  p: ['ب', 'پ'],
  t: ['ت', 'ط'],
  T: ['ط'],
  j: ['ج'],
  d: ['د', 'ض'],
  D: ['ض'],
  r: ['ر'],
  R: ['ر'],
  z: ['ز'],
  Z: ['ظ', 'ز'],
  s: ['س', 'ص'],
  S: ['ص'],
  f: ['ف'],
  v: ['ڤ', 'ف'],
  q: ['ق'],
  k: ['ك', 'ق'],
  g: ['ڭ', 'ك', 'ج', 'ق'],
  G: ['ڭ'],
  l: ['ل'],
  m: ['م'],
  n: ['ن'],
  h: ['ه', 'ح'],
  H: ['ح'],
  w: ['و'],
  y: ['ي'],
  x: ['كس'],
  c: ['ك', 'س'],
};

const DIGRAPHS = ['tch', 'ch', 'sh', 'kh', 'gh', 'dj', 'th', 'dh'];
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'à', 'â', 'ô', 'î', 'ï', 'û', 'ù']);
const SUN_LETTERS = new Set([
  't',
  'th',
  'd',
  'dh',
  'r',
  'z',
  's',
  'ch',
  'sh',
  'S',
  'D',
  'T',
  'Z',
  'n',
  'l',
  'j',
]);

/** What follows the h of a pronoun suffix at the end of a word: -ha, -hom, -houm, -hum, -hoim. */
const PRONOUN_H = /^(?:a|om|oum|um|oma|ouma)$/;
/** Cost of reading a sentence-initial capital S/T/D/Z/H as the emphatic (plain reading costs 0). */
const AMBIGUOUS_CAPITAL_COST = 0.2;
const EMPHATIC_OF: Record<string, string> = { s: 'ص', t: 'ط', d: 'ض', z: 'ظ', h: 'ح' };

/** Splits a Latin word into consonant and vowel pieces (case kept for emphatic capitals). */
function pieces(word: string, initialCapitalIsEmphatic: boolean): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < word.length) {
    const lower = word.slice(i).toLowerCase();
    const ch = word[i] as string;
    if (VOWELS.has(ch.toLowerCase())) {
      let j = i;
      while (j < word.length && VOWELS.has((word[j] as string).toLowerCase())) j++;
      out.push({
        kind: 'v',
        text: word
          .slice(i, j)
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
        double: false,
      });
      i = j;
      continue;
    }
    // t/d + a pronoun suffix in h (chaft-ha شافتها, dert-hom درتهم) is not the digraph th/dh.
    const di = DIGRAPHS.find(
      (d) => lower.startsWith(d) && !((d === 'th' || d === 'dh') && PRONOUN_H.test(lower.slice(2))),
    );
    let key: string;
    if (di) key = di;
    else if (ch === 'T' || ch === 'S' || ch === 'D' || ch === 'Z' || ch === 'H' || ch === 'G')
      key = i === 0 && !initialCapitalIsEmphatic ? ch.toLowerCase() : ch;
    else key = ch.toLowerCase();
    const maybeEmphatic =
      i === 0 && !initialCapitalIsEmphatic && ch !== key && EMPHATIC_OF[key] !== undefined;
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'c' && prev.text.toLowerCase() === key.toLowerCase()) {
      prev.double = true;
      if (key !== key.toLowerCase()) prev.text = key; // SSif: the capital marks the emphatic
    } else if (CONSONANTS[key]) out.push({ kind: 'c', text: key, double: false, maybeEmphatic });
    i += di ? di.length : 1;
  }
  return out;
}

function consonantUnit(p: Piece): Unit {
  const opts = CONSONANTS[p.text] ?? [p.text];
  // Writers without digits often spell ح as h (hmam, sahafi): keep both readings close.
  if (p.text === 'h' && !p.maybeEmphatic) return unit(opts, [0, 0.3]);
  const emphatic = p.maybeEmphatic ? EMPHATIC_OF[p.text] : undefined;
  if (emphatic) {
    // Sentence-initial "Sbah" may be a capitalised س or the chat emphatic ص: keep both close.
    const rest = opts.filter((o) => o !== emphatic);
    return unit(
      [rest[0] as string, emphatic, ...rest.slice(1)],
      [0, AMBIGUOUS_CAPITAL_COST, ...rest.slice(1).map((_, i) => 1 + i)],
    );
  }
  return unit(opts);
}

/** Units (ranked Arabic options) for one Arabizi word. */
export function wordUnits(word: string, initialCapitalIsEmphatic = false): Unit[] {
  const ps = pieces(word, initialCapitalIsEmphatic);
  const units: Unit[] = [];
  const n = ps.length;
  const consonantCount = ps.filter((p) => p.kind === 'c').length;
  for (let k = 0; k < n; k++) {
    const p = ps[k] as Piece;
    const prev = ps[k - 1];
    const next = ps[k + 1];
    if (p.kind === 'c') {
      // Initial geminate (ddar, chchra, zzit) is the assimilated article al-.
      if (k === 0 && p.double && SUN_LETTERS.has(p.text)) units.push(unit(['ال', ''], [0, 1.2]));
      if (p.text === '2') {
        units.push(hamzaUnit(ps, k));
        if (k > 0 && next?.kind === 'v' && next.text === 'i' && prev?.text !== 'o' && prev?.text !== 'ou')
          k++; // i is the seat
        continue;
      }
      // Final -ih/-ouh is the pronoun "him" (3lih عليه, chafouh شافوه), written ه.
      if (p.text === 'h' && k === n - 1 && k > 1 && prev?.kind === 'v' && /^(?:i|ou|o|u)$/.test(prev.text)) {
        units.push(unit(['ه', 'ح'], [0, 1]));
        continue;
      }
      units.push(consonantUnit(p));
      continue;
    }
    const v = p.text;
    // The a after a hamza on alef is its vowel, not a letter: mas2ala مسألة, mofaja2a مفاجأة.
    if (prev?.text === '2' && k >= 1 && prev.kind === 'c' && v === 'a' && k < n - 1) {
      units.push(unit(['', 'ا'], [0, 0.6]));
      continue;
    }
    if (ps[k + 1]?.text === '2' && k > 0 && (v === 'o' || v === 'ou' || v === 'u')) continue; // seat of ؤ
    const first = k === 0;
    const last = k === n - 1;
    if (first) {
      // e/a + geminate sun letter is the article written as pronounced: errachidia الرشيدية, ezzit الزيت.
      if ((v === 'e' || v === 'a') && next?.double && SUN_LETTERS.has(next.text)) {
        units.push(unit(['ال', 'ا', 'أ'], [0, 1, 1.2]));
        continue;
      }
      // An initial doubled aa before a consonant is the French-keyboard spelling of ع (aamid عميد, aachra عشرة).
      if ((v === 'aa' || v === 'aaa') && next?.kind === 'c') {
        units.push(unit(['ع', 'ا'], [0, 0.6]));
        continue;
      }
      // French-style ou + vowel is the consonant w: ouarzazat ورزازات, oued واد.
      if (/^ou[aei]/.test(v)) {
        const rest = v.slice(2);
        units.push(unit([rest.startsWith('a') ? 'وا' : rest.startsWith('i') ? 'وي' : 'و']));
        continue;
      }
      if (v.startsWith('a') || v === 'e') {
        // el-/al- article before a consonant cluster: lkhdma, elma
        // Otherwise an initial vowel is a hamza on alef: agadir أڭادير, adab أدب.
        const article = next?.text === 'l' && (next.double || ps[k + 2]?.kind === 'c' || k + 2 >= n);
        if (article || v.length > 1) units.push(unit(['ا', 'أ', 'ع'], [0, 0.8, 1.5]));
        else units.push(unit(['أ', 'ا', 'ع'], [0, 0.3, 1.5]));
        if (v.length > 1 && v !== 'aa') units.push(vowelUnit(v.slice(1), last));
        continue;
      }
      // A word-initial short vowel is usually hamza on alef (إبداع, أسلوب); long ones are written (ايلا, اوقات).
      // i + two consonants + i is a form VII/VIII/X verbal noun, whose alef takes no hamza (hamzat
      // al-wasl): imti7an امتحان, insijam انسجام, isti9bal استقبال; i + CC + a is form IV: i7sas إحساس.
      const derived = ps[k + 4]?.kind === 'c' && (ps[k + 5]?.text.startsWith('a') || ps[k + 5]?.kind === 'c'); // …CaaC, …CCaaC
      if (v === 'i' && next?.kind === 'c' && ps[k + 2]?.kind === 'c' && ps[k + 3]?.text === 'i' && derived) {
        units.push(unit(['ا', 'إ'], [0, 0.5]));
        continue;
      }
      if (v.startsWith('i') || v === 'ei') {
        units.push(unit(['إ', 'اي', 'ا', 'ي'], [0, 0.5, 0.8, 1.2]));
        continue;
      }
      if (v === 'o') {
        units.push(unit(['أ', 'او', 'ا', 'و'], [0, 0.3, 0.5, 0.9]));
        continue;
      }
      units.push(unit(['او', 'أ', 'و', 'ا'], [0, 0.3, 0.6, 0.6]));
      continue;
    }
    if (last) {
      if (v === 'a' || v === 'aa' || v === 'ah') {
        units.push(finalA(ps, k, consonantCount));
        continue;
      }
      if (v === 'e') {
        units.push(unit(['', 'ة', 'ه'], [0, 1, 1.2]));
        continue;
      }
      units.push(vowelUnit(v, true));
      continue;
    }
    // Negation ma-…-ch (mabghitch مابغيتش) and future gha- (ghanmchi غانمشي): Moroccans write the
    // prefix vowel. (ka-/ta- go both ways, كيدير and كايدير, and keep the general rules.)
    if (v === 'a' && k === 1 && isVerbPrefixVowel(ps)) {
      units.push(unit(['ا', ''], [0, 0.8]));
      continue;
    }
    if (v === 'a' && next?.text === 'w' && !next.double && ps[k + 2]?.kind === 'c') {
      units.push(unit(['', 'ا'], [0, 0.5])); // the diphthong aw is written و alone: lawn لون, dawr دور
      continue;
    }
    if (v === 'a' && (next?.text === 'y' || next?.text === 'w') && !next.double && ps[k + 2]?.kind !== 'v') {
      units.push(unit(['ا', ''], [0, 0.8])); // participles CāyC: kayn كاين, dayr داير
      continue;
    }
    if (v === 'a' && next?.text === '2' && ps[k + 2]?.text === 'i') {
      units.push(unit(['ا', ''], [0, 1])); // fā'il: sa2il سائل, da2ira دائرة
      continue;
    }
    if ((v === 'a' || v === 'i') && (isParticipleVowel(ps, k) || (v === 'i' && isMuPrefixedI(ps, k)))) {
      // Form II participle mu-fa33al / mu-fa33il: the vowel after the geminate is short (mo9ddas مقدس,
      // morbba3 مربع, modrrib مدرب, moSwwir مصور), unlike fa33al nouns (f99as فقاس, chllal شلال).
      units.push(unit(['', v === 'a' ? 'ا' : 'ي'], [0, 0.5]));
      continue;
    }
    const fiaal = next?.kind === 'c' && !next.double && ps[k + 2]?.text.startsWith('a') && k + 3 < n;
    if (v === 'i' && k === 1 && !prev?.double && fiaal && !looksBorrowed(ps)) {
      // CiCā-: the short i of fi'āl / fi'āla nouns (sifara سفارة, ni9ach نقاش, kitab كتاب) is not written.
      units.push(unit(['', 'ي'], [0, 0.5]));
      continue;
    }
    if (v === 'a') {
      // Short a in a closed syllable (kalb, nachaT) is not written; long a (bab, daba) is.
      const closed = next?.kind === 'c' && (next.double || ps[k + 2]?.kind === 'c' || k + 2 >= n);
      const cvcvcEnd =
        k === 1 && prev?.kind === 'c' && ps[k + 2]?.kind === 'v' && ps[k + 3]?.kind === 'c' && k + 4 >= n;
      if (closed && !(k + 2 >= n)) units.push(unit(['', 'ا'], [0, 0.6]));
      else if (cvcvcEnd) units.push(unit(['', 'ا'], [0, 0.4]));
      else if (k === 1 && prev?.kind === 'c' && !prev.double && ps[k + 2]?.kind === 'v')
        units.push(unit(['', 'ا'], [0, 0.3])); // first open syllable: 3amal, samaka
      else units.push(unit(['ا', ''], [0, 0.5]));
      continue;
    }
    const closed = next?.kind === 'c' && (next.double || ps[k + 2]?.kind === 'c');
    if ((v === 'i' || v === 'o') && closed) {
      // Short kasra/damma in a closed syllable (timsa7, morbba3) is not written.
      units.push(unit(['', v === 'i' ? 'ي' : 'و'], [0, 0.5]));
      continue;
    }
    if (v === 'o' && next?.kind === 'c' && ps[k + 2]?.kind === 'v') {
      // Writers who spell long u as "ou" use a bare o for the short one (Tomou7 طموح, roTouba رطوبة);
      // m + o + CV… is the participle prefix mu- (mobachir مباشر, modafi3 مدافع).
      const muPrefix = k === 1 && prev?.text === 'm' && consonantCount >= 3;
      if (muPrefix || ps.some((q) => q.kind === 'v' && q.text === 'ou')) {
        units.push(unit(['', 'و'], [0, 0.5]));
        continue;
      }
    }
    if (v === 'o') {
      units.push(unit(['و', ''], [0, 0.4]));
      continue;
    }
    // i in a final closed syllable (kbir, fa9ir, ch3ir) is long in Darija: written ي.
    if (v === 'i' && next?.kind === 'c' && !next.double && k + 2 === n) {
      units.push(unit(['ي', ''], [0, 2.5]));
      continue;
    }
    units.push(vowelUnit(v, false));
  }
  return units;
}
