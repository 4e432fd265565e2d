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
export { type StartOptions, startServer } from './start.js';
export { type OrgInfo, OrgService } from './stores/orgs.js';
