import {
  type AuditEntry,
  Gateway,
  type ModelConfig as GatewayModelConfig,
  type ProviderConfig as GatewayProviderConfig,
  MemoryRateLimiter,
  type PriceTable,
  type RateLimiter,
  RedisRateLimiter,
  type UsageRecord,
  verifyChain,
} from '@khidma/gateway';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { DEFAULT_PRICES_MAD } from './config/defaults.js';
import type { KhidmaConfig } from './config/schema.js';
import type { DbAuditStore, StoredAuditEntry } from './stores/audit.js';
import type { ChainVerifier } from './stores/audit-verify.js';
import type { UsageStore } from './stores/usage.js';

/** Config providers → gateway adapters' configuration (per-provider timeout applies to headers and body). */
export function toGatewayProviders(config: KhidmaConfig): GatewayProviderConfig[] {
  return config.providers.map((p) => ({
    id: p.id,
    type: p.type,
    baseUrl: p.baseUrl,
    apiKey: p.apiKey,
    location: p.location,
    dataClasses: p.dataClasses,
    headers: p.headers,
    timeouts: { headersMs: p.timeoutMs, bodyMs: p.timeoutMs },
  }));
}

export function toGatewayModels(config: KhidmaConfig): GatewayModelConfig[] {
  const providerWeight = new Map(config.providers.map((p) => [p.id, p.weight]));
  return config.models.map((m) => ({
    id: m.id,
    type: m.type,
    targets: m.targets.map((t) => ({
      provider: t.provider,
      model: t.model,
      weight: t.weight ?? providerWeight.get(t.provider) ?? 1,
      timeouts: t.timeoutMs ? { headersMs: t.timeoutMs, bodyMs: t.timeoutMs } : undefined,
    })),
  }));
}

/** Embedded indicative prices, overridden by the config's `prices` (MAD per 1M tokens). */
export function toPriceTable(config: KhidmaConfig): PriceTable {
  const table: PriceTable = {};
  const all = { ...DEFAULT_PRICES_MAD, ...config.prices };
  for (const [k, v] of Object.entries(all))
    table[k] = { inputPerMTokMad: v.inputPer1M, outputPerMTokMad: v.outputPer1M };
  return table;
}

/** In-process limiter, or the Redis one (atomic Lua) when REDIS_URL is set so instances share limits. */
export function createLimiter(
  env: NodeJS.ProcessEnv,
  logger: FastifyBaseLogger,
): { limiter: RateLimiter; close: () => Promise<void> } {
  const url = env.REDIS_URL;
  if (!url) return { limiter: new MemoryRateLimiter(), close: async () => {} };
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableAutoPipelining: true });
  client.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const limiter = new RedisRateLimiter(client, { keyPrefix: env.KHIDMA_REDIS_PREFIX ?? 'khidma:quota:' });
  return {
    limiter,
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

export function usageRowOf(r: UsageRecord) {
  return {
    requestId: r.requestId,
    ts: new Date(r.ts),
    orgId: r.orgId,
    keyId: r.keyId,
    endpoint: r.endpoint,
    model: r.model,
    provider: r.provider,
    upstreamModel: r.upstreamModel,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    totalTokens: r.totalTokens,
    costMad: r.costMad,
    status: r.status,
    httpStatus: r.httpStatus,
    errorCode: r.errorCode,
    stream: r.stream,
    usageSource: r.usageSource,
    latencyMs: Math.round(r.latencyMs),
    ttftMs: r.ttftMs === null ? null : Math.round(r.ttftMs),
    attempts: r.attempts,
  };
}

export interface WiredGateway {
  gateway: Gateway;
  limiter: RateLimiter;
  verifier: ChainVerifier;
  close: () => Promise<void>;
}

/** Builds the gateway with database-backed usage and audit, and the configured limiter. */
export function wireGateway(
  config: KhidmaConfig,
  env: NodeJS.ProcessEnv,
  logger: FastifyBaseLogger,
  stores: { usage: UsageStore; audit: DbAuditStore },
  onUsage: (records: UsageRecord[]) => void = () => {},
): WiredGateway {
  const { limiter, close: closeLimiter } = createLimiter(env, logger);
  const gateway = new Gateway({
    providers: toGatewayProviders(config),
    models: toGatewayModels(config),
    prices: toPriceTable(config),
    limiter,
    usageSink: {
      write: async (records) => {
        await stores.usage.insert(records.map(usageRowOf));
        onUsage(records);
      },
    },
    auditStore: {
      head: () => stores.audit.head(),
      append: (entries: AuditEntry[]) => stores.audit.append(entries as unknown as StoredAuditEntry[]),
    },
    usage: { onError: (err, dropped) => logger.error({ err, dropped }, 'usage write failed') },
    audit: { onError: (err) => logger.error({ err }, 'audit write failed') },
  });
  return {
    gateway,
    limiter,
    verifier: verifyChain as unknown as ChainVerifier,
    close: async () => {
      await gateway.close();
      await closeLimiter();
    },
  };
}
