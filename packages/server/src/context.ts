import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import type { AuthService } from './auth/service.js';
import type { KhidmaConfig } from './config/schema.js';
import type { Database } from './db/index.js';
import type { OrgService } from './stores/orgs.js';

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
  /** @khidma/gateway instance (router, providers, virtual models); null until wired. */
  gateway: unknown;
  /** Quota limiter from @khidma/gateway: in-process, or Redis when REDIS_URL is set. */
  limiter: unknown;
  /** Batched usage meter from @khidma/gateway, sinking into the usage_records table. */
  usage: unknown;
  /** Hash-chained audit log from @khidma/gateway, stored in audit_entries. */
  audit: unknown;
  /** Free slots for other packages' services (e.g. `privacy`, `knowledge`), keyed by package. */
  services: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  startedAt: Date;
  /** Called in reverse order when the app closes. */
  onClose: (() => Promise<void> | void)[];
}
