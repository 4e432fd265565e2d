import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { installAuth } from './auth/hook.js';
import type { AppContext } from './context.js';
import { installErrorHandlers } from './errors.js';
import { installJsonParser } from './json-body.js';
import { installRequestLog } from './request-log.js';
import { lazyRequestLogger } from './request-logger.js';
import { adminAuditRoutes } from './routes/admin-audit.js';
import { adminKeyRoutes } from './routes/admin-keys.js';
import { adminOrgRoutes } from './routes/admin-orgs.js';
import { assistantRoutes } from './routes/assistant.js';
import { catalogRoutes } from './routes/catalog.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { kbRoutes } from './routes/kb.js';
import { languageRoutes } from './routes/language.js';
import { metricsRoutes } from './routes/metrics.js';
import { openaiRoutes } from './routes/openai.js';
import { privacyRoutes } from './routes/privacy.js';
import { registryRoutes } from './routes/registry.js';
import { usageRoutes } from './routes/usage.js';
import { webRoutes } from './routes/web.js';

declare module 'fastify' {
  interface FastifyInstance {
    khidma: AppContext;
  }
}

export interface BuildAppOptions {
  /** Overrides config.server.bodyLimitBytes (default 1 MiB); larger bodies get 413. */
  bodyLimit?: number;
  /** Log every request at info level (default off: it costs CPU on the hot path; LOG_REQUESTS=1 turns it on). */
  logRequests?: boolean;
}

/**
 * The HTTP application. Every route plugin gets the shared context from `app.khidma`.
 * To add a route plugin, add one `await app.register(...)` line in the block below.
 */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const server = ctx.config.server;
  const app = Fastify({
    loggerInstance: ctx.logger,
    bodyLimit: opts.bodyLimit ?? server.bodyLimitBytes,
    trustProxy: server.trustProxy,
    // Fastify's own request log prints the full URL; query strings can carry a citizen's question
    // (/v1/kb/search?q=…), so requests are logged below by path only.
    logController: new LogController({ disableRequestLogging: true }),
    requestTimeout: server.requestTimeoutMs,
    keepAliveTimeout: server.keepAliveTimeoutMs,
    // Ids are generated, never taken from the client: usage rows are unique per request id.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    childLoggerFactory: lazyRequestLogger,
    return503OnClosing: true,
    // Plugins that index the knowledge base or warm caches at start can outlast Fastify's 10 s default
    // on a small or busy machine; a slow start is better than none.
    pluginTimeout: 120_000,
  });
  app.server.headersTimeout = Math.min(server.headersTimeoutMs, server.requestTimeoutMs);
  app.decorate('khidma', ctx);
  if (opts.logRequests ?? ctx.env.LOG_REQUESTS === '1') installRequestLog(app);
  // Set up front (sync hook, no promise per request); error replies keep it too.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  installJsonParser(app);
  installErrorHandlers(app);
  installAuth(app);
  app.addHook('onClose', async () => {
    for (const close of [...ctx.onClose].reverse()) await close();
  });

  // ── Route plugins: one line each ─────────────────────────────────────────────
  await app.register(metricsRoutes);
  await app.register(healthRoutes);
  await app.register(catalogRoutes);
  await app.register(docsRoutes);
  await app.register(usageRoutes);
  await app.register(adminOrgRoutes);
  await app.register(adminKeyRoutes);
  await app.register(adminAuditRoutes);
  await app.register(kbRoutes);
  await app.register(assistantRoutes);
  await app.register(languageRoutes);
  await app.register(privacyRoutes);
  await app.register(registryRoutes);
  await app.register(openaiRoutes);
  await app.register(webRoutes);
  // ─────────────────────────────────────────────────────────────────────────────

  return app;
}
