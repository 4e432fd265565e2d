/**
 * Word patterns of Darija and Arabic spelling used by the Arabizi letter rules (arabizi-rules.ts):
 * vowel letters, final -a, hamza seats, participles and verbal prefixes. Each function looks at the
 * consonant/vowel pieces of one word and returns ranked Arabic options or a yes/no on a pattern.
 */

export interface Unit {
  options: readonly string[];
  costs: readonly number[];
}

/** One consonant or vowel run of a Latin word. */
export interface Piece {
  kind: 'c' | 'v';
  text: string; // consonant key, or the vowel letters
  double: boolean;
  /** A capital that may only mark the start of a sentence: emphatic or plain, the spelling model decides. */
  maybeEmphatic?: boolean;
}

export function unit(options: readonly string[], costs?: readonly number[]): Unit {
  return { options, costs: costs ?? options.map((_, i) => i * 1.0) };
}

export function vowelUnit(v: string, last: boolean): Unit {
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
export function looksBorrowed(ps: Piece[]): boolean {
  return ps.some((p) => p.text === 'p' || p.text === 'v');
}

export function finalA(ps: Piece[], k: number, consonantCount: number): Unit {
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
export function isMuPrefixedI(ps: Piece[], k: number): boolean {
  if (ps[0]?.text !== 'm' || ps[1]?.kind !== 'v' || !/^(?:o|ou|u)$/.test(ps[1]?.text ?? '')) return false;
  if (ps[k + 1]?.kind !== 'c' || k + 2 !== ps.length) return false;
  let consonants = 0;
  for (const q of ps.slice(2)) if (q.kind === 'c') consonants += q.double ? 2 : 1;
  return consonants >= 3;
}

/** m(o)C + geminate + vowel + final consonant: the shape of a form II participle (mu-fa33il). */
export function isParticipleVowel(ps: Piece[], k: number): boolean {
  if (ps[0]?.text !== 'm' || !ps[k - 1]?.double || ps[k + 1]?.kind !== 'c' || !shortEnding(ps, k + 2))
    return false;
  const start = ps[1]?.kind === 'v' ? 2 : 1;
  if (ps[start]?.kind !== 'c' || ps[start]?.double) return false;
  return k - 1 === start + 1 || (k - 1 === start + 2 && ps[start + 1]?.kind === 'v'); // mo9ddas, modarris
}

/** Whether the word ends at piece k or with only a final vowel there. */
export function shortEnding(ps: Piece[], k: number): boolean {
  return k >= ps.length || (k === ps.length - 1 && ps[k]?.kind === 'v');
}

/**
 * Hamza (written 2) takes its seat from the vowels around it, as in Arabic spelling: initial 2i -> إ,
 * 2a/2o -> أ; after o/ou -> ؤ; before i -> ئ (final 2i -> ئي); before a or a consonant -> أ; final -> ء.
 */
export function hamzaUnit(ps: Piece[], k: number): Unit {
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
export function isVerbPrefixVowel(ps: Piece[]): boolean {
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
