import { F } from '../lexicon/index.js';
import { keyOf, TokenKind, type Tokens } from '../tokens.js';
import type { ScanInput } from './candidate.js';
import { cityAt } from './city.js';

const END_WORDS = new Set([
  'et',
  'pour',
  'je',
  'nous',
  'vous',
  'merci',
  'svp',
  'stp',
  'afin',
  'car',
  'mais',
  'qui',
  'est',
  'sont',
  'avant',
  'depuis',
  'avec',
  'ou',
  'quand',
  'and',
  'for',
  'please',
  'thanks',
  'w',
  'o',
  'ana',
  'bghit',
  'ila',
  'wach',
  'merci',
  'tel',
  'gsm',
  'email',
  'cin',
  'و',
  'انا',
  'شكرا',
  'المرجو',
  'باش',
  'واش',
  'ديالي',
  'هاتف',
  'الهاتف',
]);
const HOUSE_NUMBER_WORDS = new Set(['n', 'no', 'numero', 'num', 'رقم', 'ر']);
const COUNTRY = new Set(['maroc', 'morocco', 'المغرب', 'lmaghrib']);

function hasDot(low: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (low.charCodeAt(i) === 46) return true;
  return false;
}

/** Gap between two address tokens: spaces, commas, dots, hyphens, slashes, "°" — no sentence break. */
function addressGap(low: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const c = low.charCodeAt(i);
    if (
      !(
        c === 32 ||
        c === 44 ||
        c === 46 ||
        c === 45 ||
        c === 47 ||
        c === 176 ||
        c === 39 ||
        c === 0x060c ||
        c === 0x2019
      )
    )
      return false;
  }
  return true;
}

/**
 * Street addresses anchored on a keyword (rue, bd, hay, derb, douar, résidence, زنقة, شارع, حي, دوار…),
 * extended over the following words up to a city, a postcode or a sentence break.
 */
export function scanAddresses(input: ScanInput, tokens: Tokens): void {
  const { low, out } = input;
  // Street keywords (token-index.ts); `next` skips keywords inside the previous address.
  const keywords = input.index.addresses;
  let next = 0;
  for (let w = 0; w < keywords.count; w++) {
    const t = keywords.items[w]!;
    if (t < next) continue;
    const weak = (tokens.flags[t]! & F.ADDR_WEAK) !== 0;
    let s = t;
    let hasNumber = false;
    // A house number before the keyword: "12, rue …", "n° 5 derb …", "رقم 12 زنقة".
    if (
      s > 0 &&
      tokens.kind[s - 1] === TokenKind.Digits &&
      addressGap(low, tokens.end[s - 1]!, tokens.start[s]!)
    ) {
      s--;
      hasNumber = true;
      if (
        s > 0 &&
        HOUSE_NUMBER_WORDS.has(keyOf(tokens, s - 1)) &&
        addressGap(low, tokens.end[s - 1]!, tokens.start[s]!)
      )
        s--;
    }
    let e = t;
    let hasCity = false;
    let hasPostcode = false;
    let budget = 7;
    for (let k = t + 1; k < tokens.count && budget > 0; k++) {
      if (!addressGap(low, tokens.end[k - 1]!, tokens.start[k]!)) break;
      // A dot ends the address unless it follows an abbreviation (bd., av., imm.) or a single letter.
      if (
        hasDot(low, tokens.end[k - 1]!, tokens.start[k]!) &&
        !(tokens.flags[k - 1]! & F.ADDR) &&
        tokens.end[k - 1]! - tokens.start[k - 1]! > 1
      )
        break;
      const key = keyOf(tokens, k);
      if (tokens.kind[k] === TokenKind.Digits) {
        const len = tokens.end[k]! - tokens.start[k]!;
        if (len === 5 && (hasCity || budget < 7)) {
          hasPostcode = true;
          e = k;
          if (hasCity) break;
          continue;
        }
        if (len > 5) break;
        hasNumber = true;
        e = k;
        budget--;
        continue;
      }
      if (END_WORDS.has(key)) break;
      const city = cityAt(low, tokens.start[k]!);
      if (city !== -1 && k > t + 1) {
        hasCity = true;
        while (k < tokens.count && tokens.end[k]! <= city) k++;
        e = k - 1;
        // A district may be followed by its city ("Maârif, Casablanca"): keep going over further cities.
        while (k < tokens.count && addressGap(low, tokens.end[e]!, tokens.start[k]!)) {
          const next = cityAt(low, tokens.start[k]!);
          if (next === -1) break;
          while (k < tokens.count && tokens.end[k]! <= next) k++;
          e = k - 1;
        }
        // Optional postcode or country right after the city.
        if (k < tokens.count && addressGap(low, tokens.end[e]!, tokens.start[k]!)) {
          const len = tokens.end[k]! - tokens.start[k]!;
          if ((tokens.kind[k] === TokenKind.Digits && len === 5) || COUNTRY.has(keyOf(tokens, k))) {
            if (tokens.kind[k] === TokenKind.Digits) hasPostcode = true;
            e = k;
          }
        }
        if (!hasPostcode || tokens.kind[e] === TokenKind.Digits) break;
      }
      if (tokens.flags[k]! & F.ADDR) budget = 7;
      else budget--;
      e = k;
    }
    // Drop trailing connector words.
    while (e > t && tokens.flags[e]! & F.STOP && tokens.kind[e] !== TokenKind.Digits) e--;
    const anchored = hasCity || hasPostcode;
    let score = 0;
    if (anchored && (hasNumber || !weak)) score = 0.9;
    else if (anchored) score = 0.75;
    else if (hasNumber && !weak) score = 0.7;
    else if (!weak && e > t && tokens.kind[t] === TokenKind.Latin && capitalisedLatin(input, tokens, t + 1))
      score = 0.55;
    if (score > 0) out.push('ADDRESS', tokens.start[s]!, tokens.end[e]!, score);
    next = e + 1;
  }
}

/** "Rue Ibn Batouta": a Latin street keyword followed by a capitalised name. */
function capitalisedLatin(input: ScanInput, tokens: Tokens, k: number): boolean {
  const c = input.text.charCodeAt(tokens.start[k]!);
  return tokens.kind[k] === TokenKind.Latin && c >= 65 && c <= 90;
}
