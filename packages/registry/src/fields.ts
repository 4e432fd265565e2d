import type { FieldConfig } from './config.js';
import type { ColumnSpec } from './engine/types.js';
import {
  standardiseDate,
  standardiseExact,
  standardiseId,
  standardiseName,
  standardisePlace,
  standardiseText,
} from './standardise.js';

/** Standardised columns a field contributes to the `rec` table (besides `<field>_raw`). */
export function standardColumns(field: FieldConfig): ColumnSpec[] {
  const f = field.name;
  switch (field.kind) {
    case 'name':
      return [
        { name: f, type: 'text' },
        { name: `${f}_sk`, type: 'text' },
        { name: `${f}_alt`, type: 'text' },
      ];
    case 'date':
      return [
        { name: f, type: 'text' },
        { name: `${f}_y`, type: 'int' },
        { name: `${f}_m`, type: 'int' },
        { name: `${f}_d`, type: 'int' },
      ];
    default:
      return [{ name: f, type: 'text' }];
  }
}

/** Standardises one distinct raw value into the values of standardColumns(field). */
export function standardiseValue(field: FieldConfig, raw: string): (string | number | null)[] {
  switch (field.kind) {
    case 'name': {
      const n = standardiseName(raw);
      return [n.fold, n.skel, n.alt];
    }
    case 'date': {
      const d = standardiseDate(raw, field.dateOrder);
      return [d.ymd, d.y, d.m, d.d];
    }
    case 'id':
      return [standardiseId(raw)];
    case 'place':
      return [standardisePlace(raw)];
    case 'text':
      return [standardiseText(raw)];
    default:
      return [standardiseExact(raw)];
  }
}
