/**
 * Letter-level rules for Darija Arabizi -> Arabic script. A word becomes a sequence of units, each with
 * ranked Arabic options and a cost per option; candidates are the cheapest combinations (beam search).
 * The conventions are those of Moroccan chat writing: 3=ع 7=ح 9=ق 5=kh=خ 8=gh=غ 2=ء, ch/sh=ش, g=ڭ,
 * capitals mid-word for emphatics (T=ط S=ص D=ض), short vowels mostly unwritten, final -a as ة on nouns.
 */

export interface Unit {
  options: readonly string[];
  costs: readonly number[];
}

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

function unit(options: readonly string[], costs?: readonly number[]): Unit {
  return { options, costs: costs ?? options.map((_, i) => i * 1.0) };
}

interface Piece {
  kind: 'c' | 'v';
  text: string; // consonant key, or the vowel letters
  double: boolean;
  /** A capital that may only mark the start of a sentence: emphatic or plain, the spelling model decides. */
  maybeEmphatic?: boolean;
}

/** Cost of reading a sentence-initial capital S/T/D/Z/H as the emphatic (plain reading costs 0). */
/** What follows the h of a pronoun suffix at the end of a word: -ha, -hom, -houm, -hum, -hoim. */
const PRONOUN_H = /^(?:a|om|oum|um|oma|ouma)$/;
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

function vowelUnit(v: string, last: boolean): Unit {
  if (v === 'e') return unit(['', 'ي', 'ا'], [0, 1.2, 1.4]);
  if (v === 'aa') return unit(['ا', ''], [0, 2]); // a doubled vowel is a long one
  if (v === 'a') return unit(['ا', ''], [0, 0.7]);
  if (v === 'ai' || v === 'ay' || v === 'ei') return unit(['اي', 'ي'], [0, 0.6]);
  if (v === 'ao' || v === 'aou' || v === 'au') return unit(['او', 'و'], [0, 1.5]);
  // "ou" is the French-style spelling of a long vowel: it is nearly always written (جنوب, شعور).
  if (v === 'ou' || v === 'oo' || v === 'ouu') return unit(['و', ''], [0, 3.5]);
  if (v === 'o' || v === 'u') return unit(['و', ''], [0, last ? 2 : 1]);
  if (v === 'i' || v === 'ee' || v === 'ii' || v === 'ie') return unit(['ي', ''], [0, last ? 2 : 1.1]);
  if (v === 'ia' || v === 'ya') return last ? unit(['ية', 'يا'], [0, 0.5]) : unit(['يا', 'ي'], [0, 0.5]);
  if (v === 'oua' || v === 'ua' || v === 'oa') return unit(['وا'], [0]);
  if (v === 'ea' || v === 'ae') return unit(['ا'], [0]);
  // Other vowel clusters: write each vowel letter that is long in Darija spelling.
  let s = '';
  for (const c of v)
    if (c === 'a') s += 'ا';
    else if (c === 'i') s += 'ي';
    else if (c === 'o' || c === 'u') s += s.endsWith('و') ? '' : 'و';
  return unit([s, '']);
}

/** p and v occur only in loans (panda, avoka), which keep their final -a as ا. */
function looksBorrowed(ps: Piece[]): boolean {
  return ps.some((p) => p.text === 'p' || p.text === 'v');
}

function finalA(ps: Piece[], k: number, consonantCount: number): Unit {
  if (looksBorrowed(ps)) return unit(['ا', 'ة'], [0, 0.5]);
  const prev = ps[k - 1];
  const beforePrev = ps[k - 2];
  // Pronoun and verb endings -ha/-na after a consonant or i (dyalha, 3ndna, bghina) are written ا.
  const pronounSuffix =
    prev?.kind === 'c' &&
    (prev.text === 'n' || prev.text === 'h') &&
    !prev.double &&
    (beforePrev?.kind === 'c' ||
      beforePrev?.text === 'i' ||
      // -ha after a verb ending in a vowel (ktbna-ha كتبناها, 3titou-ha): enough consonants before it.
      (prev.text === 'h' && beforePrev?.kind === 'v' && consonantCount >= 4));
  if (prev?.text === 'y' && beforePrev?.kind === 'v' && beforePrev.text.endsWith('i'))
    return unit(['ة', 'ا'], [0, 0.6]);
  if (pronounSuffix || consonantCount < 2 || ps.length <= 3) return unit(['ا', 'ة', 'ى'], [0, 0.7, 1.4]);
  return unit(['ة', 'ا'], [0, 0.5]);
}

/**
 * mo-/mu- words whose last syllable is -CiC and which have three consonants after the m are derived
 * participles with a short i: mobachir مباشر, mohandis مهندس, moslim مسلم (moudir مدير has two).
 */
function isMuPrefixedI(ps: Piece[], k: number): boolean {
  if (ps[0]?.text !== 'm' || ps[1]?.kind !== 'v' || !/^(?:o|ou|u)$/.test(ps[1]?.text ?? '')) return false;
  if (ps[k + 1]?.kind !== 'c' || k + 2 !== ps.length) return false;
  let consonants = 0;
  for (const q of ps.slice(2)) if (q.kind === 'c') consonants += q.double ? 2 : 1;
  return consonants >= 3;
}

/** m(o)C + geminate + vowel + final consonant: the shape of a form II participle (mu-fa33il). */
function isParticipleVowel(ps: Piece[], k: number): boolean {
  if (ps[0]?.text !== 'm' || !ps[k - 1]?.double || ps[k + 1]?.kind !== 'c' || !shortEnding(ps, k + 2))
    return false;
  const start = ps[1]?.kind === 'v' ? 2 : 1;
  if (ps[start]?.kind !== 'c' || ps[start]?.double) return false;
  return k - 1 === start + 1 || (k - 1 === start + 2 && ps[start + 1]?.kind === 'v'); // mo9ddas, modarris
}

/** Whether the word ends at piece k or with only a final vowel there. */
function shortEnding(ps: Piece[], k: number): boolean {
  return k >= ps.length || (k === ps.length - 1 && ps[k]?.kind === 'v');
}

/**
 * Hamza (written 2) takes its seat from the vowels around it, as in Arabic spelling: initial 2i -> إ,
 * 2a/2o -> أ; after o/ou -> ؤ; before i -> ئ (final 2i -> ئي); before a or a consonant -> أ; final -> ء.
 */
function hamzaUnit(ps: Piece[], k: number): Unit {
  const prev = ps[k - 1];
  const next = ps[k + 1];
  if (k === 0) {
    if (next?.text === 'y' || (next?.kind === 'v' && next.text.startsWith('i'))) return unit(['إ', 'ء']);
    return unit(['أ', 'ء']);
  }
  if (prev?.kind === 'v' && (prev.text === 'o' || prev.text === 'ou' || prev.text === 'u'))
    return unit(['ؤ', 'ء']);
  if (next?.kind === 'v' && next.text === 'i')
    return k + 2 >= ps.length ? unit(['ئي', 'ئ']) : unit(['ئ', 'ءي']);
  if (!next) return unit(['ء', 'أ']);
  if (next.kind === 'c' || next.text.startsWith('a')) return unit(['أ', 'ء', 'آ']);
  return unit(['ء', 'أ', 'ئ', 'ؤ']);
}

/** The a of a verbal prefix: ma + a word ending in -ch (mabghitch), gha + n/t/y + consonant (ghanmchi). */
function isVerbPrefixVowel(ps: Piece[]): boolean {
  const first = ps[0]?.text;
  const next = ps[2];
  const consonantsAfter = ps.slice(3).filter((p) => p.kind === 'c').length;
  if (first === 'm' && next?.kind === 'c') {
    const last = ps[ps.length - 1]?.text;
    return (last === 'ch' || last === 'sh' || last === 'tch') && consonantsAfter >= 2;
  }
  if (first === 'gh' && next?.kind === 'c' && /^[nty]$/.test(next.text) && ps[3]?.kind === 'c') return true;
  return false;
}
