import type { CancelSignal } from './cancel.js';

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(
  retry: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** retry);
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Sleeps, waking early with an AbortError if the signal fires. */
export function sleep(ms: number, signal?: CancelSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      const e = new Error('Request aborted by the client');
      e.name = 'AbortError';
      reject(e);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal) {
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

/** Weighted random order without replacement (Efraimidis–Spirakis keys). */
export function weightedOrder<T>(
  items: T[],
  weightOf: (t: T) => number,
  random: () => number = Math.random,
): T[] {
  if (items.length <= 1) return items;
  return items
    .map((item) => ({ item, key: random() ** (1 / Math.max(weightOf(item), 1e-9)) }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.item);
}
