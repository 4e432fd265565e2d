import { describe, expect, it } from 'vitest';
import { segments } from '../src/index.js';

describe('segments', () => {
  it('splits Darija from the French noun phrase in "wach khassni n3mer le formulaire?"', () => {
    const text = 'wach khassni n3mer le formulaire?';
    const spans = segments(text);
    expect(spans.map((s) => s.tag)).toEqual(['ary-Latn', 'fra-Latn']);
    expect(spans[0]?.text).toBe('wach khassni n3mer');
    expect(spans[1]?.text).toBe('le formulaire');
  });

  it('gives offsets into the original string', () => {
    const text = '  salam!  بغيت نجدد البطاقة ديالي  ⴰⵣⵓⵍ  ';
    for (const s of segments(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('separates scripts: Arabic-script Darija, then Tifinagh', () => {
    const spans = segments('بغيت نتعلم تامازيغت ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ');
    expect(spans[0]?.tag).toBe('ary-Arab');
    expect(spans[spans.length - 1]?.tag).toBe('zgh-Tfng');
  });

  it('tags Arabic-script Darija with embedded French as two kinds of span', () => {
    const spans = segments('بغيت نجدد la carte nationale عافاك');
    expect(spans.map((s) => s.tag)).toEqual(['ary-Arab', 'fra-Latn', 'ary-Arab']);
  });

  it('leaves URLs and e-mail addresses out of the spans', () => {
    const spans = segments('chouf had lien https://www.example.com/english/page w sift lia f me@example.com');
    expect(spans.map((s) => s.tag)).toEqual(['ary-Latn', 'ary-Latn']);
    expect(spans.every((s) => !s.text.includes('example'))).toBe(true);
  });

  it('keeps a one-language message in one span', () => {
    const spans = segments('Je voudrais prendre un rendez-vous pour renouveler mon passeport.');
    expect(spans).toHaveLength(1);
    expect(spans[0]?.tag).toBe('fra-Latn');
  });

  it('returns no spans for empty or letterless input and never throws', () => {
    expect(segments('')).toEqual([]);
    expect(segments(undefined as unknown as string)).toEqual([]);
    expect(segments('😀 😀').length).toBeLessThanOrEqual(1);
    expect(() => segments('\ud800 abc \udfff')).not.toThrow();
  });

  it('handles a very long input without throwing', () => {
    const spans = segments('bghit n3ref chno khassni '.repeat(50_000));
    expect(spans.length).toBeGreaterThan(0);
  });
  it('puts a French determiner with the French noun it opens', () => {
    const spans = segments('ghadi ndir la demande en ligne w nchouf');
    const french = spans.find((x) => x.tag === 'fra-Latn');
    expect(french?.text.startsWith('la demande')).toBe(true);
  });
});
