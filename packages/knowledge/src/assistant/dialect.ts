/**
 * Darija evidence in text a general language identifier reads as French, English or Standard Arabic.
 * Citizens mix French nouns into Arabizi ("registre de commerce kifach nsjl") and write Darija in Arabic
 * script with mostly MSA nouns ("التسجيل فالسجل الاجتماعي"); the answer should come back in Darija.
 * Scores add up: a word no French, English or MSA speaker writes counts 1, an ambiguous one 0.5.
 */

/** Latin-script Darija words that are not French or English words. */
const STRONG_LATN = new Set(
  'dyal dial dyali diali dyalna dyalek dyalo dyalha bghit bghina bghiti bgha wach wash chno achno chnou shno kifach kifash kifah kifch fayn fein mni menni lia liya 3afak afak khassni khasni khassek khass ndir ndiro njib chhal ch7al chal bch7al bzaf daba wakha rah 3la 3nd 3ndi kayn kayna kaynin machi ghadi bach bash 3lach 3lash imta fach chkon chkoun wla wlla fih fiha mzyan labas safi lia liya lik lih liha nakhod nakhdo nakhd nakhdha nqdr n9dr'.split(
    ' ',
  ),
);
/** Words only a Darija writer types ("I want", "how", "what", "of"): one is enough. */
const DECISIVE_LATN =
  /^(n?bgh[a-z]*|kifa[cs]h|wa[cs]h|a?chno|chnou|dyal[a-z]*|dial[a-z]*|ch7al|chhal|3afak)$/;
/** Ambiguous alone ("fin" is also French), telling next to other evidence. */
const WEAK_LATN = new Set(['fin', 'w', 'f', 'l', 'o', 'ila', 'hna', 'm3a', 'slm', 'salam']);

/** Latin word shapes of Darija and no French or English word. */
function darijaShapeLatn(word: string): boolean {
  // Arabizi digits inside a word: ch7al, 3a9d, nsa9sa (not plain numbers).
  if (/[a-z][379]|[379][a-z]/.test(word)) return true;
  // Verb person prefixes before a consonant cluster: nsjl, ntsjl, ytjded, nqad, nkhlsha.
  if (/^[ny][bcdfghjklmnpqrstvwxz][a-z]{2,}$/.test(word)) return true;
  if (/^t[bdfgjkmnqsxz][bcdfgjklmnpqrstvwxz][a-z]+$/.test(word)) return true;
  // The verb "want" with any ending: bghit, bghitha, nbghi.
  return /^n?bgh/.test(word);
}

export function darijaLatnScore(text: string): number {
  let score = 0;
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (/^[0-9]+$/.test(w)) continue;
    if (DECISIVE_LATN.test(w)) score += 1.5;
    else if (STRONG_LATN.has(w) || darijaShapeLatn(w)) score += 1;
    else if (WEAK_LATN.has(w)) score += 0.5;
  }
  return score;
}

/** Arabizi written with many French or English words: Darija needs 1.5 points of evidence. */
export function looksLikeArabizi(text: string): boolean {
  return darijaLatnScore(text) >= 1.5;
}

const STRONG_ARAB = new Set(
  'فين فاين كيفاش شنو شنوا اشنو واش بغيت بغينا بغا نبغي ديال ديالي ديالو ديالها ديالنا شحال بشحال دابا باش خاصني خاص خاصك عافاك بزاف مزيان واخا علاش فوقاش شكون كاين كاينة ماشي غادي ليا نديرو ندير نجيب كيفاش'.split(
    ' ',
  ),
);

/** Darija in Arabic script that an identifier took for Standard Arabic. */
export function looksLikeDarijaArabic(text: string): boolean {
  const words = text.match(/[\u0621-\u064a]+/g) ?? [];
  let score = 0;
  words.forEach((w, i) => {
    if (STRONG_ARAB.has(w)) score += 1;
    // ف glued to the article ("فالمقاطعة") is Darija's "in the"; sentence-initially it is MSA "so the".
    else if (i > 0 && /^فال.{3,}/.test(w)) score += 1;
    // Aspect prefix ka-/ki- on a conjugated verb: كيديروه, كنخلص, كتاخد.
    else if (/^ك[يتن][يتن]?.{3,}/.test(w) && /^(كي|كن|كت)[^ا]/.test(w)) score += 0.5;
  });
  return score >= 1;
}

const MSA_MARKERS = new Set(
  'كيف ماذا هل أين متى لماذا الذي التي الذين أريد أود أحصل أستطيع يمكنني يمكن يجب عليّ علي لدي ما هي هو'.split(
    ' ',
  ),
);

/** Standard Arabic that an identifier took for Darija: MSA function words and no Darija evidence. */
export function looksLikeStandardArabic(text: string): boolean {
  if (looksLikeDarijaArabic(text)) return false;
  const words = text.match(/[\u0621-\u064a]+/g) ?? [];
  if (words.some((w) => STRONG_ARAB.has(w))) return false;
  return (
    words.filter((w) => MSA_MARKERS.has(w)).length >= 1 &&
    words.some((w) => /^[أن][^ا]/.test(w) || w === 'كيف' || w === 'هل')
  );
}
