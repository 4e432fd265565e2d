/** BCP 47 tags (ISO 639-3 language + ISO 15924 script) that identify() can return. */
export type LangTag =
  | 'ary-Arab'
  | 'ary-Latn'
  | 'arb-Arab'
  | 'fra-Latn'
  | 'eng-Latn'
  | 'zgh-Tfng'
  | 'zgh-Latn'
  | 'spa-Latn'
  | 'und';

export interface Identification {
  tag: LangTag;
  /** ISO 639-3 code, `und` when unknown. */
  language: string;
  /** ISO 15924 code, `Zyyy` when unknown. */
  script: string;
  /** 0..1, calibrated-ish posterior of the winning tag; 0 for `und`. */
  confidence: number;
  /** Other tags with their confidence, best first (at most 3). */
  alternatives: { tag: LangTag; confidence: number }[];
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  tag: LangTag;
}

export const LANG_TAGS: readonly LangTag[] = [
  'ary-Arab',
  'ary-Latn',
  'arb-Arab',
  'fra-Latn',
  'eng-Latn',
  'zgh-Tfng',
  'zgh-Latn',
  'spa-Latn',
  'und',
];

export function splitTag(tag: LangTag): { language: string; script: string } {
  if (tag === 'und') return { language: 'und', script: 'Zyyy' };
  const [language = 'und', script = 'Zyyy'] = tag.split('-');
  return { language, script };
}
