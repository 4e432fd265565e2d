// Realistic typing noise for robustness figures: one deterministic perturbation per question (seeded by
// its text), so the "noisy" block measures spelling robustness on questions nobody tuned the noise to.
const LATIN_WORD = /[a-z0-9\u00e0-\u00ff]{5,}/gi;
const ARABIC_WORD = /[\u0621-\u064a]{5,}/g;

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(xs: T[], r: number): T | undefined {
  return xs.length ? xs[r % xs.length] : undefined;
}

type Edit = (w: string, r: number) => string;
const swapAdjacent: Edit = (w, r) => {
  const i = 1 + (r % (w.length - 2));
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
};
const dropInner: Edit = (w, r) => {
  const i = 1 + (r % (w.length - 2));
  return w.slice(0, i) + w.slice(i + 1);
};
const doubleInner: Edit = (w, r) => {
  const i = 1 + (r % (w.length - 2));
  return w.slice(0, i) + w[i] + w.slice(i);
};
// Arabizi and French spelling alternations people actually use.
const LATIN_ALTERNATIONS: [RegExp, string][] = [
  [/9/, 'q'],
  [/q/, 'k'],
  [/7/, 'h'],
  [/3/, 'a'],
  [/ou/, 'u'],
  [/ch/, 'sh'],
  [/é|è|ê/, 'e'],
  [/ph/, 'f'],
  [/ll/, 'l'],
];
const alternate: Edit = (w) => {
  for (const [re, to] of LATIN_ALTERNATIONS) if (re.test(w)) return w.replace(re, to);
  return w;
};
const ARABIC_ALTERNATIONS: [RegExp, string][] = [
  [/ة$/, 'ه'],
  [/ى$/, 'ي'],
  [/[أإآ]/, 'ا'],
  [/^ال/, ''],
  [/ء$/, ''],
];
const alternateArabic: Edit = (w) => {
  for (const [re, to] of ARABIC_ALTERNATIONS) if (re.test(w)) return w.replace(re, to);
  return w;
};

/** One realistic typo in one longer word of the question (unchanged if it has none). */
export function perturb(question: string): string {
  const r = seedOf(question);
  const arabic = [...question.matchAll(ARABIC_WORD)];
  const latin = [...question.matchAll(LATIN_WORD)].filter((m) => /[a-z]/i.test(m[0]));
  const target = pick(arabic.length ? arabic : latin, r >>> 3);
  if (!target || target.index === undefined) return question;
  const edits: Edit[] = arabic.length
    ? [swapAdjacent, dropInner, alternateArabic, doubleInner]
    : [swapAdjacent, dropInner, alternate, doubleInner];
  const edit = edits[(r >>> 7) % edits.length] as Edit;
  const word = target[0];
  const changed = edit(word, r >>> 11);
  return question.slice(0, target.index) + changed + question.slice(target.index + word.length);
}
