import type { Dispatcher } from 'undici';
import type { CancelSignal } from '../routing/cancel.js';
import { abortError, CancellableHandler } from './cancellable-handler.js';
import { headersOf, type UpstreamHeaders } from './whole-body.js';

/** An error answer is read up to this size; a misbehaving upstream cannot make the gateway buffer more. */
export const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/** Bytes buffered before the upstream is paused: a slow client must not make the gateway hoard. */
const HIGH_WATER_BYTES = 256 * 1024;

/**
 * A streamed upstream answer, iterated as byte chunks. Everything that arrived since the last read is
 * handed over at once, so a burst of SSE events costs one await, not one per network packet.
 * Reading stops the upstream (back-pressure) once `HIGH_WATER_BYTES` wait unread.
 */
export class UpstreamStream implements AsyncIterableIterator<Buffer> {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private error: unknown = null;
  private waiter: { resolve: (r: IteratorResult<Buffer>) => void; reject: (e: unknown) => void } | null =
    null;
  private resumeUpstream: (() => void) | null = null;
  private abortUpstream: ((err: Error) => void) | null = null;
  private closed = false;

  constructor(
    readonly statusCode: number,
    readonly headers: UpstreamHeaders,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Buffer>> {
    if (this.chunks.length > 0) return Promise.resolve({ value: this.take(), done: false });
    if (this.error !== null) return Promise.reject(this.error);
    if (this.ended || this.closed) return Promise.resolve({ value: undefined, done: true });
    // One waiting slot only: a second reader would silently replace the first, whose read then never
    // settles. Readers (the adapter, text()) read in turn, so this fails loudly rather than hang.
    if (this.waiter !== null) return Promise.reject(new Error('UpstreamStream: one read at a time'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Stops reading: the upstream request is aborted unless it already finished. */
  return(): Promise<IteratorResult<Buffer>> {
    this.destroy();
    return Promise.resolve({ value: undefined, done: true });
  }

  /** True once the body was read to its end, failed or was given up. */
  get destroyed(): boolean {
    return this.closed || this.ended || this.error !== null;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.closed = true;
    this.chunks.length = 0;
    this.abortUpstream?.(abortError());
  }

  /** The remaining body as UTF-8, up to `maxBytes` (error answers); stops the upstream beyond it. */
  async text(maxBytes = MAX_ERROR_BODY_BYTES): Promise<string> {
    const parts: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of this) {
      parts.push(chunk);
      bytes += chunk.length;
      // An error page has said what it has to say by then; the rest is not worth holding.
      if (bytes >= maxBytes) break;
    }
    return Buffer.concat(parts).subarray(0, maxBytes).toString('utf8');
  }

  /** @internal fed by the dispatch handler */
  attach(abort: (err: Error) => void, resume: () => void): void {
    this.abortUpstream = abort;
    this.resumeUpstream = resume;
  }

  /** @internal returns false to pause the upstream */
  push(chunk: Buffer): boolean {
    if (this.closed) return true;
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      w.resolve({ value: chunk, done: false });
      return true;
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    return this.buffered < HIGH_WATER_BYTES;
  }

  /** @internal */
  end(err?: unknown): void {
    // The first ending wins: an error reported after the body completed must not turn it into a failure.
    if (this.ended || this.error !== null) return;
    if (err === undefined) this.ended = true;
    else if (!this.closed) this.error = err;
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    if (err === undefined || this.closed) w.resolve({ value: undefined, done: true });
    else w.reject(err);
  }

  private take(): Buffer {
    const out = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks.length = 0;
    const wasPaused = this.buffered >= HIGH_WATER_BYTES;
    this.buffered = 0;
    if (wasPaused) this.resumeUpstream?.();
    return out;
  }
}

/**
 * An undici dispatch handler for streamed answers: resolves with an `UpstreamStream` once the status
 * and headers arrive. It replaces `Pool.request`'s Readable body, whose per-chunk events and promises
 * were a large share of a streamed request's CPU.
 */
export class StreamBodyHandler extends CancellableHandler implements Dispatcher.DispatchHandler {
  private stream: UpstreamStream | null = null;
  private settled = false;

  constructor(
    private readonly resolve: (s: UpstreamStream) => void,
    private readonly reject: (e: unknown) => void,
    signal?: CancelSignal,
  ) {
    super(signal);
  }

  protected failQueued(err: Error): void {
    this.onError(err);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void): boolean {
    // undici reports informational answers (102 Processing, 103 Early Hints) here too; the final answer
    // follows on the same request. Resolving on one would hand out a stream no byte ever reaches.
    if (statusCode < 200) return true;
    const stream = new UpstreamStream(statusCode, headersOf(rawHeaders));
    stream.attach((err) => this.abort?.(err), resume);
    this.stream = stream;
    this.settled = true;
    this.resolve(stream);
    return true;
  }

  onData(chunk: Buffer): boolean {
    return this.stream ? this.stream.push(chunk) : true;
  }

  onComplete(): void {
    this.stopListening();
    this.stream?.end();
  }

  onError(err: Error): void {
    this.stopListening();
    if (this.stream) {
      this.stream.end(err);
      return;
    }
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }
}
