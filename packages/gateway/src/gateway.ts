import { AuditChain, type AuditChainOptions, MemoryAuditStore } from './audit/chain.js';
import type { AuditStore } from './audit/types.js';
import { GatewayError, modelNotFound, toGatewayError } from './errors.js';
import { createProvider } from './providers/index.js';
import type { ChatResult, ProviderAdapter, ProviderConfig } from './providers/types.js';
import { MemoryRateLimiter } from './quota/memory.js';
import { hasLimits, type QuotaDecision, type RateLimiter } from './quota/types.js';
import type { RequestContext } from './routing/context.js';
import { type ChatGuard, type GuardPlan, passThroughGuard, type TextRestorer } from './routing/guard.js';
import { type ChatOutcome, completionBody, streamFrames } from './routing/output.js';
import { type ModelConfig, type RouteInfo, Router, type RouterOptions } from './routing/router.js';
import { estimateEmbeddingTokens, estimatePromptTokens, estimateRequestTokens } from './routing/tokens.js';
import type {
  ChatCompletionRequest,
  EmbeddingRequest,
  EmbeddingResponse,
  ModelObject,
} from './types/openai.js';
import {
  MemoryUsageSink,
  UsageMeter,
  type UsageMeterOptions,
  type UsageRecord,
  type UsageSink,
} from './usage/meter.js';
import { Pricer, type PriceTable } from './usage/prices.js';

/** A model served by code rather than by a provider (e.g. the citizen-services assistant). */
export interface VirtualModel {
  id: string;
  ownedBy: string;
  /** Where it processes data, for the audit chain (default MA). */
  location?: string;
  chat(req: ChatCompletionRequest, ctx: RequestContext): Promise<ChatResult>;
}

export interface GatewayOptions {
  providers: ProviderConfig[];
  models: ModelConfig[];
  virtualModels?: VirtualModel[];
  guard?: ChatGuard;
  prices?: PriceTable;
  router?: RouterOptions;
  limiter?: RateLimiter;
  usageSink?: UsageSink;
  auditStore?: AuditStore;
  usage?: UsageMeterOptions;
  audit?: AuditChainOptions;
  /** Test seam: pre-built adapters by provider id (override `providers`). */
  adapters?: Map<string, ProviderAdapter>;
}

export type ChatResponse =
  | { stream: false; headers: Record<string, string>; json: string }
  | {
      stream: true;
      headers: Record<string, string>;
      /** Ready-to-write SSE frames, ending with `[DONE]` (or an error event). */
      frames: AsyncGenerator<string>;
      /** Call when the response ends for any reason; records usage if the stream was cut short. */
      finish(): void;
    };

export interface EmbeddingsResponse {
  headers: Record<string, string>;
  json: string;
}

const EMBEDDING_NAME = /embed|bge|e5-|gte-|minilm|mpnet/i;

const ABORTED: Pick<ChatOutcome, 'status' | 'httpStatus' | 'errorCode'> = {
  status: 'client_aborted',
  httpStatus: 499,
  errorCode: 'client_aborted',
};

/**
 * The gateway facade the HTTP layer calls: quota check, guard plan, routing, output shaping, and
 * exactly one usage record and one audit entry per admitted request.
 */
export class Gateway {
  readonly router: Router;
  readonly limiter: RateLimiter;
  readonly usage: UsageMeter;
  readonly audit: AuditChain;
  readonly pricer: Pricer;
  readonly adapters: Map<string, ProviderAdapter>;
  private readonly virtual = new Map<string, VirtualModel>();
  private readonly ownedBy = new Map<string, string>();
  private readonly kinds = new Map<string, 'chat' | 'embeddings'>();
  private guard: ChatGuard;
  /** Accounting of answered requests, run just after their response is written (see settleLater). */
  private deferred: Array<() => void> = [];
  private drainScheduled = false;
  private readonly onSettleError: (e: unknown) => void;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(opts: GatewayOptions) {
    this.adapters = opts.adapters ?? new Map(opts.providers.map((p) => [p.id, createProvider(p)]));
    this.router = new Router(this.adapters, opts.models, opts.router);
    for (const m of opts.models) {
      this.ownedBy.set(m.id, m.ownedBy ?? 'khidma');
      this.kinds.set(m.id, m.type ?? (EMBEDDING_NAME.test(m.id) ? 'embeddings' : 'chat'));
    }
    this.limiter = opts.limiter ?? new MemoryRateLimiter();
    const beforeFlush = () => this.settleDeferred();
    this.usage = new UsageMeter(opts.usageSink ?? new MemoryUsageSink(), { ...opts.usage, beforeFlush });
    this.audit = new AuditChain(opts.auditStore ?? new MemoryAuditStore(), { ...opts.audit, beforeFlush });
    this.onSettleError = opts.audit?.onError ?? (() => {});
    this.pricer = new Pricer(opts.prices);
    this.guard = opts.guard ?? passThroughGuard;
    for (const vm of opts.virtualModels ?? []) this.addVirtualModel(vm);
  }

  setGuard(guard: ChatGuard): void {
    this.guard = guard;
  }

  addVirtualModel(vm: VirtualModel): void {
    this.virtual.set(vm.id, vm);
  }

  hasModel(id: string): boolean {
    return this.virtual.has(id) || this.router.has(id);
  }

  listModels(): ModelObject[] {
    const out: ModelObject[] = this.router.modelIds().map((id) => ({
      id,
      object: 'model',
      created: this.created,
      owned_by: this.ownedBy.get(id) ?? 'khidma',
    }));
    for (const vm of this.virtual.values()) {
      out.push({ id: vm.id, object: 'model', created: this.created, owned_by: vm.ownedBy });
    }
    return out;
  }

  /** Whether a model answers chat completions or embeddings (virtual models are chat). */
  modelKind(id: string): 'chat' | 'embeddings' {
    return this.kinds.get(id) ?? 'chat';
  }

  getModel(id: string): ModelObject | undefined {
    return this.listModels().find((m) => m.id === id);
  }

  health() {
    return this.router.health();
  }

  /** Pre-flight quota check; throws a 429 with Retry-After and x-ratelimit-* headers when denied. */
  async admit(ctx: RequestContext, estimate: () => number): Promise<Record<string, string>> {
    if (!ctx.quota || !hasLimits(ctx.quota)) return {};
    // Charges of answers already sent count before this request is admitted.
    this.settleDeferred();
    const d: QuotaDecision = await this.limiter.check(ctx.quota, { tokens: estimate() });
    if (d.allowed) return d.headers;
    throw new GatewayError(429, quotaMessage(d), {
      type: 'rate_limit_error',
      code: d.limit === 'monthly_budget_mad' ? 'budget_exceeded' : 'rate_limit_exceeded',
      headers: d.headers,
    });
  }

  async chat(req: ChatCompletionRequest, ctx: RequestContext): Promise<ChatResponse> {
    const startedAt = performance.now();
    const ts = new Date().toISOString();
    const vm = this.virtual.get(req.model);
    if (!vm && !this.router.has(req.model)) throw modelNotFound(req.model);
    const headers = await this.admit(ctx, () => estimateRequestTokens(req));
    const stream = req.stream === true;

    let route: RouteInfo;
    let result: ChatResult;
    let plan: GuardPlan | undefined;
    try {
      if (vm) {
        result = await vm.chat(req, ctx);
        route = {
          provider: {
            id: `virtual:${vm.id}`,
            type: 'virtual',
            location: vm.location ?? 'MA',
            dataClasses: [],
          },
          upstreamModel: vm.id,
          attempts: 1,
          decision: 'allowed',
          legalBasis: 'not_assessed',
        };
      } else {
        plan = await this.guard.plan(req, ctx);
        const routed = await this.router.chat(req, ctx, plan);
        result = routed.result;
        route = routed;
      }
    } catch (e) {
      const err = toGatewayError(e);
      const aborted = err.code === 'client_aborted' || ctx.signal?.aborted === true;
      this.settle('chat.completions', req, ctx, ts, startedAt, stream, null, plan, {
        ...(aborted ? ABORTED : { status: 'error', httpStatus: err.status, errorCode: err.code }),
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        usageSource: 'provider',
        ttftMs: null,
        answerText: '',
      });
      throw err;
    }

    const out = {
      publicModel: req.model,
      includeUsage: req.stream_options?.include_usage === true,
      mistralDialect: ctx.mistralClient === true,
      // Only needed when the upstream reports no usage: computed lazily.
      promptTokensEstimate: () => estimatePromptTokens(req),
      startedAt,
      restorer: route.restorer as (() => TextRestorer) | undefined,
    };
    if (!stream) {
      try {
        const { json, outcome } = await completionBody(result, out);
        // Accounting (usage, quota charge, audit, the answer's PII check) waits until the answer is on
        // its way: it changes nothing the client receives, so it stays off the latency path.
        const endedAt = performance.now();
        this.settleLater(() =>
          this.settle('chat.completions', req, ctx, ts, startedAt, false, route, plan, outcome, endedAt),
        );
        return { stream: false, headers, json };
      } catch (e) {
        const err = toGatewayError(e);
        this.settle('chat.completions', req, ctx, ts, startedAt, false, route, plan, {
          status: 'error',
          httpStatus: err.status,
          errorCode: err.code,
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          usageSource: 'none' as 'provider',
          ttftMs: null,
          answerText: '',
        });
        throw err;
      }
    }
    let settled = false;
    const onDone = (o: ChatOutcome) => {
      if (settled) return;
      settled = true;
      this.settle('chat.completions', req, ctx, ts, startedAt, true, route, plan, o);
    };
    const frames = streamFrames(result, out, onDone);
    return {
      stream: true,
      headers,
      frames,
      finish: () => {
        if (settled) return;
        void frames.return(undefined);
        onDone({
          ...ABORTED,
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          usageSource: 'none' as 'provider',
          ttftMs: null,
          answerText: '',
        });
      },
    };
  }

  async embeddings(req: EmbeddingRequest, ctx: RequestContext): Promise<EmbeddingsResponse> {
    const startedAt = performance.now();
    const ts = new Date().toISOString();
    if (!this.router.has(req.model)) throw modelNotFound(req.model);
    const headers = await this.admit(ctx, () => estimateEmbeddingTokens(req));
    let plan: GuardPlan<EmbeddingRequest> | undefined;
    try {
      plan = await this.guard.planEmbeddings?.(req, ctx);
      const r = await this.router.embeddings(req, ctx, plan);
      r.response.model = req.model;
      if (req.encoding_format === 'base64') toBase64Embeddings(r.response);
      const prompt = r.response.usage?.prompt_tokens ?? estimateEmbeddingTokens(req);
      this.settle('embeddings', req, ctx, ts, startedAt, false, r, plan, {
        status: 'ok',
        httpStatus: 200,
        errorCode: null,
        usage: { prompt_tokens: prompt, completion_tokens: 0, total_tokens: prompt },
        usageSource: r.response.usage ? 'provider' : 'estimate',
        ttftMs: null,
        answerText: '',
      });
      return { headers, json: JSON.stringify(r.response) };
    } catch (e) {
      const err = toGatewayError(e);
      const aborted = err.code === 'client_aborted' || ctx.signal?.aborted === true;
      this.settle('embeddings', req, ctx, ts, startedAt, false, null, plan, {
        ...(aborted ? ABORTED : { status: 'error', httpStatus: err.status, errorCode: err.code }),
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        usageSource: 'none' as 'provider',
        ttftMs: null,
        answerText: '',
      });
      throw err;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.usage.close(), this.audit.close()]);
    await Promise.allSettled([...this.adapters.values()].map((a) => a.close()));
  }

  /**
   * Accounting (usage, quota charge, audit, the answer's PII check) changes nothing the client
   * receives, so for a complete answer it runs right after the response is written instead of before
   * (ADR 0062). Admission and every flush run what is pending first, so limits and records stay exact.
   */
  private settleLater(fn: () => void): void {
    this.deferred.push(fn);
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => this.settleDeferred());
  }

  /** Runs deferred accounting now (called on a timer turn, before admission and before flushes). */
  settleDeferred(): void {
    this.drainScheduled = false;
    if (this.deferred.length === 0) return;
    const pending = this.deferred;
    this.deferred = [];
    for (const fn of pending) {
      try {
        fn();
      } catch (e) {
        this.onSettleError(e);
      }
    }
  }

  /** Exactly one usage record, one quota charge and one audit entry per admitted request. */
  private settle(
    endpoint: UsageRecord['endpoint'],
    req: { model: string },
    ctx: RequestContext,
    ts: string,
    startedAt: number,
    stream: boolean,
    route: RouteInfo | null,
    plan: GuardPlan<unknown> | undefined,
    o: ChatOutcome,
    endedAt = performance.now(),
  ): void {
    const provider = route?.provider.id ?? null;
    const upstreamModel = route?.upstreamModel ?? null;
    const costMad =
      provider && upstreamModel
        ? this.pricer.cost(
            provider,
            upstreamModel,
            o.usage.prompt_tokens,
            o.usage.completion_tokens,
            req.model,
          )
        : 0;
    this.usage.record({
      requestId: ctx.requestId,
      ts,
      keyId: ctx.keyId ?? null,
      orgId: ctx.orgId ?? null,
      endpoint,
      model: req.model,
      provider,
      upstreamModel,
      stream,
      status: o.status,
      httpStatus: o.httpStatus,
      errorCode: o.errorCode,
      promptTokens: o.usage.prompt_tokens,
      completionTokens: o.usage.completion_tokens,
      totalTokens: o.usage.total_tokens,
      usageSource: o.usage.total_tokens > 0 ? o.usageSource : 'none',
      costMad,
      latencyMs: Math.round((endedAt - startedAt) * 1000) / 1000,
      ttftMs: o.ttftMs === null ? null : Math.round(o.ttftMs * 1000) / 1000,
      attempts: route?.attempts ?? 0,
    });
    if (ctx.quota && o.usage.total_tokens > 0 && hasLimits(ctx.quota)) {
      this.limiter.charge(ctx.quota, { tokens: o.usage.total_tokens, costMad }).catch(() => {});
    }
    const refused = o.errorCode === 'policy_refused';
    this.audit.record({
      ts,
      requestId: ctx.requestId,
      actor: { keyId: ctx.keyId ?? null, orgId: ctx.orgId ?? null },
      endpoint,
      model: req.model,
      provider,
      destinationCountry: route?.provider.location ?? null,
      decision: refused ? 'refused' : (route?.decision ?? 'not_routed'),
      legalBasis: route?.legalBasis ?? (refused ? plan?.refusalLegalBasis?.() : undefined) ?? 'not_assessed',
      dataClass: plan?.dataClass ?? 'unknown',
      status: o.status === 'ok' ? 'ok' : `${o.status}:${o.errorCode ?? o.httpStatus}`,
      flags: unexpectedPiiFlags(plan, o.answerText),
    });
  }
}

/** Identifiers in the answer that the request did not contain, as audit flags. */
function unexpectedPiiFlags(plan: GuardPlan<unknown> | undefined, answer: string): string[] {
  if (!plan?.onResponseText || answer.length === 0) return [];
  return plan.onResponseText(answer).unexpectedPii.map((t) => `unexpected_pii:${t}`);
}

/**
 * Clients asking for base64 (the openai SDK does by default) get it even from upstreams that only
 * return float arrays (Mistral, Ollama): little-endian float32, as OpenAI encodes it.
 */
function toBase64Embeddings(res: EmbeddingResponse): void {
  for (const d of res.data) {
    if (Array.isArray(d.embedding))
      d.embedding = Buffer.from(new Float32Array(d.embedding).buffer).toString('base64');
  }
}

function quotaMessage(d: QuotaDecision): string {
  const who = d.scope === 'org' ? 'organisation' : 'API key';
  const what: Record<string, string> = {
    requests_per_minute: 'requests per minute',
    tokens_per_minute: 'tokens per minute',
    tokens_per_day: 'tokens per day',
    monthly_budget_mad: 'monthly budget (MAD)',
  };
  return `Rate limit reached for this ${who}: ${what[d.limit ?? ''] ?? 'quota'}. Retry after ${d.retryAfterSeconds ?? 1} s.`;
}
