/** Kinds of personal identifiers recognised in Moroccan text. */
export type PiiType =
  | 'CIN'
  | 'PHONE'
  | 'EMAIL'
  | 'IBAN'
  | 'RIB'
  | 'ICE'
  | 'IF'
  | 'CNSS'
  | 'PASSPORT'
  | 'MASSAR'
  | 'PLATE'
  | 'RC'
  | 'CARD'
  | 'IP'
  | 'DATE_OF_BIRTH'
  | 'PERSON'
  | 'ADDRESS';

export const PII_TYPES: readonly PiiType[] = [
  'CIN',
  'PHONE',
  'EMAIL',
  'IBAN',
  'RIB',
  'ICE',
  'IF',
  'CNSS',
  'PASSPORT',
  'MASSAR',
  'PLATE',
  'RC',
  'CARD',
  'IP',
  'DATE_OF_BIRTH',
  'PERSON',
  'ADDRESS',
];

/** Types whose values carry a checksum: a look-alike failing it is never reported. */
export const CHECKSUM_TYPES: readonly PiiType[] = ['RIB', 'IBAN', 'ICE', 'CARD'];

/** Identifiers with a fixed format: when detections overlap they outweigh free text (names, addresses). */
export const STRUCTURED_TYPES: readonly PiiType[] = [
  'EMAIL',
  'IBAN',
  'RIB',
  'ICE',
  'CARD',
  'PHONE',
  'CIN',
  'PASSPORT',
  'MASSAR',
  'IP',
];

/** Ordered from least to most protected. */
export type DataClass = 'public' | 'internal' | 'personal' | 'sensitive';
export const DATA_CLASSES: readonly DataClass[] = ['public', 'internal', 'personal', 'sensitive'];

export type SensitiveCategory =
  | 'health'
  | 'religion'
  | 'political_opinion'
  | 'ethnic_origin'
  | 'union_membership'
  | 'sex_life'
  | 'biometric_genetic'
  | 'criminal_record';

export interface PiiEntity {
  type: PiiType;
  /** UTF-16 offsets into the original string. */
  start: number;
  end: number;
  /** The original text between start and end. */
  text: string;
  /** Confidence in [0, 1]. */
  score: number;
}

export interface DetectOptions {
  /** Only report these types (default: all). */
  types?: readonly PiiType[];
  /** Minimum score to report (default 0.5). */
  minScore?: number;
}

export interface Classification {
  dataClass: DataClass;
  pii: PiiType[];
  sensitiveCategories: SensitiveCategory[];
}

export function maxDataClass(a: DataClass, b: DataClass): DataClass {
  return DATA_CLASSES.indexOf(a) >= DATA_CLASSES.indexOf(b) ? a : b;
}

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}
