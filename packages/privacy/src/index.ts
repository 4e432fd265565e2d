export {
  isValidCard,
  isValidIbanChecksum,
  isValidIce,
  isValidMoroccanIban,
  isValidRib,
  luhnValid,
  moroccanIbanFromRib,
  ribKey,
} from './checksums.js';
export {
  classifyText,
  findSensitive,
  type InspectOptions,
  inspectText,
  type SensitiveHit,
} from './classify.js';
export { PrivacySecretError, SealIntegrityError } from './crypto.js';
export { analyze, detectPii, MAX_INPUT_CHARS } from './detect.js';
export {
  type HashOptions,
  hash,
  hashIdentifier,
  type MaskOptions,
  mask,
  type RedactOptions,
  redact,
} from './operators.js';
export { MAX_PLACEHOLDER_LENGTH, placeholderFor } from './placeholders.js';
export {
  type PseudonymizedEntity,
  type PseudonymizeOptions,
  type PseudonymizeResult,
  pseudonymize,
} from './pseudonymize.js';
export { createStreamRestorer, restore, type TextRestorer } from './restore.js';
export {
  createSession,
  DEFAULT_SESSION_TTL_MS,
  isSessionExpired,
  openSession,
  type PseudonymSession,
  PseudonymSessionExpiredError,
  type SessionEntry,
  sealSession,
} from './session.js';
export { foldText } from './text.js';
export * from './types.js';
export { normalizeValue, SUBJECT_TYPES, type SubjectType } from './values.js';
