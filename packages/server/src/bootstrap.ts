import type { FastifyBaseLogger } from 'fastify';
import { type DestinationStream, type LoggerOptions, pino } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AuthService } from './auth/service.js';
import { loadConfig } from './config/load.js';
import type { KhidmaConfig } from './config/schema.js';
import type { AppContext } from './context.js';
import { type Database, type OpenDatabaseOptions, openDatabase } from './db/index.js';
import { scrubError } from './errors.js';
import { gatewayMetrics } from './gateway-metrics.js';
import { wireGateway } from './gateway-wiring.js';
import { OpenApiRegistry } from './openapi/registry.js';
import { baseDocument } from './openapi/spec.js';
import { quotaSubjectFor, restoreQuotaUsage } from './quotas.js';
import { DbAuditStore } from './stores/audit.js';
import { verifyAuditLog } from './stores/audit-verify.js';
import { OrgService } from './stores/orgs.js';
import { UsageStore } from './stores/usage.js';

export interface CreateContextOptions {
  /** Already-loaded configuration; otherwise read from `configPath` / KHIDMA_CONFIG. */
  config?: KhidmaConfig;
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Database options (schema isolation, PGlite dir); or an already-open database. */
  database?: OpenDatabaseOptions | Database;
  logger?: FastifyBaseLogger;
  /** Key cache TTL (ms). */
  keyCacheTtlMs?: number;
  /** Called with a freshly generated admin token, exactly once (first start without KHIDMA_ADMIN_TOKEN). */
  onAdminTokenGenerated?: (token: string) => void;
}

export function createLogger(
  env: NodeJS.ProcessEnv = process.env,
  destination?: DestinationStream,
): FastifyBaseLogger {
  const options: LoggerOptions = {
    level: env.LOG_LEVEL ?? 'info',
    serializers: { err: (err: unknown) => scrubError(err) },
    // Credentials and bodies never reach the log, whatever a plugin passes to it.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'headers.authorization',
        'headers["x-api-key"]',
        'headers.cookie',
        'apiKey',
        'key',
        'token',
        '*.apiKey',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Builds the shared AppContext: configuration, database (migrated), auth, organisations, metrics.
 * The gateway (with DB-backed usage and audit, and the configured limiter) is wired here too.
 */
export async function createContext(opts: CreateContextOptions = {}): Promise<AppContext> {
  const env = opts.env ?? process.env;
  const config = opts.config ?? loadConfig({ path: opts.configPath, env });
  const logger = opts.logger ?? createLogger(env);
  const db = isDatabase(opts.database) ? opts.database : await openDatabase(opts.database ?? {});
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'khidma_' });
  const auth = new AuthService(db, { cacheTtlMs: opts.keyCacheTtlMs });
  const orgs = new OrgService(db);
  await orgs.ensureDefault();
  const { generated } = await auth.initAdminToken(env.KHIDMA_ADMIN_TOKEN);
  const stopListening = await auth.listenForChanges().catch((err) => {
    logger.warn({ err }, 'key change notifications unavailable; caches expire by TTL only');
    return async () => {};
  });
  if (generated) opts.onAdminTokenGenerated?.(generated);
  const ownsDb = !isDatabase(opts.database);
  const usageStore = new UsageStore(db);
  const auditStore = new DbAuditStore(db);
  const wired = wireGateway(
    config,
    env,
    logger,
    { usage: usageStore, audit: auditStore },
    gatewayMetrics(metrics),
  );
  if (!env.REDIS_URL) {
    await restoreQuotaUsage(wired.limiter, usageStore).catch((err) =>
      logger.warn({ err }, 'could not restore today’s tokens and this month’s spend into the quota limiter'),
    );
  }
  const lastUsedTimer = setInterval(() => {
    auth.flushLastUsed().catch((err) => logger.warn({ err }, 'could not record key last-used times'));
  }, 30_000);
  lastUsedTimer.unref();
  // Usage older than the retention horizon is pruned a minute after start, then daily.
  const prune = () => {
    const before = new Date(Date.now() - config.retention.usageDays * 86_400_000);
    usageStore
      .prune(before)
      .then((n) => n > 0 && logger.info({ removed: n }, 'pruned usage records past retention'))
      .catch((err) => logger.warn({ err }, 'usage retention pruning failed'));
  };
  const firstPrune = setTimeout(prune, 60_000);
  const dailyPrune = setInterval(prune, 86_400_000);
  firstPrune.unref();
  dailyPrune.unref();
  const ctx: AppContext = {
    config,
    db,
    logger,
    auth,
    orgs,
    metrics,
    gateway: wired.gateway,
    limiter: wired.limiter,
    usage: wired.gateway.usage,
    audit: wired.gateway.audit,
    usageStore,
    auditStore,
    quotaFor: (p) => quotaSubjectFor(p, config),
    flushAudit: async () => {
      await Promise.all([wired.gateway.usage.flush(), wired.gateway.audit.flush()]);
    },
    verifyAudit: () => verifyAuditLog(auditStore, wired.verifier),
    openapi: new OpenApiRegistry(baseDocument()),
    services: {},
    env,
    startedAt: new Date(),
    onClose: [
      async () => {
        if (ownsDb) await db.close();
      },
      // Gateway first (flushes usage and audit), then the database it writes to.
      () => wired.close(),
      async () => {
        clearInterval(lastUsedTimer);
        await stopListening();
        clearTimeout(firstPrune);
        clearInterval(dailyPrune);
        await auth.flushLastUsed().catch(() => undefined);
      },
    ],
  };
  return ctx;
}

function isDatabase(x: unknown): x is Database {
  return typeof x === 'object' && x !== null && 'orm' in x && 'close' in x;
}
