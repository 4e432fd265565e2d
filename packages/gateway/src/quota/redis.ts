import { createHash } from 'node:crypto';
import { decisionFrom, type LimitState } from './headers.js';
import { LIMIT_ORDER, levelsOf } from './levels.js';
import { resetOf, windowOf } from './memory.js';
import type { QuotaCharge, QuotaDecision, QuotaEstimate, QuotaSubject, RateLimiter } from './types.js';
import { toMicroMad, windowsAt } from './windows.js';

/** The subset of ioredis the limiter needs; inject any compatible client. */
export interface RedisEvalClient {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  evalsha?(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/**
 * Check-and-count in one round trip. KEYS: 4 per level (requests/min, tokens/min, tokens/day,
 * budget/month). ARGV: 1 est. tokens, 2 est. micro-MAD, then per level 4 limits (-1 = none) and 4 TTLs.
 * Returns { deniedIndex (0 = allowed, else 1-based key index), used values… }.
 * The admission rule mirrors levels.ts `exceeds`.
 */
export const CHECK_SCRIPT = `
local est = tonumber(ARGV[1])
local estc = tonumber(ARGV[2])
local n = #KEYS
local used = {}
local denied = 0
for i = 1, n do
  local u = tonumber(redis.call('GET', KEYS[i]) or '0')
  used[i] = u
  local base = 2 + math.floor((i - 1) / 4) * 8
  local j = ((i - 1) % 4) + 1
  local lim = tonumber(ARGV[base + j])
  if denied == 0 and lim >= 0 then
    local add = est
    if j == 1 then add = 1 elseif j == 4 then add = estc end
    if u >= lim or (u + add > lim and (j == 1 or u > 0)) then denied = i end
  end
end
if denied == 0 then
  for i = 1, n, 4 do
    local base = 2 + math.floor((i - 1) / 4) * 8
    if tonumber(ARGV[base + 1]) >= 0 then
      used[i] = redis.call('INCR', KEYS[i])
      if used[i] == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[base + 5]) end
    end
  end
end
table.insert(used, 1, denied)
return used
`;

/** KEYS: 3 per level (tokens/min, tokens/day, budget/month). ARGV: tokens, micro-MAD, 3 TTLs. */
export const CHARGE_SCRIPT = `
local tokens = tonumber(ARGV[1])
local micro = tonumber(ARGV[2])
for i = 1, #KEYS, 3 do
  if tokens > 0 then
    redis.call('INCRBY', KEYS[i], tokens)
    redis.call('PEXPIRE', KEYS[i], ARGV[3])
    redis.call('INCRBY', KEYS[i + 1], tokens)
    redis.call('PEXPIRE', KEYS[i + 1], ARGV[4])
  end
  if micro > 0 then
    redis.call('INCRBY', KEYS[i + 2], micro)
    redis.call('PEXPIRE', KEYS[i + 2], ARGV[5])
  end
end
return 1
`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const SLACK_MS = 5_000;

/** Redis limiter (ADR 0013): every instance shares the same counters; each decision is one atomic script. */
export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;
  private readonly checkSha = sha1(CHECK_SCRIPT);
  private readonly chargeSha = sha1(CHARGE_SCRIPT);

  constructor(
    private readonly client: RedisEvalClient,
    opts: { keyPrefix?: string } = {},
  ) {
    this.prefix = opts.keyPrefix ?? 'khidma:quota:';
  }

  async check(subject: QuotaSubject, estimate: QuotaEstimate, now = Date.now()): Promise<QuotaDecision> {
    const levels = levelsOf(subject);
    if (levels.length === 0) return { allowed: true, headers: {} };
    const w = windowsAt(now);
    const keys: string[] = [];
    const args: (string | number)[] = [Math.ceil(estimate.tokens), toMicroMad(estimate.costMad ?? 0)];
    for (const lv of levels) {
      for (let j = 0; j < 4; j++)
        keys.push(`${this.prefix}${lv.scope}:${lv.id}:${LIMIT_ORDER[j]}:${windowOf(j, w)}`);
      args.push(...lv.limits);
      for (let j = 0; j < 4; j++) args.push(Math.ceil(resetOf(j, w)) + SLACK_MS);
    }
    const out = (await this.run(CHECK_SCRIPT, this.checkSha, keys, args)) as number[];
    const deniedIndex = Number(out[0]);
    const states: LimitState[] = [];
    let denied: LimitState | undefined;
    levels.forEach((lv, li) => {
      for (let j = 0; j < 4; j++) {
        const limit = lv.limits[j]!;
        if (limit < 0) continue;
        const s: LimitState = {
          name: LIMIT_ORDER[j]!,
          scope: lv.scope,
          limit,
          used: Number(out[1 + li * 4 + j]),
          resetMs: resetOf(j, w),
        };
        states.push(s);
        if (deniedIndex === li * 4 + j + 1) denied = s;
      }
    });
    return decisionFrom(states, denied);
  }

  async charge(subject: QuotaSubject, actual: QuotaCharge, now = Date.now()): Promise<void> {
    const levels = levelsOf(subject);
    const micro = toMicroMad(actual.costMad);
    if (levels.length === 0 || (actual.tokens <= 0 && micro <= 0)) return;
    const w = windowsAt(now);
    const keys: string[] = [];
    for (const lv of levels) {
      for (let j = 1; j < 4; j++)
        keys.push(`${this.prefix}${lv.scope}:${lv.id}:${LIMIT_ORDER[j]}:${windowOf(j, w)}`);
    }
    await this.run(CHARGE_SCRIPT, this.chargeSha, keys, [
      Math.ceil(actual.tokens),
      micro,
      Math.ceil(w.minuteResetMs) + SLACK_MS,
      Math.ceil(w.dayResetMs) + SLACK_MS,
      Math.ceil(w.monthResetMs) + SLACK_MS,
    ]);
  }

  /** EVALSHA when the client supports it (saves sending the script), EVAL on NOSCRIPT. */
  private async run(
    script: string,
    sha: string,
    keys: string[],
    args: (string | number)[],
  ): Promise<unknown> {
    if (this.client.evalsha) {
      try {
        return await this.client.evalsha(sha, keys.length, ...keys, ...args);
      } catch (e) {
        if (!String((e as Error)?.message ?? '').includes('NOSCRIPT')) throw e;
      }
    }
    return this.client.eval(script, keys.length, ...keys, ...args);
  }
}
