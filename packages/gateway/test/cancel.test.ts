import { describe, expect, it, vi } from 'vitest';
import { asAbortSignal, ClientGone } from '../src/routing/cancel.js';

describe('ClientGone (per-request cancellation without an AbortController)', () => {
  it('runs every listener once when aborted, and reports aborted afterwards', () => {
    const gone = new ClientGone();
    const a = vi.fn();
    const b = vi.fn();
    gone.addEventListener('abort', a, { once: true });
    gone.addEventListener('abort', b);
    expect(gone.aborted).toBe(false);
    gone.abort();
    gone.abort();
    expect(gone.aborted).toBe(true);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('does not call a listener that was removed', () => {
    const gone = new ClientGone();
    const kept = vi.fn();
    const removed = vi.fn();
    gone.addEventListener('abort', removed);
    gone.addEventListener('abort', kept);
    gone.removeEventListener('abort', removed);
    gone.abort();
    expect(removed).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
  });

  it('bridges to a real AbortSignal for APIs that need one', () => {
    const gone = new ClientGone();
    const signal = asAbortSignal(gone);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal.aborted).toBe(false);
    gone.abort();
    expect(signal.aborted).toBe(true);
    const already = new ClientGone();
    already.abort();
    expect(asAbortSignal(already).aborted).toBe(true);
    const real = new AbortController().signal;
    expect(asAbortSignal(real)).toBe(real);
  });
});
