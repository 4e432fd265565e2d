import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** OpenAI's error body, used by every JSON API of Khidma (/v1, /admin/v1 and the others). */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
};

export function errorTypeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** An error that already knows its HTTP status and OpenAI-shaped body. Throw it from any route. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(
    statusCode: number,
    message: string,
    opts: {
      type?: string;
      param?: string | null;
      code?: string | null;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.type = opts.type ?? errorTypeFor(statusCode);
    this.param = opts.param ?? null;
    this.code = opts.code ?? null;
    this.headers = opts.headers ?? {};
  }

  toBody(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const badRequest = (message: string, param: string | null = null, code = 'invalid_request') =>
  new ApiError(400, message, { param, code });
export const unauthorized = (message = 'Missing or invalid API key.', code = 'invalid_api_key') =>
  new ApiError(401, message, { code });
export const forbidden = (message: string, code = 'forbidden') => new ApiError(403, message, { code });
export const notFound = (message: string, code = 'not_found', param: string | null = null) =>
  new ApiError(404, message, { code, param });

/** Path of a zod issue as OpenAI names params: `messages[0].content`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Validates `value` with a zod schema; on failure throws a 400 naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const issue = res.error.issues[0]!;
  const param = issuePath(issue.path) || null;
  const message = param
    ? `Invalid value for '${param}': ${issue.message}`
    : `Invalid ${where}: ${issue.message}`;
  throw new ApiError(400, message, { param, code: 'invalid_value' });
}

/** Turns any thrown error into the OpenAI shape; 5xx details stay in the (redacted) log only. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const apiErr = toApiError(err);
    if (apiErr.statusCode >= 500) request.log.error({ err: scrubError(err) }, 'request failed');
    for (const [k, v] of Object.entries(apiErr.headers)) reply.header(k, v);
    return reply.status(apiErr.statusCode).send(apiErr.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const err = notFound(`Unknown endpoint: ${request.method} ${request.url.split('?')[0]}`, 'unknown_url');
    return reply.status(404).send(err.toBody());
  });
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as FastifyError & { validation?: { instancePath?: string; message?: string }[] };
  const status = typeof e.statusCode === 'number' && e.statusCode >= 400 ? e.statusCode : 500;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'Request body is too large.', { code: 'request_too_large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'Unsupported Content-Type; send application/json.', {
        code: 'unsupported_media_type',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'The request body is empty; a JSON object is expected.', {
        code: 'invalid_json',
      });
  }
  if (e.validation?.length) {
    const v = e.validation[0]!;
    const param = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || null;
    return new ApiError(400, `Invalid value${param ? ` for '${param}'` : ''}: ${v.message ?? 'invalid'}`, {
      param,
      code: 'invalid_value',
    });
  }
  if (status >= 500) return new ApiError(status, 'Internal server error.', { code: 'internal_error' });
  return new ApiError(status, e.message || 'Request failed.', { code: e.code ?? null });
}

const scrubbed = new WeakSet<object>();

/**
 * A loggable copy of an error without the data it may carry: drizzle's "Failed query" errors embed
 * the bound parameters (names, comments, prompt fragments) in their message and stack, and pino's
 * default serializer would also copy every enumerable field (request bodies of HTTP client errors).
 */
export function scrubError(err: unknown, depth = 0): Record<string, unknown> {
  // Already scrubbed (the root logger's serializer sees what a request logger passed on).
  if (scrubbed.has(err as object)) return err as Record<string, unknown>;
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown' };
  const strip = (text: string | undefined) =>
    text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  const out: Record<string, unknown> = {
    type: e.name,
    message: strip(e.message),
    stack: strip(e.stack),
  };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (e.cause !== undefined && depth < 3) out.cause = scrubError(e.cause, depth + 1);
  scrubbed.add(out);
  return out;
}
