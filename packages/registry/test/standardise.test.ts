import { describe, expect, it } from 'vitest';
import { standardiseDate, standardiseId, standardiseName, standardisePlace } from '../src/index.js';

describe('standardisation', () => {
  it('gives Arabic-script and Latin spellings of a name the same skeleton', () => {
    const ar = standardiseName('محمد');
    for (const latin of ['Mohamed', 'Mohammed', 'Mhamed']) expect(standardiseName(latin).skel).toBe(ar.skel);
  });

  it('lists the romanisations of an Arabic-script name for the transliteration level', () => {
    const ar = standardiseName('الإدريسي');
    expect(ar.alt).toContain(`|${standardiseName('El Idrissi').fold}|`);
  });

  it('turns placeholders into nulls', () => {
    expect(standardiseName('N/A').fold).toBeNull();
    expect(standardiseId('0000')).toBeNull();
    expect(standardiseDate('').y).toBeNull();
  });

  it('parses full, partial and Arabic-Indic dates', () => {
    expect(standardiseDate('19561231', 'ymd')).toEqual({ ymd: '19561231', y: 1956, m: 12, d: 31 });
    expect(standardiseDate('31/12/1956')).toEqual({ ymd: '19561231', y: 1956, m: 12, d: 31 });
    expect(standardiseDate('00/00/1956')).toEqual({ ymd: null, y: 1956, m: null, d: null });
    expect(standardiseDate('٣١/١٢/١٩٥٦').ymd).toBe('19561231');
    expect(standardiseDate('1956-13-05').ymd).toBe('19560513');
  });

  it('normalises CIN numbers and maps city names across scripts', () => {
    expect(standardiseId(' ab-123 456 ')).toBe('AB123456');
    expect(standardisePlace('الدار البيضاء')).toBe(standardisePlace('Casablanca'));
    expect(standardisePlace('Fès')).toBe(standardisePlace('فاس'));
  });
});
