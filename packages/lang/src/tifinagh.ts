/**
 * IRCAM Tifinagh <-> IRCAM Latin transcription (the standard taught in Moroccan schools since 2003).
 * Letter values follow the IRCAM table (Unicode Tifinagh block, SIL UTN #59). Labialised ⴳⵯ/ⴽⵯ are
 * written gʷ/kʷ. Strict mode is lossless both ways for IRCAM text; the informal mode additionally
 * reads the Latin spellings people type on phones (gh, kh, ch, 3, ε, ss...).
 */

const TFNG_TO_LATIN: ReadonlyArray<[string, string]> = [
  ['ⴰ', 'a'],
  ['ⴱ', 'b'],
  ['ⴳ', 'g'],
  ['ⴷ', 'd'],
  ['ⴹ', 'ḍ'],
  ['ⴻ', 'e'],
  ['ⴼ', 'f'],
  ['ⴽ', 'k'],
  ['ⵀ', 'h'],
  ['ⵃ', 'ḥ'],
  ['ⵄ', 'ɛ'],
  ['ⵅ', 'x'],
  ['ⵇ', 'q'],
  ['ⵉ', 'i'],
  ['ⵊ', 'j'],
  ['ⵍ', 'l'],
  ['ⵎ', 'm'],
  ['ⵏ', 'n'],
  ['ⵓ', 'u'],
  ['ⵔ', 'r'],
  ['ⵕ', 'ṛ'],
  ['ⵖ', 'ɣ'],
  ['ⵙ', 's'],
  ['ⵚ', 'ṣ'],
  ['ⵛ', 'c'],
  ['ⵜ', 't'],
  ['ⵟ', 'ṭ'],
  ['ⵡ', 'w'],
  ['ⵢ', 'y'],
  ['ⵣ', 'z'],
  ['ⵥ', 'ẓ'],
  ['ⵯ', 'ʷ'],
];

const toLatin = new Map<string, string>(TFNG_TO_LATIN);
const toTfng = new Map<string, string>(TFNG_TO_LATIN.map(([t, l]) => [l, t]));
// Capitals and precomposed/decomposed variants of the IRCAM Latin letters.
for (const [t, l] of TFNG_TO_LATIN) {
  const upper = l.toUpperCase();
  if (upper !== l) toTfng.set(upper, t);
  const nfd = l.normalize('NFD');
  if (nfd !== l) {
    toTfng.set(nfd, t);
    toTfng.set(nfd.toUpperCase(), t);
  }
}
toTfng.set('ε', 'ⵄ'); // Greek epsilon, a common stand-in for ɛ
toTfng.set('Ɛ', 'ⵄ');
toTfng.set('Ɣ', 'ⵖ');

/** Tifinagh (IRCAM) to IRCAM Latin. Characters outside the Tifinagh letters pass through unchanged. */
export function tifinaghToLatin(text: string): string {
  if (typeof text !== 'string') return '';
  let out = '';
  for (const ch of text) out += toLatin.get(ch) ?? ch;
  return out;
}

export interface LatinToTifinaghOptions {
  /** 'ircam' (default): exact IRCAM Latin letters only. 'informal': also gh, kh, ch, sh, 3, 7, 9, ss, tt, dd... */
  scheme?: 'ircam' | 'informal';
}

// Informal multi-letter spellings, longest first. Emphatics are typed as doubled or capital letters.
const INFORMAL: ReadonlyArray<[string, string]> = [
  ['gw', 'ⴳⵯ'],
  ['kw', 'ⴽⵯ'],
  ['gh', 'ⵖ'],
  ['kh', 'ⵅ'],
  ['ch', 'ⵛ'],
  ['sh', 'ⵛ'],
  ['ou', 'ⵓ'],
  ['dj', 'ⵊ'],
  ['3', 'ⵄ'],
  ['7', 'ⵃ'],
  ['9', 'ⵇ'],
  ['5', 'ⵅ'],
  ['8', 'ⵖ'],
  ['o', 'ⵓ'],
  ['v', 'ⴼ'],
  ['p', 'ⴱ'],
];

/** IRCAM Latin to Tifinagh. Strict IRCAM by default so Tifinagh -> Latin -> Tifinagh is lossless. */
export function latinToTifinagh(text: string, opts: LatinToTifinaghOptions = {}): string {
  if (typeof text !== 'string') return '';
  const src = text.normalize('NFC');
  const informal = opts.scheme === 'informal';
  let out = '';
  for (let i = 0; i < src.length; ) {
    if (informal) {
      const lower2 = src.slice(i, i + 2).toLowerCase();
      const hit = INFORMAL.find(([k]) => lower2.startsWith(k));
      if (hit) {
        out += hit[1];
        i += hit[0].length;
        continue;
      }
    }
    const cp = src.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const len = ch.length;
    // ʷ after g/k is the labialisation mark; it maps like any other letter.
    const mapped = toTfng.get(ch) ?? (informal ? toTfng.get(ch.toLowerCase()) : undefined);
    out += mapped ?? ch;
    i += len;
  }
  return out;
}
