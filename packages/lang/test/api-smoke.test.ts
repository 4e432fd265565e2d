import { describe, expect, it } from 'vitest';
import * as lang from '../src/index.js';

describe('@khidma/lang public API', () => {
  it('exports every function of the cross-package contract', () => {
    for (const name of [
      'identify',
      'segments',
      'normalize',
      'tokenize',
      'arabiziToArabic',
      'arabiziCandidates',
      'arabicToArabizi',
      'tifinaghToLatin',
      'latinToTifinagh',
      'romanizeName',
      'arabizeName',
      'nameSkeleton',
      'foldName',
    ]) {
      expect(typeof (lang as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('gives محمد, Mohamed and Mhamed the same skeleton mhmd', () => {
    expect(lang.nameSkeleton('محمد')).toBe('mhmd');
    expect(lang.nameSkeleton('Mohamed')).toBe('mhmd');
    expect(lang.nameSkeleton('Mhamed')).toBe('mhmd');
  });
});
