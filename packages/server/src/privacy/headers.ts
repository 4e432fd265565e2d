import { type DataClass, isDataClass } from '@khidma/privacy';
import { ApiError } from '../errors.js';

/** Parses `x-khidma-data-class`; an unknown value is a 400, never silently downgraded. */
export function declaredDataClass(header: string | string[] | undefined): DataClass | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (!value) return undefined;
  if (isDataClass(value)) return value;
  throw new ApiError(
    400,
    `Invalid x-khidma-data-class "${value}": expected public, internal, personal or sensitive.`,
    {
      code: 'invalid_data_class',
      param: 'x-khidma-data-class',
    },
  );
}
