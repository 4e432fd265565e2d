import type { CancelSignal } from '../routing/cancel.js';

/** How a client disconnect shows up in the gateway (mapTransportError keeps it an AbortError). */
export const abortError = (): Error =>
  Object.assign(new Error('Request aborted by the client'), { name: 'AbortError' });

/**
 * What both dispatch handlers share: the client's cancellation reaches the upstream request, whether
 * it is still queued for a pooled connection or already on the wire.
 */
export abstract class CancellableHandler {
  protected abort: ((err: Error) => void) | null = null;

  constructor(protected readonly signal?: CancelSignal) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => {
    if (this.abort) this.abort(abortError());
    else this.failQueued(abortError());
  };

  onConnect(abort: (err?: Error) => void): void {
    if (this.signal?.aborted) abort(abortError());
    else this.abort = abort;
  }

  /** Called once the request has ended, whatever the outcome. */
  protected stopListening(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  /** The client left before undici connected the request: fail it without waiting for a connection. */
  protected abstract failQueued(err: Error): void;
}
