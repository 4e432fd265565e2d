import { type Dispatcher, Pool } from 'undici';
import { GatewayError } from '../errors.js';
import type { CancelSignal } from '../routing/cancel.js';
import { StreamBodyHandler, type UpstreamStream } from './stream-body.js';
import type { Timeouts } from './types.js';
import { WholeBodyHandler, type WholeResponse } from './whole-body.js';

export interface UpstreamHttpOptions {
  baseUrl: string;
  headers: Record<string, string>;
  connections: number;
  connectTimeoutMs: number;
}

/**
 * One keep-alive undici Pool per provider origin (ADR 0010). Pools are created once at start-up and
 * reused, so the hot path never pays for a TCP or TLS handshake.
 */
export class UpstreamHttp {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly headers: Record<string, string>;

  constructor(
    readonly providerId: string,
    opts: UpstreamHttpOptions,
  ) {
    const url = new URL(opts.baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.headers = { 'content-type': 'application/json', ...opts.headers };
    this.pool = new Pool(url.origin, {
      connections: opts.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connect: { timeout: opts.connectTimeoutMs },
    });
  }

  /** A POST whose answer is read as it arrives (streamed completions). */
  postStream(path: string, json: string, timeouts: Timeouts, signal?: CancelSignal): Promise<UpstreamStream> {
    return new Promise<UpstreamStream>((resolve, reject) => {
      this.pool.dispatch(this.request(path, json, timeouts), new StreamBodyHandler(resolve, reject, signal));
    }).catch((e: unknown) => {
      throw mapTransportError(e, this.providerId, signal);
    });
  }

  /** A POST whose whole answer is wanted at once (non-streamed completions, embeddings, errors). */
  postWhole(path: string, json: string, timeouts: Timeouts, signal?: CancelSignal): Promise<WholeResponse> {
    return new Promise<WholeResponse>((resolve, reject) => {
      this.pool.dispatch(this.request(path, json, timeouts), new WholeBodyHandler(resolve, reject, signal));
    }).catch((e: unknown) => {
      throw mapTransportError(e, this.providerId, signal);
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private request(path: string, json: string, timeouts: Timeouts): Dispatcher.DispatchOptions {
    return {
      method: 'POST',
      path: this.basePath + path,
      headers: this.headers,
      body: json,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    };
  }
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Maps undici/socket failures to retryable gateway errors; client aborts stay AbortErrors. */
export function mapTransportError(e: unknown, providerId: string, signal?: CancelSignal): unknown {
  if (e instanceof GatewayError) return e;
  if (signal?.aborted) {
    const err = new Error('Request aborted by the client');
    err.name = 'AbortError';
    return err;
  }
  const code = (e as { code?: string })?.code ?? '';
  if (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return new GatewayError(504, `Upstream provider '${providerId}' timed out`, {
      code: 'upstream_timeout',
      retryable: true,
      cause: e,
    });
  }
  if (CONNECT_CODES.has(code) || code.startsWith('UND_ERR')) {
    return new GatewayError(502, `Upstream provider '${providerId}' is unreachable`, {
      code: 'upstream_connect_error',
      retryable: true,
      cause: e,
    });
  }
  return new GatewayError(502, `Upstream provider '${providerId}' failed`, {
    code: 'upstream_error',
    retryable: true,
    cause: e,
  });
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(v);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
