/**
 * Matrix language of a Latin-script message that mixes Darija with French or English. Following the
 * matrix-language view of code-switching, the language that supplies the grammar (pronoun suffixes,
 * negation, verb forms, prepositions) is the language of the message, however many French nouns it
 * embeds: "le dossier dyali mazal en cours de traitement" is Darija with a French noun phrase.
 */
import { MARKERS } from './markers.js';

let darijaWords: Set<string> | undefined;

/** Darija marker words that no French, English or Spanish text uses (long enough not to be a name). */
function darijaOnly(): Set<string> {
  if (darijaWords) return darijaWords;
  const other = new Set(
    `${MARKERS['fra-Latn']} ${MARKERS['eng-Latn']} ${MARKERS['spa-Latn']} ${MARKERS['zgh-Latn']}`.split(
      /\s+/,
    ),
  );
  darijaWords = new Set(
    (MARKERS['ary-Latn'] ?? '').split(/\s+/).filter((w) => (w.length >= 4 || /\d/.test(w)) && !other.has(w)),
  );
  return darijaWords;
}

const TOKEN = /[a-z0-9\u00e0-\u00ff'\u2019]+/g; // l’homme is one French token
/** A digit written between letters is an Arabizi letter (ta7t, ma9dertch, n3mer). */
const DIGIT_LETTER = /^[a-z]*[2-9][a-z]|^[2-9][a-z]{2}/;
/** Negation ma-…-ch around a verb (mafhemtch, mabghitch). */
const NEGATION = /^ma[a-z0-9]{2,}(?:ch|sh)$/;
const MAX_TOKENS = 200;

/** Number of tokens that only Darija grammar explains (marker words, Arabizi digits, ma-…-ch, bare l/f). */
export function darijaEvidence(text: string): number {
  const words = darijaOnly();
  let n = 0;
  let seen = 0;
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    if (++seen > MAX_TOKENS) break;
    const w = m[0];
    if (words.has(w) || DIGIT_LETTER.test(w) || NEGATION.test(w) || w === 'l' || w === 'f') n++;
  }
  return n;
}
