import type { Dispatcher } from 'undici';
import type { CancelSignal } from '../routing/cancel.js';
import { CancellableHandler } from './cancellable-handler.js';

/** Response headers with lower-cased names; repeated names become arrays. */
export type UpstreamHeaders = Record<string, string | string[] | undefined>;

/** A complete upstream answer: status, headers and the body decoded as UTF-8. */
export interface WholeResponse {
  statusCode: number;
  headers: UpstreamHeaders;
  text: string;
}

/** Upstream bodies larger than this are refused rather than buffered (a misbehaving server). */
export const MAX_UPSTREAM_BODY_BYTES = 128 * 1024 * 1024;

/**
 * An undici dispatch handler that buffers the whole body. Non-streamed answers are read in full before
 * anything is done with them, so the stream machinery of `Pool.request` (a Readable body, an async
 * resource, a promise per read) is pure overhead on the gateway's hot path.
 */
export class WholeBodyHandler extends CancellableHandler implements Dispatcher.DispatchHandler {
  private statusCode = 0;
  private headers: UpstreamHeaders = {};
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private settled = false;

  constructor(
    private readonly resolve: (r: WholeResponse) => void,
    private readonly reject: (e: unknown) => void,
    signal?: CancelSignal,
  ) {
    super(signal);
  }

  protected failQueued(err: Error): void {
    this.fail(err);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.statusCode = statusCode;
    this.headers = headersOf(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.bytes > MAX_UPSTREAM_BODY_BYTES) {
      this.abort?.(
        Object.assign(new Error('Upstream body too large'), { code: 'UND_ERR_RES_EXCEEDED_MAX_SIZE' }),
      );
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.settled = true;
    this.stopListening();
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    // A leading UTF-8 byte order mark is dropped, as undici's body.text() does (JSON.parse rejects it).
    const bom = body.length > 2 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    this.resolve({
      statusCode: this.statusCode,
      headers: this.headers,
      text: body.toString('utf8', bom),
    });
  }

  onError(err: Error): void {
    this.fail(err);
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.stopListening();
    this.reject(err);
  }
}

/** Raw header pairs → lower-cased names; repeated names become arrays (as Node and undici do). */
export function headersOf(raw: Buffer[]): UpstreamHeaders {
  const out: UpstreamHeaders = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const prev = out[name];
    if (prev === undefined) out[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[name] = [prev, value];
  }
  return out;
}
