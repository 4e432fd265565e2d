import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';

/** Liveness and readiness: /health answers 200 when the database answers. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', { config: { auth: 'none' } }, async (_request, reply) => {
    const started = performance.now();
    let database: 'ok' | 'error' = 'ok';
    try {
      await app.khidma.db.orm.execute(sql`select 1`);
    } catch {
      database = 'error';
    }
    const body = {
      status: database === 'ok' ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - app.khidma.startedAt.getTime()) / 1000),
      database: { kind: app.khidma.db.kind, status: database, latencyMs: round(performance.now() - started) },
    };
    return reply.status(database === 'ok' ? 200 : 503).send(body);
  });
};

const round = (n: number) => Math.round(n * 100) / 100;
export const VERSION = '0.1.0';
