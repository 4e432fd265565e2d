import type { AuditChain, Gateway, QuotaSubject, RateLimiter, UsageMeter } from '@khidma/gateway';
import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import type { Principal } from './auth/principal.js';
import type { AuthService } from './auth/service.js';
import type { KhidmaConfig } from './config/schema.js';
import type { Database } from './db/index.js';
import type { OpenApiRegistry } from './openapi/registry.js';
import type { DbAuditStore } from './stores/audit.js';
import type { AuditVerifyReport } from './stores/audit-verify.js';
import type { OrgService } from './stores/orgs.js';
import type { UsageStore } from './stores/usage.js';

/**
 * Everything a route plugin needs, built once at start and decorated on Fastify as `app.khidma`.
 * Route plugins read from it; they never open their own database or clients.
 */
export interface AppContext {
  config: KhidmaConfig;
  db: Database;
  logger: FastifyBaseLogger;
  auth: AuthService;
  orgs: OrgService;
  /** Prometheus registry served at /metrics; packages register their own metrics on it. */
  metrics: Registry;
  /** The gateway facade (router, providers, virtual models, quotas, usage, audit). */
  gateway: Gateway;
  /** Quota limiter: in-process, or Redis (atomic Lua) when REDIS_URL is set. Same as gateway.limiter. */
  limiter: RateLimiter;
  /** Batched usage meter (gateway.usage), writing into usage_records. */
  usage: UsageMeter;
  /** Hash-chained audit log (gateway.audit), stored in audit_entries. */
  audit: AuditChain;
  usageStore: UsageStore;
  auditStore: DbAuditStore;
  /** The limits the limiter enforces for a caller (key + organisation over config defaults). */
  quotaFor(principal: Principal | null | undefined): QuotaSubject | undefined;
  /** Writes pending usage and audit records now (before reading them back). */
  flushAudit(): Promise<void>;
  /** Verifies the stored audit chain and names the first bad entry. */
  verifyAudit(): Promise<AuditVerifyReport>;
  /** OpenAPI 3.1 document served at /openapi.json and /docs; route plugins add their paths with `add()`. */
  openapi: OpenApiRegistry;
  /** Free slots for other packages' services (e.g. `privacy`, `knowledge`), keyed by package. */
  services: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  startedAt: Date;
  /** Called in reverse order when the app closes. */
  onClose: (() => Promise<void> | void)[];
}
