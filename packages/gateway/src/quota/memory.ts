import { decisionFrom, type LimitState } from './headers.js';
import { exceeds, LIMIT_ORDER, levelsOf } from './levels.js';
import type {
  QuotaCharge,
  QuotaDecision,
  QuotaEstimate,
  QuotaSubject,
  RateLimiter,
  RestoredUsage,
} from './types.js';
import { toMicroMad, type Windows, windowsAt } from './windows.js';

interface Counter {
  window: string;
  value: number;
}

/** In-process limiter: exact for a single instance; use the Redis limiter when running several. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private sweepAt = 0;

  async check(subject: QuotaSubject, estimate: QuotaEstimate, now = Date.now()): Promise<QuotaDecision> {
    const levels = levelsOf(subject);
    if (levels.length === 0) return { allowed: true, headers: {} };
    const w = windowsAt(now);
    this.sweep(now, w);
    const adds = [1, estimate.tokens, estimate.tokens, toMicroMad(estimate.costMad ?? 0)];
    const states: LimitState[] = [];
    let denied: LimitState | undefined;
    for (const lv of levels) {
      for (let j = 0; j < 4; j++) {
        const limit = lv.limits[j]!;
        if (limit < 0) continue;
        const used = this.get(`${lv.scope}:${lv.id}:${j}`, windowOf(j, w));
        const state: LimitState = {
          name: LIMIT_ORDER[j]!,
          scope: lv.scope,
          limit,
          used,
          resetMs: resetOf(j, w),
        };
        states.push(state);
        if (!denied && exceeds(used, adds[j]!, limit, j === 0)) denied = state;
      }
    }
    if (!denied) {
      for (const lv of levels) {
        if (lv.limits[0] >= 0) this.add(`${lv.scope}:${lv.id}:0`, w.minute, 1);
      }
      for (const s of states) if (s.name === 'requests_per_minute') s.used++;
    }
    return decisionFrom(states, denied);
  }

  async charge(subject: QuotaSubject, actual: QuotaCharge, now = Date.now()): Promise<void> {
    const levels = levelsOf(subject);
    if (levels.length === 0) return;
    const w = windowsAt(now);
    const micro = toMicroMad(actual.costMad);
    for (const lv of levels) {
      if (actual.tokens > 0) {
        this.add(`${lv.scope}:${lv.id}:1`, w.minute, actual.tokens);
        this.add(`${lv.scope}:${lv.id}:2`, w.day, actual.tokens);
      }
      if (micro > 0) this.add(`${lv.scope}:${lv.id}:3`, w.month, micro);
    }
  }

  restore(
    subject: { keyId?: string | null; orgId?: string | null },
    used: RestoredUsage,
    now = Date.now(),
  ): void {
    const w = windowsAt(now);
    const micro = toMicroMad(used.costMadThisMonth);
    for (const scope of ['key', 'org'] as const) {
      const id = scope === 'key' ? subject.keyId : subject.orgId;
      if (!id) continue;
      if (used.tokensToday > 0) this.add(`${scope}:${id}:2`, w.day, used.tokensToday);
      if (micro > 0) this.add(`${scope}:${id}:3`, w.month, micro);
    }
  }

  private get(key: string, window: string): number {
    const c = this.counters.get(key);
    return c && c.window === window ? c.value : 0;
  }

  private add(key: string, window: string, n: number): void {
    const c = this.counters.get(key);
    if (c && c.window === window) c.value += n;
    else this.counters.set(key, { window, value: n });
  }

  /** Drops counters of finished minute windows once a minute so memory stays bounded by active subjects. */
  private sweep(now: number, w: Windows): void {
    if (now < this.sweepAt) return;
    this.sweepAt = now + 60_000;
    for (const [k, c] of this.counters) {
      const j = Number(k.slice(k.lastIndexOf(':') + 1));
      if (c.window !== windowOf(j, w)) this.counters.delete(k);
    }
  }
}

export const windowOf = (j: number, w: Windows) => (j <= 1 ? w.minute : j === 2 ? w.day : w.month);
export const resetOf = (j: number, w: Windows) =>
  j <= 1 ? w.minuteResetMs : j === 2 ? w.dayResetMs : w.monthResetMs;
