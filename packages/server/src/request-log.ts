import type { FastifyInstance } from 'fastify';

/**
 * One info line per finished request: method, path without its query string, route pattern, status
 * and duration. Never headers, bodies or query values (they may hold keys, prompts or personal data).
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const url = request.url;
    const q = url.indexOf('?');
    request.log.info(
      {
        http: {
          method: request.method,
          path: q === -1 ? url : url.slice(0, q),
          route: request.routeOptions.url ?? null,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
      },
      'request completed',
    );
  });
}
