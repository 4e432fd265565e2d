/**
 * Spelling correction for query words, SymSpell-style: every known word is indexed under its one-letter
 * deletions, so a lookup costs a few hash probes instead of a scan of the vocabulary. Candidates are
 * verified with the optimal-string-alignment distance (substitution, insertion, deletion, transposition).
 */
export class Speller {
  private readonly freq = new Map<string, number>();
  private readonly deletes = new Map<string, string[]>();

  add(word: string, count = 1): void {
    if (word.length < 3 || word.length > 40) return;
    const prev = this.freq.get(word);
    this.freq.set(word, (prev ?? 0) + count);
    if (prev !== undefined) return;
    for (const d of deletions(word)) {
      const list = this.deletes.get(d);
      if (list) list.push(word);
      else this.deletes.set(d, [word]);
    }
    const self = this.deletes.get(word);
    if (self) self.push(word);
    else this.deletes.set(word, [word]);
  }

  has(word: string): boolean {
    return this.freq.has(word);
  }

  /**
   * Closest known word within distance 1 (2 for words of 9+ letters), most frequent first. Words under
   * 6 letters are never corrected: at that length one edit turns "meteo" into "meter" or شكون into شكوى.
   */
  correct(word: string): string | undefined {
    // Arabic script writes no short vowels, so 5 letters there carry as much as 6–7 Latin ones.
    const min = /[\u0600-\u06ff]/.test(word) ? 5 : 6;
    if (this.freq.has(word) || word.length > 40) return undefined;
    if (word.length < min) return word.length >= 4 ? this.correctShort(word) : undefined;
    const maxDist = word.length >= 9 ? 2 : 1;
    const probes = new Set<string>([word, ...deletions(word)]);
    if (maxDist === 2) for (const d of [...probes]) for (const dd of deletions(d)) probes.add(dd);
    let best: string | undefined;
    let bestDist = Number.POSITIVE_INFINITY;
    let bestFreq = 0;
    for (const p of probes) {
      for (const cand of this.deletes.get(p) ?? []) {
        if (cand === best) continue;
        const d = osaDistance(word, cand, maxDist);
        if (d > maxDist) continue;
        const f = this.freq.get(cand) ?? 0;
        if (d < bestDist || (d === bestDist && f > bestFreq)) {
          best = cand;
          bestDist = d;
          bestFreq = f;
        }
      }
    }
    return best;
  }

  /**
   * Short words (4–5 letters, 4 in Arabic script) get only the two typos that rarely land on another real
   * word: two adjacent letters swapped ("deecs" → "deces") and one letter left out ("caser" → "casier",
   * البطقة → البطاقة). A substitution stays uncorrected there (شكون must not become شكوى).
   */
  private correctShort(word: string): string | undefined {
    let best: string | undefined;
    let bestFreq = 0;
    const consider = (cand: string) => {
      const f = this.freq.get(cand) ?? 0;
      if (f > bestFreq) {
        best = cand;
        bestFreq = f;
      }
    };
    for (const t of transpositions(word)) consider(t);
    for (const cand of this.deletes.get(word) ?? []) if (cand.length === word.length + 1) consider(cand);
    return best;
  }
}

/** Adjacent letters swapped: the typo that never turns one short word into another by accident. */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance with an early exit above `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] as number;
}
