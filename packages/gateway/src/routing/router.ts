import { GatewayError, modelNotFound, toGatewayError } from '../errors.js';
import {
  type ChatResult,
  DEFAULT_TIMEOUTS,
  type ProviderAdapter,
  type ProviderInfo,
  type Timeouts,
} from '../providers/types.js';
import type {
  ChatCompletionChunk,
  ChatCompletionRequest,
  EmbeddingRequest,
  EmbeddingResponse,
} from '../types/openai.js';
import { type BackoffOptions, backoffDelay, sleep, weightedOrder } from './backoff.js';
import type { RequestContext } from './context.js';
import type { GuardPlan, TargetDecision, TextRestorer } from './guard.js';
import { type BreakerOptions, TargetHealth, type TargetHealthSnapshot } from './health.js';

export interface TargetConfig {
  provider: string;
  /** Model name at the provider. */
  model: string;
  weight?: number;
  timeouts?: Partial<Timeouts>;
}

export interface ModelConfig {
  /** Public model name clients use. */
  id: string;
  targets: TargetConfig[];
  ownedBy?: string;
  /** What the model does (default: guessed from its name, e.g. `*embed*` → embeddings). */
  type?: 'chat' | 'embeddings';
}

export interface RouterOptions {
  /** Extra attempts on the same target before falling back (default 1). */
  retriesPerTarget?: number;
  /** Upper bound on upstream attempts per request, all targets together (default 4). */
  maxAttempts?: number;
  backoff?: Partial<BackoffOptions>;
  /** A 429 whose Retry-After exceeds this moves on to the next target instead of waiting (default 2 s). */
  maxRetryAfterMs?: number;
  breaker?: Partial<BreakerOptions>;
  random?: () => number;
}

interface Target {
  cfg: TargetConfig;
  provider: ProviderAdapter;
  health: TargetHealth;
  timeouts: Timeouts;
}

/** Where a request went, for usage and audit. */
export interface RouteInfo {
  provider: ProviderInfo;
  upstreamModel: string;
  attempts: number;
  decision: string;
  legalBasis: string;
  restorer?: () => TextRestorer;
}

export interface RoutedChat extends RouteInfo {
  result: ChatResult;
}

type Attempt<T> = (target: Target, body: unknown) => Promise<T>;

/**
 * Maps a public model to weighted targets and runs the retry / fallback / cooldown policy (ADR 0011).
 * Retries happen only before the first byte reaches the client: for streams the first chunk is awaited
 * inside the attempt, so a stream that dies before producing anything is retried like any failure.
 */
export class Router {
  private readonly routes = new Map<string, Target[]>();
  private readonly opts: Required<Omit<RouterOptions, 'backoff' | 'breaker'>> & {
    backoff: BackoffOptions;
    breaker: BreakerOptions;
  };

  constructor(providers: Map<string, ProviderAdapter>, models: ModelConfig[], opts: RouterOptions = {}) {
    this.opts = {
      retriesPerTarget: opts.retriesPerTarget ?? 1,
      maxAttempts: opts.maxAttempts ?? 4,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 2_000,
      random: opts.random ?? Math.random,
      backoff: { baseMs: 100, maxMs: 2_000, ...opts.backoff },
      breaker: { failureThreshold: 3, cooldownMs: 30_000, ...opts.breaker },
    };
    for (const m of models) {
      if (m.targets.length === 0) throw new Error(`Model '${m.id}' has no targets`);
      this.routes.set(
        m.id,
        m.targets.map((cfg) => {
          const provider = providers.get(cfg.provider);
          if (!provider) throw new Error(`Model '${m.id}' targets unknown provider '${cfg.provider}'`);
          return {
            cfg,
            provider,
            health: new TargetHealth(m.id, cfg.provider, cfg.model, this.opts.breaker),
            timeouts: { ...DEFAULT_TIMEOUTS, ...defined(provider.timeouts), ...defined(cfg.timeouts) },
          };
        }),
      );
    }
  }

  has(model: string): boolean {
    return this.routes.has(model);
  }

  modelIds(): string[] {
    return [...this.routes.keys()];
  }

  health(now = Date.now()): TargetHealthSnapshot[] {
    const out: TargetHealthSnapshot[] = [];
    for (const targets of this.routes.values()) for (const t of targets) out.push(t.health.snapshot(now));
    return out;
  }

  async chat(req: ChatCompletionRequest, ctx: RequestContext, plan: GuardPlan): Promise<RoutedChat> {
    const targets = this.targetsFor(req.model);
    const refusals: string[] = [];
    let chosen:
      | { t: Target; attempts: number; d: Extract<TargetDecision, { allowed: true }> | null }
      | undefined;
    const result = await this.run(
      targets,
      ctx,
      (t) => {
        const d = plan.forTarget(t.provider.info);
        if (!d.allowed) {
          refusals.push(`${t.provider.info.id} (${t.provider.info.location}): ${d.reason}`);
          return null;
        }
        return d;
      },
      async (t, body) => {
        const upstreamBody = { ...(body as ChatCompletionRequest), model: t.cfg.model };
        const res = await t.provider.chat(upstreamBody, { signal: ctx.signal, timeouts: t.timeouts });
        return res.type === 'stream'
          ? { type: 'stream' as const, chunks: await peekFirst(res.chunks, t) }
          : res;
      },
      (t, attempts, d) => {
        chosen = { t, attempts, d };
      },
    );
    if (result === REFUSED) {
      throw new GatewayError(403, `No provider may receive this request: ${refusals.join('; ')}`, {
        type: 'policy_error',
        code: 'policy_refused',
      });
    }
    const { t, attempts, d } = chosen as NonNullable<typeof chosen>;
    return {
      provider: t.provider.info,
      upstreamModel: t.cfg.model,
      attempts,
      decision: d?.decision ?? 'allowed',
      // Read when the request settles, not now: a guard may name the legal basis lazily (see ADR 0062).
      get legalBasis() {
        return d?.legalBasis ?? 'not_assessed';
      },
      restorer: d?.restorer,
      result,
    };
  }

  async embeddings(
    req: EmbeddingRequest,
    ctx: RequestContext,
    plan?: GuardPlan<EmbeddingRequest>,
  ): Promise<{
    response: EmbeddingResponse;
    provider: ProviderInfo;
    upstreamModel: string;
    attempts: number;
    decision: string;
    legalBasis: string;
  }> {
    const targets = this.targetsFor(req.model);
    const refusals: string[] = [];
    let chosen: Target | undefined;
    let attempts = 0;
    let decision: { decision: string; legalBasis: string } | null = null;
    const response = await this.run(
      targets,
      ctx,
      (t) => {
        const d = plan!.forTarget(t.provider.info);
        if (!d.allowed) {
          refusals.push(`${t.provider.info.id} (${t.provider.info.location}): ${d.reason}`);
          return null;
        }
        return d;
      },
      (t, body) =>
        t.provider.embeddings(
          { ...((body as EmbeddingRequest | null) ?? req), model: t.cfg.model },
          { signal: ctx.signal, timeouts: t.timeouts },
        ),
      (t, n, d) => {
        chosen = t;
        attempts = n;
        decision = d;
      },
      plan !== undefined,
    );
    if (response === REFUSED)
      throw new GatewayError(403, `No provider may receive this request: ${refusals.join('; ')}`, {
        type: 'policy_error',
        code: 'policy_refused',
      });
    if (!chosen) throw new GatewayError(503, 'No target available', { code: 'no_target' });
    const { decision: how, legalBasis } = decision ?? { decision: 'allowed', legalBasis: 'not_assessed' };
    return {
      response,
      provider: (chosen as Target).provider.info,
      upstreamModel: (chosen as Target).cfg.model,
      attempts,
      decision: how,
      legalBasis,
    };
  }

  private targetsFor(model: string): Target[] {
    const targets = this.routes.get(model);
    if (!targets) throw modelNotFound(model);
    return targets;
  }

  private async run<T, D extends { body: unknown }>(
    targets: Target[],
    ctx: RequestContext,
    admit: (t: Target) => D | null,
    attempt: Attempt<T>,
    onSuccess: (t: Target, attempts: number, d: D | null) => void,
    guarded = true,
  ): Promise<T | typeof REFUSED> {
    const now = Date.now();
    // Healthy targets in weighted order first; cooling-down ones only as a last resort (half-open probe).
    const ordered = weightedOrder(targets, (t) => t.cfg.weight ?? 1, this.opts.random);
    const candidates = [
      ...ordered.filter((t) => !t.health.isCoolingDown(now)),
      ...ordered.filter((t) => t.health.isCoolingDown(now)),
    ];
    let attempts = 0;
    let refused = 0;
    let lastErr: GatewayError | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const t = candidates[i]!;
      const d = guarded ? admit(t) : null;
      if (guarded && !d) {
        refused++;
        continue;
      }
      for (let retry = 0; retry <= this.opts.retriesPerTarget; retry++) {
        if (attempts >= this.opts.maxAttempts) break;
        if (!t.health.tryAcquire(Date.now())) {
          lastErr ??= new GatewayError(503, `Target '${t.cfg.provider}/${t.cfg.model}' is cooling down`, {
            code: 'target_cooling_down',
          });
          break;
        }
        attempts++;
        const started = performance.now();
        try {
          const value = await attempt(t, d ? d.body : null);
          t.health.success(performance.now() - started, Date.now());
          onSuccess(t, attempts, d);
          return value;
        } catch (e) {
          if (ctx.signal?.aborted || (e instanceof Error && e.name === 'AbortError')) {
            t.health.release();
            throw e;
          }
          const err = toGatewayError(e);
          if (!err.retryable && !err.fallback) {
            t.health.release();
            throw err; // the client's own mistake: no other target will fix it
          }
          t.health.failure(err, Date.now());
          lastErr = err;
          const othersLeft = i < candidates.length - 1;
          if (!err.retryable || retry === this.opts.retriesPerTarget) break;
          // A timed-out target is unlikely to answer faster on a second try: prefer the next one.
          if (err.code === 'upstream_timeout' && othersLeft) break;
          const wait = err.retryAfterMs ?? backoffDelay(retry, this.opts.backoff, this.opts.random);
          if (err.retryAfterMs !== undefined && err.retryAfterMs > this.opts.maxRetryAfterMs) break;
          await sleep(wait, ctx.signal);
        }
      }
      if (attempts >= this.opts.maxAttempts) break;
    }
    if (guarded && refused === candidates.length) return REFUSED;
    throw lastErr ?? new GatewayError(503, 'No target available for this model', { code: 'no_target' });
  }
}

const REFUSED = Symbol('refused');

/** Drops undefined members so they do not override defaults when spread. */
function defined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o) for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * Awaits the first chunk inside the attempt (so a stream failing before its first byte is retried),
 * then returns an iterable replaying it; later failures count against the target's health.
 */
async function peekFirst(
  chunks: AsyncIterable<ChatCompletionChunk>,
  target: Target,
): Promise<AsyncIterable<ChatCompletionChunk>> {
  const it = chunks[Symbol.asyncIterator]();
  let first: IteratorResult<ChatCompletionChunk> | null = await it.next();
  // A plain iterator rather than an async generator: this layer runs once per streamed chunk.
  const replay: AsyncIterableIterator<ChatCompletionChunk> = {
    [Symbol.asyncIterator]: () => replay,
    next: () => {
      if (first) {
        const r = first;
        first = null;
        return Promise.resolve(r);
      }
      return it.next().catch((e: unknown) => {
        if (!(e instanceof Error && e.name === 'AbortError'))
          target.health.failure(toGatewayError(e), Date.now());
        throw e;
      });
    },
    return: async () => {
      first = null;
      await it.return?.();
      return { value: undefined, done: true };
    },
  };
  return replay;
}
