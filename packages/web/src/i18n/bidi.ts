/**
 * Bidirectional-text helpers. Moroccan answers mix scripts: an Arabic sentence with a CIN number
 * ("AB123456"), an amount ("75 DH"), a URL; or a French sentence quoting an Arabic form name. The
 * Unicode bidi algorithm reorders neutral characters around such runs badly (a URL's slashes jump,
 * "75 DH" becomes "DH 75"). We isolate every run whose direction differs from the paragraph's, so
 * each renders as one unit: <bdi> in HTML, which browsers give `unicode-bidi: isolate`.
 */

export type Direction = 'rtl' | 'ltr';

export interface BidiSegment {
  text: string;
  /** `url` segments become links; `isolate` segments are wrapped in <bdi dir=…>. */
  kind: 'plain' | 'isolate' | 'url';
  dir?: Direction;
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u2D30-\u2D7F]/;

/** Direction of the first strong character (the HTML `dir="auto"` rule); undefined when none. */
export function firstStrongDirection(text: string): Direction | undefined {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (LTR_CHAR.test(ch)) return 'ltr';
  }
  return undefined;
}

// One alternation, each branch a simple run: linear time.
const URL_RE = /https?:\/\/[^\s<>"'«»()]+[^\s<>"'«»().,;:!?،؛]/y;
// A run of Latin letters/digits with the joiners found in IDs, amounts, e-mails and dates.
const LTR_RUN_RE = /[A-Za-z0-9\u00C0-\u024F\u2D30-\u2D7F][A-Za-z0-9\u00C0-\u024F\u2D30-\u2D7F@._:/+-]*/y;
const RTL_RUN_RE =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF][\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u064B-\u065F ]*/y;

/**
 * Splits text into segments for rendering inside a paragraph of direction `base` (default: the text's
 * own first strong direction). URLs always become isolated LTR links; runs of the opposite direction
 * become isolates; the rest is plain.
 */
export function bidiSegments(text: string, base?: Direction): BidiSegment[] {
  const paragraphDir = base ?? firstStrongDirection(text) ?? 'ltr';
  const segments: BidiSegment[] = [];
  let plainStart = 0;
  let i = 0;
  const pushPlain = (end: number) => {
    if (end > plainStart) segments.push({ text: text.slice(plainStart, end), kind: 'plain' });
  };
  while (i < text.length) {
    URL_RE.lastIndex = i;
    const url = URL_RE.exec(text);
    if (url && (i === 0 || /[\s(«"'<>]/.test(text[i - 1]!))) {
      pushPlain(i);
      segments.push({ text: url[0], kind: 'url', dir: 'ltr' });
      i += url[0].length;
      plainStart = i;
      continue;
    }
    const opposite = paragraphDir === 'rtl' ? LTR_RUN_RE : RTL_RUN_RE;
    opposite.lastIndex = i;
    const run = opposite.exec(text);
    if (run && (i === 0 || !/[A-Za-z0-9]/.test(text[i - 1]!))) {
      const value = run[0].trimEnd();
      pushPlain(i);
      segments.push({ text: value, kind: 'isolate', dir: paragraphDir === 'rtl' ? 'ltr' : 'rtl' });
      i += value.length;
      plainStart = i;
      continue;
    }
    i += 1;
  }
  pushPlain(text.length);
  return segments;
}
