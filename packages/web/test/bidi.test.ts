import { describe, expect, it } from 'vitest';
import { bidiSegments, firstStrongDirection } from '../src/i18n/bidi.js';

describe('bidirectional text isolation', () => {
  it('finds the paragraph direction from the first strong character', () => {
    expect(firstStrongDirection('  75 درهم')).toBe('rtl');
    expect(firstStrongDirection('123 CIN')).toBe('ltr');
    expect(firstStrongDirection('ⵜⴰⵎⴰⵣⵉⵖⵜ')).toBe('ltr');
    expect(firstStrongDirection('123 - 456')).toBeUndefined();
  });

  it('isolates a CIN number and an amount inside an Arabic sentence', () => {
    const segments = bidiSegments('رقم البطاقة AB123456 والثمن 75 DH');
    const isolated = segments.filter((s) => s.kind === 'isolate').map((s) => s.text);
    expect(isolated).toEqual(['AB123456', '75', 'DH']);
    expect(segments.every((s) => s.kind !== 'isolate' || s.dir === 'ltr')).toBe(true);
    expect(segments.map((s) => s.text).join('')).toBe('رقم البطاقة AB123456 والثمن 75 DH');
  });

  it('turns URLs into isolated left-to-right links without trailing punctuation', () => {
    const segments = bidiSegments('شوف https://www.passeport.ma/fr. شكرا');
    expect(segments.find((s) => s.kind === 'url')?.text).toBe('https://www.passeport.ma/fr');
  });

  it('isolates Arabic words quoted in a French sentence', () => {
    const segments = bidiSegments('Demandez le formulaire عقد الازدياد au guichet');
    expect(segments.filter((s) => s.kind === 'isolate').map((s) => [s.text, s.dir])).toEqual([
      ['عقد الازدياد', 'rtl'],
    ]);
  });

  it('leaves text of a single direction untouched', () => {
    expect(bidiSegments('Bonjour tout le monde')).toEqual([{ text: 'Bonjour tout le monde', kind: 'plain' }]);
  });
});
