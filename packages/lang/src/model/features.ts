/**
 * Feature extraction shared by training and identification: character 1–4-grams inside words (with
 * word-boundary marks) and whole-word features, hashed into a fixed number of buckets. No strings or
 * arrays are allocated per n-gram: characters are folded to small integers and hashed with FNV-1a
 * steps, and every feature index is handed to a callback.
 */

export const BUCKET_BITS = 17;
export const BUCKETS = 1 << BUCKET_BITS;
const MASK = BUCKETS - 1;
const FNV = 0x01000193;
const WORD_SEED = 0x5bd1e995;
/** Upper bound on the code units examined per call: long inputs are sampled, never fully scanned. */
export const MAX_SCAN = 2048;

/**
 * Folds one UTF-16 code unit to the identification alphabet: 0 = word boundary, -1 = ignore
 * (diacritics, tatweel, invisible marks), otherwise a code (lowercased Latin, folded alef forms).
 */
export function foldCode(c: number): number {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
    if (c === 0x27) return -1; // apostrophe inside words (l'administration, n'est)
    return 0;
  }
  if (c >= 0x0621 && c <= 0x064a) {
    // Hamza seats, alef maqsura and ta marbuta stay distinct: careful MSA spelling is itself a signal.
    if (c === 0x0640) return -1;
    return c;
  }
  // Tanween is an MSA case ending that Darija never writes; other diacritics are ignored.
  if (c >= 0x064b && c <= 0x064d) return 0x064b;
  if ((c >= 0x064e && c <= 0x065f) || c === 0x0670) return -1;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30;
  if (c >= 0x0671 && c <= 0x06ff) {
    if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 0x30;
    if (c === 0x06cc) return 0x064a;
    if (c === 0x06a9) return 0x0643;
    if (c === 0x06d4) return 0;
    return c;
  }
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c >= 0xdf && c <= 0x24f && c !== 0xf7) return c;
  if (c >= 0x1e00 && c <= 0x1eff) return c | 1; // ḍ ḥ ṛ ṣ ṭ ẓ: lower = odd code point
  if (c === 0x025b || c === 0x0263 || c === 0x03b5) return c;
  if (c === 0x0190) return 0x025b;
  if (c === 0x0194) return 0x0263;
  if (c >= 0x2d30 && c <= 0x2d7f) return c;
  if (c === 0x2019 || c === 0x02bc) return -1;
  if ((c >= 0x200b && c <= 0x200f) || c === 0xfeff || c === 0x00ad) return -1;
  return 0;
}

// foldCode for every UTF-16 code unit, precomputed: the scan loop does one typed-array read per char.
const FOLD = new Int32Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = foldCode(c);

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV);
}

export type FeatureSink = (index: number) => void;

/**
 * Calls sink for every hashed feature of text[start, end): char n-grams of length 1..4 inside
 * space-padded words and one feature per whole word. Returns the number of words seen.
 */
export function extractFeatures(
  text: string,
  sink: FeatureSink,
  onWord?: (hash: number) => void,
  start = 0,
  end = text.length,
): number {
  const stop = Math.min(end, start + MAX_SCAN);
  let c1 = 0;
  let c2 = -1;
  let c3 = -1; // previous folded codes; -1 = before the word boundary
  let wordHash = WORD_SEED;
  let wordLen = 0;
  let words = 0;
  for (let i = start; i <= stop; i++) {
    const c0 = i < stop ? (FOLD[text.charCodeAt(i)] as number) : 0;
    if (c0 < 0) continue;
    // Letters repeated for emphasis (bzzzzaf, khoyaaaa, بزاااف) count at most twice.
    if (c0 > 0 && c0 === c1 && c1 === c2) continue;
    if (c0 === 0) {
      if (wordLen === 0) continue;
      emitGrams(0, c1, c2, c3, sink);
      const full = mix(wordHash, wordLen) >>> 0;
      sink(full & MASK);
      if (onWord) onWord(full);
      words++;
      wordHash = WORD_SEED;
      wordLen = 0;
      c1 = 0;
      c2 = -1;
      c3 = -1;
      continue;
    }
    emitGrams(c0, c1, c2, c3, sink);
    wordHash = mix(wordHash, c0);
    wordLen++;
    c3 = c2;
    c2 = c1;
    c1 = c0;
  }
  return words;
}

function emitGrams(c0: number, c1: number, c2: number, c3: number, sink: FeatureSink): void {
  if (c0 !== 0) sink((mix(0x811c9dc5, c0) >>> 0) & MASK);
  if (c1 < 0) return;
  sink((mix(mix(0x2f6b3c1d, c1), c0) >>> 0) & MASK);
  if (c2 < 0) return;
  sink((mix(mix(mix(0x3a7e4b29, c2), c1), c0) >>> 0) & MASK);
  if (c3 < 0) return;
  sink((mix(mix(mix(mix(0x4c1f9e37, c3), c2), c1), c0) >>> 0) & MASK);
}

/** Hash of a whole (already folded, lowercase) word, as extractFeatures computes it, full 32 bits. */
export function wordKey(word: string): number {
  let h = WORD_SEED;
  let len = 0;
  for (let i = 0; i < word.length; i++) {
    const c = foldCode(word.charCodeAt(i));
    if (c <= 0) continue;
    h = mix(h, c);
    len++;
  }
  return mix(h, len) >>> 0;
}
