export { canonicalJson, GENESIS_HASH, sha256Hex } from './audit/canonical.js';
export { AuditChain, type AuditChainOptions, hashEntry, MemoryAuditStore } from './audit/chain.js';
export type { AuditEntry, AuditInput, AuditStore } from './audit/types.js';
export { type ChainProblem, type VerifyResult, verifyChain } from './audit/verify.js';
export {
  type ErrorType,
  GatewayError,
  type GatewayErrorOptions,
  invalidRequest,
  isGatewayError,
  modelNotFound,
  toGatewayError,
} from './errors.js';
export {
  type ChatResponse,
  type EmbeddingsResponse,
  Gateway,
  type GatewayOptions,
  type VirtualModel,
} from './gateway.js';
export { createProvider } from './providers/index.js';
export { MistralAdapter } from './providers/mistral.js';
export { toMistralToolCallId } from './providers/mistral-mapping.js';
export { OpenAIAdapter, OpenAICompatibleAdapter } from './providers/openai-compatible.js';
export {
  type CallOptions,
  type ChatResult,
  type DataClass,
  DEFAULT_TIMEOUTS,
  type ProviderAdapter,
  type ProviderConfig,
  type ProviderInfo,
  type ProviderType,
  type Timeouts,
} from './providers/types.js';
export { normaliseErrorBody } from './providers/upstream-errors.js';
export { MemoryRateLimiter } from './quota/memory.js';
export { CHARGE_SCRIPT, CHECK_SCRIPT, type RedisEvalClient, RedisRateLimiter } from './quota/redis.js';
export type {
  LimitName,
  QuotaCharge,
  QuotaDecision,
  QuotaEstimate,
  QuotaLimits,
  QuotaSubject,
  RateLimiter,
  RestoredUsage,
} from './quota/types.js';
export { asAbortSignal, type CancelSignal, ClientGone } from './routing/cancel.js';
export type { RequestContext } from './routing/context.js';
export {
  type ChatGuard,
  type GuardPlan,
  passThroughGuard,
  type TargetDecision,
  type TextRestorer,
} from './routing/guard.js';
export type { TargetHealthSnapshot, TargetState } from './routing/health.js';
export type { ChatOutcome } from './routing/output.js';
export type { ModelConfig, RouterOptions, TargetConfig } from './routing/router.js';
export { Router } from './routing/router.js';
export { estimatePromptTokens, estimateTokens } from './routing/tokens.js';
export { parseSse, type SseEvent, SseParser } from './sse/parser.js';
export { SSE_DONE, SSE_HEADERS, sseComment, sseData } from './sse/writer.js';
export type * from './types/openai.js';
export {
  MemoryUsageSink,
  UsageMeter,
  type UsageMeterOptions,
  type UsageRecord,
  type UsageSink,
} from './usage/meter.js';
export { type ModelPrice, Pricer, type PriceTable } from './usage/prices.js';
export { validateChatRequest, validateEmbeddingRequest } from './validate.js';
