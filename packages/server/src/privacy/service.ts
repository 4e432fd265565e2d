import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataClass } from '@khidma/privacy';
import type { KhidmaConfig } from '../config/schema.js';
import type { AppContext } from '../context.js';
import { defaultDataDir } from '../db/index.js';
import { createPrivacyGuard } from './guard.js';
import {
  DEFAULT_POLICY,
  type PrivacyConfig,
  type PrivacyPolicy,
  parsePrivacyConfig,
  policyFor,
  providerClasses,
} from './policy.js';
import { buildRegister, type ProcessingRegister } from './register.js';
import { PrivacyStore } from './store.js';

/**
 * KHIDMA_SECRET keys the pseudonym mappings and subject hashes. Without it, a random secret is kept in
 * the data directory (0600) so a fresh install works; test runs keep an ephemeral one in memory.
 */
export function resolvePrivacySecret(env: NodeJS.ProcessEnv, onGenerated?: (path: string) => void): string {
  if (env.KHIDMA_SECRET && env.KHIDMA_SECRET.length >= 16) return env.KHIDMA_SECRET;
  if (env.KHIDMA_SECRET) throw new Error('KHIDMA_SECRET must be at least 16 characters');
  if (process.env.VITEST || env.NODE_ENV === 'test') return randomBytes(32).toString('base64url');
  const dir = defaultDataDir(env);
  const file = join(dir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  onGenerated?.(file);
  return secret;
}

export interface PrivacyService {
  config: PrivacyConfig;
  store: PrivacyStore;
  policyForOrg(orgId: string | null | undefined): Promise<PrivacyPolicy>;
  register(): Promise<ProcessingRegister>;
  /** Runs the retention purge for every organisation now. */
  purge(now?: number): Promise<{ mappings: number; usage: number }>;
  /** Waits for pending mapping writes (tests, shutdown). */
  flush(): Promise<void>;
}

export function providerClassMap(config: KhidmaConfig): Map<string, DataClass[]> {
  return new Map(config.providers.map((p) => [p.id, providerClasses(p)]));
}

/**
 * Creates the privacy service, installs its ChatGuard on the gateway, schedules the retention purge,
 * and exposes itself as `ctx.services.privacy`.
 */
export function installPrivacy(ctx: AppContext): PrivacyService {
  const config = parsePrivacyConfig(ctx.config.privacy);
  const secret = resolvePrivacySecret(ctx.env, (file) =>
    ctx.logger.warn(
      { file },
      'KHIDMA_SECRET is not set: generated one in the data directory; set it explicitly in production',
    ),
  );
  const store = new PrivacyStore(ctx.db, secret);
  const cache = new Map<string, { policy: PrivacyPolicy; at: number }>();
  const policyForOrg = async (orgId: string | null | undefined): Promise<PrivacyPolicy> => {
    if (!orgId) return policyFor(config, null);
    const hit = cache.get(orgId);
    if (hit && Date.now() - hit.at < 60_000) return hit.policy;
    const org = await ctx.orgs.get(orgId).catch(() => null);
    const policy = policyFor(config, { id: orgId, slug: org?.slug ?? null });
    cache.set(orgId, { policy, at: Date.now() });
    return policy;
  };
  const pending = new Set<Promise<void>>();
  ctx.gateway.setGuard(
    createPrivacyGuard({
      policyFor: policyForOrg,
      providerClasses: providerClassMap(ctx.config),
      onPseudonymised: (r) => {
        const p = store
          .saveMapping({ ...r, source: 'gateway' })
          .catch((err) =>
            ctx.logger.error({ err: (err as Error).message }, 'could not store a pseudonym mapping'),
          )
          .finally(() => pending.delete(p));
        pending.add(p);
      },
    }),
  );
  const purge = async (now = Date.now()) => {
    const total = { mappings: 0, usage: 0 };
    const orgs = await ctx.orgs.list();
    for (const org of orgs) {
      const r = await store.purge(org.id, (await policyForOrg(org.id)).retentionDays, now);
      total.mappings += r.mappings;
      total.usage += r.usage;
    }
    const orphan = await store.purge(null, policyFor(config, null).retentionDays, now);
    total.mappings += orphan.mappings;
    return total;
  };
  const run = () => {
    purge()
      .then((r) => {
        if (r.mappings + r.usage > 0) ctx.logger.info(r, 'privacy retention purge');
      })
      .catch((err) => ctx.logger.warn({ err: (err as Error).message }, 'privacy retention purge failed'));
  };
  const first = setTimeout(run, 30_000);
  const hourly = setInterval(run, 3_600_000);
  first.unref();
  hourly.unref();
  // Pending mapping writes finish before the database closes (onClose runs in reverse order).
  ctx.onClose.push(async () => {
    clearTimeout(first);
    clearInterval(hourly);
    await Promise.allSettled([...pending]);
  });
  const service: PrivacyService = {
    config,
    store,
    policyForOrg,
    purge,
    async flush() {
      await Promise.allSettled([...pending]);
    },
    async register() {
      const orgs = await ctx.orgs.list();
      const withPolicy = await Promise.all(
        orgs.map(async (o) => ({ id: o.id, slug: o.slug, policy: await policyForOrg(o.id) })),
      );
      return buildRegister(ctx.config, config, { ...DEFAULT_POLICY, ...config.defaults }, withPolicy);
    },
  };
  ctx.services.privacy = service;
  return service;
}
