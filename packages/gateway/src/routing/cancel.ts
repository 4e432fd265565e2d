/**
 * What the gateway needs of a cancellation signal. `AbortSignal` satisfies it; so does `ClientGone`,
 * which the HTTP server creates per request instead of an AbortController (whose construction was the
 * single most expensive call on the gateway's hot path).
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A one-shot cancellation: fired at most once, every listener runs once. */
export class ClientGone implements CancelSignal {
  private fired = false;
  private listeners: Array<() => void> | null = null;

  get aborted(): boolean {
    return this.fired;
  }

  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    if (this.fired) return;
    if (this.listeners === null) this.listeners = [listener];
    else this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const l = this.listeners;
    if (l === null) return;
    const i = l.indexOf(listener);
    if (i !== -1) l.splice(i, 1);
  }

  abort(): void {
    if (this.fired) return;
    this.fired = true;
    const l = this.listeners;
    this.listeners = null;
    if (l === null) return;
    for (const listener of l) listener();
  }
}

/** A real AbortSignal following `s`, for APIs that need one (fetch, AbortSignal.any). */
export function asAbortSignal(s: CancelSignal): AbortSignal {
  if (s instanceof AbortSignal) return s;
  const controller = new AbortController();
  if (s.aborted) controller.abort();
  else s.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}
