export { type AdminAction, recordAdminAction } from './admin-actions.js';
export { type BuildAppOptions, buildApp } from './app.js';
export {
  assertOrgAccess,
  canAccessOrg,
  canUseModel,
  isPlatformAdmin,
  type Principal,
  type Role,
  requireRole,
} from './auth/principal.js';
export { AuthService, type CreateKeyInput, type KeyInfo } from './auth/service.js';
export { type CreateContextOptions, createContext, createLogger } from './bootstrap.js';
export { ConfigError, loadConfig, resolveConfig } from './config/load.js';
export type { KhidmaConfig, KhidmaConfigInput, ModelConfig, ProviderConfig } from './config/schema.js';
export type { AppContext } from './context.js';
export {
  type Database,
  defaultDataDir,
  type OpenDatabaseOptions,
  type Orm,
  openDatabase,
  schema,
} from './db/index.js';
export {
  ApiError,
  badRequest,
  forbidden,
  notFound,
  parseOrThrow,
  toApiError,
  unauthorized,
} from './errors.js';
export { AssistantStore, DbKnowledgeStore } from './knowledge/store.js';
export type { OpenApiRegistry } from './openapi/registry.js';
export {
  buildRegister,
  type PrivacyService,
  PrivacyStore,
  parsePrivacyConfig,
  policyFor,
  registerToCsv,
  resolvePrivacySecret,
  type SubjectQuery,
} from './privacy/index.js';
export { quotaSubjectFor } from './quotas.js';
export { startOfMonthUtc } from './routes/usage.js';
export { type StartOptions, startServer } from './start.js';
export { type AuditFilter, DbAuditStore, type StoredAuditEntry } from './stores/audit.js';
export { type AuditVerifyReport, type ChainVerifier, verifyAuditLog } from './stores/audit-verify.js';
export { type OrgInfo, OrgService } from './stores/orgs.js';
export {
  type UsageBucket,
  type UsageGroup,
  type UsageQuery,
  UsageStore,
  usageToCsv,
} from './stores/usage.js';
