import type { GatewayError } from '../errors.js';

export type TargetState = 'healthy' | 'degraded' | 'cooldown';

export interface TargetHealthSnapshot {
  model: string;
  provider: string;
  upstreamModel: string;
  state: TargetState;
  consecutiveFailures: number;
  requests: number;
  failures: number;
  cooldownUntil: string | null;
  lastError: { code: string | null; status: number; at: string } | null;
  lastSuccessAt: string | null;
  latencyMsEwma: number | null;
}

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  cooldownMs: number;
}

/**
 * Per-target circuit breaker with cooldown: closed → (N consecutive failures) → open for cooldownMs →
 * half-open (one probe at a time) → closed on success, open again on failure.
 */
export class TargetHealth {
  private consecutiveFailures = 0;
  private cooldownUntil = 0;
  private probing = false;
  private requests = 0;
  private failures = 0;
  private lastError: TargetHealthSnapshot['lastError'] = null;
  private lastSuccessAt = 0;
  private latencyEwma: number | null = null;

  constructor(
    readonly model: string,
    readonly provider: string,
    readonly upstreamModel: string,
    private readonly opts: BreakerOptions,
  ) {}

  /** Whether a request may be sent now; in half-open state only one probe is let through. */
  tryAcquire(now: number): boolean {
    if (this.cooldownUntil === 0) return true;
    if (now < this.cooldownUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  isCoolingDown(now: number): boolean {
    return this.cooldownUntil !== 0 && (now < this.cooldownUntil || this.probing);
  }

  success(latencyMs: number, now: number): void {
    this.requests++;
    this.consecutiveFailures = 0;
    this.cooldownUntil = 0;
    this.probing = false;
    this.lastSuccessAt = now;
    this.latencyEwma = this.latencyEwma === null ? latencyMs : this.latencyEwma * 0.8 + latencyMs * 0.2;
  }

  failure(err: GatewayError, now: number): void {
    this.requests++;
    this.failures++;
    this.consecutiveFailures++;
    this.lastError = { code: err.code, status: err.status, at: new Date(now).toISOString() };
    if (this.probing || this.consecutiveFailures >= this.opts.failureThreshold) {
      this.cooldownUntil = now + this.opts.cooldownMs;
    }
    this.probing = false;
  }

  /** Releases a half-open probe that ended without a verdict (client abort, client error). */
  release(): void {
    this.probing = false;
  }

  snapshot(now: number): TargetHealthSnapshot {
    const state: TargetState = this.isCoolingDown(now)
      ? 'cooldown'
      : this.consecutiveFailures > 0
        ? 'degraded'
        : 'healthy';
    return {
      model: this.model,
      provider: this.provider,
      upstreamModel: this.upstreamModel,
      state,
      consecutiveFailures: this.consecutiveFailures,
      requests: this.requests,
      failures: this.failures,
      cooldownUntil: this.cooldownUntil ? new Date(this.cooldownUntil).toISOString() : null,
      lastError: this.lastError,
      lastSuccessAt: this.lastSuccessAt ? new Date(this.lastSuccessAt).toISOString() : null,
      latencyMsEwma: this.latencyEwma === null ? null : Math.round(this.latencyEwma * 100) / 100,
    };
  }
}
