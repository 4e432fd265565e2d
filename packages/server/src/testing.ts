import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { createContext } from './bootstrap.js';
import { resolveConfig } from './config/load.js';
import type { KhidmaConfigInput } from './config/schema.js';
import type { AppContext } from './context.js';
import type { OpenDatabaseOptions } from './db/index.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Master token accepted on every endpoint. */
  adminToken: string;
  /** Creates an organisation and a key in it; returns the secret key. */
  createKey(opts?: {
    org?: string;
    role?: 'admin' | 'org-admin' | 'member';
    scopes?: string[] | null;
    limits?: Record<string, number | null>;
  }): Promise<{ key: string; keyId: string; orgId: string }>;
  close(): Promise<void>;
}

/**
 * An app on an in-memory PGlite (or `database` options, e.g. a unique PG schema), silent logs and a
 * known admin token. For tests of any package that mounts routes on the server.
 */
export async function createTestApp(
  opts: {
    config?: KhidmaConfigInput;
    env?: NodeJS.ProcessEnv;
    database?: OpenDatabaseOptions;
    bodyLimit?: number;
    /** Runs before `app.ready()`: add test routes or decorate the context here. */
    setup?: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
  } = {},
): Promise<TestApp> {
  const adminToken = 'khadm_test_token_for_suites_only';
  const env: NodeJS.ProcessEnv = { KHIDMA_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'silent', ...opts.env };
  const ctx = await createContext({
    config: resolveConfig(opts.config ?? {}, env),
    env,
    database: opts.database ?? { url: '', dataDir: 'memory://' },
    logger: pino({ level: env.LOG_LEVEL ?? 'silent' }),
  });
  const app = await buildApp(ctx, { bodyLimit: opts.bodyLimit, logRequests: false });
  await opts.setup?.(app, ctx);
  await app.ready();
  return {
    app,
    ctx,
    adminToken,
    async createKey(k = {}) {
      const slug = k.org ?? 'default';
      const org = (await ctx.orgs.get(slug)) ?? (await ctx.orgs.create({ name: slug, slug }));
      const { key, info } = await ctx.auth.createKey({
        orgId: org.id,
        name: `test-${slug}`,
        role: k.role ?? 'member',
        scopes: k.scopes ?? null,
        limits: k.limits ?? {},
      });
      return { key, keyId: info.id, orgId: org.id };
    },
    close: () => app.close(),
  };
}
