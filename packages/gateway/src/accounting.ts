import { AuditChain, type AuditChainOptions, MemoryAuditStore } from './audit/chain.js';
import type { AuditStore } from './audit/types.js';
import { hasLimits, type RateLimiter } from './quota/types.js';
import type { RequestContext } from './routing/context.js';
import type { GuardPlan } from './routing/guard.js';
import type { ChatOutcome } from './routing/output.js';
import type { RouteInfo } from './routing/router.js';
import {
  MemoryUsageSink,
  UsageMeter,
  type UsageMeterOptions,
  type UsageRecord,
  type UsageSink,
} from './usage/meter.js';
import { Pricer, type PriceTable } from './usage/prices.js';

export interface AccountingOptions {
  limiter: RateLimiter;
  prices?: PriceTable;
  usageSink?: UsageSink;
  auditStore?: AuditStore;
  usage?: UsageMeterOptions;
  audit?: AuditChainOptions;
}

/**
 * What happened to one admitted request, turned into exactly one usage record, one quota charge and
 * one audit entry (ADR 0011, 0012), now or just after the response is written (ADR 0062).
 */
export class Accounting {
  readonly usage: UsageMeter;
  readonly audit: AuditChain;
  readonly pricer: Pricer;
  private readonly limiter: RateLimiter;
  /** Accounting of answered requests, run just after their response is written (see settleLater). */
  private deferred: Array<() => void> = [];
  private drainScheduled = false;
  private readonly onSettleError: (e: unknown) => void;

  constructor(opts: AccountingOptions) {
    this.limiter = opts.limiter;
    const beforeFlush = () => this.settleDeferred();
    this.usage = new UsageMeter(opts.usageSink ?? new MemoryUsageSink(), { ...opts.usage, beforeFlush });
    this.audit = new AuditChain(opts.auditStore ?? new MemoryAuditStore(), { ...opts.audit, beforeFlush });
    this.onSettleError = opts.audit?.onError ?? (() => {});
    this.pricer = new Pricer(opts.prices);
  }

  async close(): Promise<void> {
    // The meters only flush when something is pending, which deferred accounting is not yet.
    this.settleDeferred();
    await Promise.allSettled([this.usage.close(), this.audit.close()]);
  }

  /**
   * Accounting (usage, quota charge, audit, the answer's PII check) changes nothing the client
   * receives, so for a complete answer it runs right after the response is written instead of before
   * (ADR 0062). Admission and every flush run what is pending first, so limits and records stay exact.
   */
  settleLater(fn: () => void): void {
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
  settle(
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
    // What the guard works out lazily (data class, legal basis, the answer's PII check) may run detection
    // now; a failure there must neither lose the audit entry nor replace the request's own error.
    const guarded = <T>(f: () => T, fallback: T): T => {
      try {
        return f();
      } catch (e) {
        this.onSettleError(e);
        return fallback;
      }
    };
    const refused = o.errorCode === 'policy_refused';
    const legalBasis = guarded(
      () => route?.legalBasis ?? (refused ? plan?.refusalLegalBasis?.() : undefined) ?? 'not_assessed',
      'not_assessed',
    );
    const dataClass = guarded(() => plan?.dataClass ?? 'unknown', 'unknown');
    const flags = guarded(() => unexpectedPiiFlags(plan, o.answerText), ['pii_check_failed']);
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
    this.audit.record({
      ts,
      requestId: ctx.requestId,
      actor: { keyId: ctx.keyId ?? null, orgId: ctx.orgId ?? null },
      endpoint,
      model: req.model,
      provider,
      destinationCountry: route?.provider.location ?? null,
      decision: refused ? 'refused' : (route?.decision ?? 'not_routed'),
      legalBasis,
      dataClass,
      status: o.status === 'ok' ? 'ok' : `${o.status}:${o.errorCode ?? o.httpStatus}`,
      flags,
    });
  }
}

/** Identifiers in the answer that the request did not contain, as audit flags. */
function unexpectedPiiFlags(plan: GuardPlan<unknown> | undefined, answer: string): string[] {
  if (!plan?.onResponseText || answer.length === 0) return [];
  return plan.onResponseText(answer).unexpectedPii.map((t) => `unexpected_pii:${t}`);
}
