import { Accounting } from './accounting.js';
import type { AuditChain, AuditChainOptions } from './audit/chain.js';
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
import type { UsageMeter, UsageMeterOptions, UsageSink } from './usage/meter.js';
import type { Pricer, PriceTable } from './usage/prices.js';

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
  readonly accounting: Accounting;
  readonly adapters: Map<string, ProviderAdapter>;
  private readonly virtual = new Map<string, VirtualModel>();
  private readonly ownedBy = new Map<string, string>();
  private readonly kinds = new Map<string, 'chat' | 'embeddings'>();
  private guard: ChatGuard;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(opts: GatewayOptions) {
    this.adapters = opts.adapters ?? new Map(opts.providers.map((p) => [p.id, createProvider(p)]));
    this.router = new Router(this.adapters, opts.models, opts.router);
    for (const m of opts.models) {
      this.ownedBy.set(m.id, m.ownedBy ?? 'khidma');
      this.kinds.set(m.id, m.type ?? (EMBEDDING_NAME.test(m.id) ? 'embeddings' : 'chat'));
    }
    this.limiter = opts.limiter ?? new MemoryRateLimiter();
    this.accounting = new Accounting({ ...opts, limiter: this.limiter });
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
    this.accounting.settleDeferred();
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
      this.accounting.settle('chat.completions', req, ctx, ts, startedAt, stream, null, plan, {
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
        this.accounting.settleLater(() =>
          this.accounting.settle(
            'chat.completions',
            req,
            ctx,
            ts,
            startedAt,
            false,
            route,
            plan,
            outcome,
            endedAt,
          ),
        );
        return { stream: false, headers, json };
      } catch (e) {
        const err = toGatewayError(e);
        this.accounting.settle('chat.completions', req, ctx, ts, startedAt, false, route, plan, {
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
      this.accounting.settle('chat.completions', req, ctx, ts, startedAt, true, route, plan, o);
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
      this.accounting.settle('embeddings', req, ctx, ts, startedAt, false, r, plan, {
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
      this.accounting.settle('embeddings', req, ctx, ts, startedAt, false, null, plan, {
        ...(aborted ? ABORTED : { status: 'error', httpStatus: err.status, errorCode: err.code }),
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        usageSource: 'none' as 'provider',
        ttftMs: null,
        answerText: '',
      });
      throw err;
    }
  }

  /** The batched usage meter (accounting.usage). */
  get usage(): UsageMeter {
    return this.accounting.usage;
  }

  /** The hash-chained audit log (accounting.audit). */
  get audit(): AuditChain {
    return this.accounting.audit;
  }

  get pricer(): Pricer {
    return this.accounting.pricer;
  }

  async close(): Promise<void> {
    await this.accounting.close();
    await Promise.allSettled([...this.adapters.values()].map((a) => a.close()));
  }
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
