import type { FastifyInstance } from 'fastify';
import { type BuildAppOptions, buildApp } from './app.js';
import { type CreateContextOptions, createContext } from './bootstrap.js';

export interface StartOptions extends CreateContextOptions, BuildAppOptions {
  port?: number;
  host?: string;
}

/** Creates the context, builds the app and listens. Resolves once the port is bound. */
export async function startServer(opts: StartOptions = {}): Promise<{ app: FastifyInstance; url: string }> {
  const ctx = await createContext(opts);
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx, opts);
  } catch (err) {
    for (const close of [...ctx.onClose].reverse()) await close();
    throw err;
  }
  const env = ctx.env;
  // --port, then PORT, then the config file, then 8080 (same order for the host).
  const port = opts.port ?? (env.PORT ? Number(env.PORT) : undefined) ?? ctx.config.server.port ?? 8080;
  const host = opts.host ?? env.HOST ?? ctx.config.server.host;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    await app.close();
    throw new Error(`invalid port: ${env.PORT}`);
  }
  const url = await app.listen({ port, host });
  return { app, url };
}
