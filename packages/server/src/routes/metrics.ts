import type { FastifyPluginAsync } from 'fastify';
import { Counter, Gauge, Histogram } from 'prom-client';

/**
 * Prometheus metrics at /metrics: HTTP traffic by route template (never by raw URL, so no ids or
 * tenant data end up in labels), target health, and pending usage/audit writes.
 */
export const metricsRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  const registers = [ctx.metrics];
  const requests = new Counter({
    name: 'khidma_http_requests_total',
    help: 'HTTP requests by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'khidma_http_request_duration_seconds',
    help: 'HTTP request duration (to the last byte) by route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  new Gauge({
    name: 'khidma_target_state',
    help: 'Routing target state: 0 healthy, 1 degraded, 2 cooldown',
    labelNames: ['model', 'provider', 'upstream_model'] as const,
    registers,
    collect() {
      this.reset();
      for (const h of ctx.gateway.health()) {
        this.set(
          { model: h.model, provider: h.provider, upstream_model: h.upstreamModel },
          h.state === 'healthy' ? 0 : h.state === 'degraded' ? 1 : 2,
        );
      }
    },
  });
  new Gauge({
    name: 'khidma_pending_records',
    help: 'Usage and audit records waiting to be written',
    labelNames: ['kind'] as const,
    registers,
    collect() {
      this.set({ kind: 'usage' }, ctx.usage.pending);
      this.set({ kind: 'audit' }, ctx.audit.pending);
    },
  });

  // Labelled children are cached per (method, route, status): prom-client otherwise hashes a fresh
  // label object on every request. Routes are patterns, so the map stays small.
  const children = new Map<string, { count: () => void; observe: (s: number) => void }>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const id = `${request.method} ${reply.statusCode} ${route}`;
    let child = children.get(id);
    if (!child) {
      const counter = requests.labels({ method: request.method, route, status: String(reply.statusCode) });
      const histogram = duration.labels({ method: request.method, route });
      child = { count: () => counter.inc(), observe: (s) => histogram.observe(s) };
      children.set(id, child);
    }
    child.count();
    child.observe(reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', { config: { auth: 'none' } }, async (_request, reply) => {
    reply.header('content-type', ctx.metrics.contentType);
    return ctx.metrics.metrics();
  });
};

// The request hooks must see every route, not only this plugin's: opt out of encapsulation.
Object.assign(metricsRoutes, { [Symbol.for('skip-override')]: true });
