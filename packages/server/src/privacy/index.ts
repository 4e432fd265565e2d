// Privacy services of the server, for the CLI and other packages (see docs/adr/0021-0023).
export { createPrivacyGuard, type PrivacyGuardOptions, type PseudonymisedRequest } from './guard.js';
export { declaredDataClass } from './headers.js';
export {
  DEFAULT_POLICY,
  type PrivacyConfig,
  type PrivacyPolicy,
  parsePrivacyConfig,
  policyFor,
  providerClasses,
} from './policy.js';
export {
  buildRegister,
  type ProcessingActivity,
  type ProcessingRegister,
  registerToCsv,
} from './register.js';
export { installPrivacy, type PrivacyService, resolvePrivacySecret } from './service.js';
export { PrivacyStore, type SubjectQuery, type SubjectRecord } from './store.js';
