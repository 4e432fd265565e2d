import type { OpenAIErrorBody } from './types/openai.js';

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'upstream_error'
  | 'timeout_error'
  | 'policy_error';

export interface GatewayErrorOptions {
  type?: ErrorType;
  code?: string | null;
  param?: string | null;
  /** Extra response headers (Retry-After, x-ratelimit-*). */
  headers?: Record<string, string>;
  /** Whether the router may retry the same target (with backoff) and then fall back. */
  retryable?: boolean;
  /** Whether the router may try the next target (defaults to `retryable`). */
  fallback?: boolean;
  /** Upstream's Retry-After, in ms. */
  retryAfterMs?: number;
  cause?: unknown;
}

const DEFAULT_TYPE: Record<number, ErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  413: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
  504: 'timeout_error',
};

/** An error that knows its HTTP status and how to render itself in OpenAI's error shape. */
export class GatewayError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Record<string, string>;
  readonly retryable: boolean;
  readonly fallback: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(status: number, message: string, opts: GatewayErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'GatewayError';
    this.status = status;
    this.type = opts.type ?? DEFAULT_TYPE[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
    this.code = opts.code ?? null;
    this.param = opts.param ?? null;
    this.headers = opts.headers ?? {};
    this.retryable = opts.retryable ?? false;
    this.fallback = opts.fallback ?? this.retryable;
    this.retryAfterMs = opts.retryAfterMs;
  }

  toJSON(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;

export const invalidRequest = (message: string, param: string | null, code = 'invalid_value') =>
  new GatewayError(400, message, { param, code });

export const modelNotFound = (model: string) =>
  new GatewayError(404, `The model '${model}' does not exist or you do not have access to it.`, {
    code: 'model_not_found',
    param: 'model',
  });

/** Turns anything thrown into a GatewayError without leaking internals to the client. */
export function toGatewayError(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  if (e instanceof Error && e.name === 'AbortError') {
    return new GatewayError(499, 'Request aborted by the client', {
      code: 'client_aborted',
      type: 'api_error',
    });
  }
  return new GatewayError(500, 'Internal gateway error', { code: 'internal_error', cause: e });
}
