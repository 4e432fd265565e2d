import { GatewayError } from '../errors.js';
import { retryAfterMs } from './http.js';

interface Normalised {
  message: string;
  param: string | null;
  code: string | null;
}

/**
 * Normalises provider error bodies to OpenAI's shape. Understands OpenAI's `{error:{…}}`, Mistral's
 * `{object:'error', message, type, code}` and FastAPI-style 422 `{detail:[{loc, msg}]}` arrays.
 */
export function normaliseErrorBody(text: string): Normalised {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) || 'Upstream error', param: null, code: null };
  }
  if (typeof body !== 'object' || body === null) return { message: String(body), param: null, code: null };
  const b = body as Record<string, unknown>;
  const err = b.error;
  if (typeof err === 'object' && err !== null) {
    const e = err as Record<string, unknown>;
    return {
      message: typeof e.message === 'string' ? e.message : 'Upstream error',
      param: typeof e.param === 'string' ? e.param : null,
      code: e.code === undefined || e.code === null ? null : String(e.code),
    };
  }
  if (typeof err === 'string') return { message: err, param: null, code: null };
  if (Array.isArray(b.detail) && b.detail.length > 0) {
    const d = b.detail[0] as { loc?: unknown[]; msg?: string; type?: string };
    const loc = Array.isArray(d.loc) ? d.loc.filter((x) => x !== 'body') : [];
    const param = loc.length > 0 ? formatLoc(loc) : null;
    return { message: d.msg ?? 'Invalid request', param, code: d.type ?? null };
  }
  if (typeof b.detail === 'string') return { message: b.detail, param: null, code: null };
  if (typeof b.message === 'object' && b.message !== null) {
    // Mistral wraps FastAPI validation details: {object:'error', message:{detail:[…]}}
    const inner = normaliseErrorBody(JSON.stringify(b.message));
    return {
      ...inner,
      code: inner.code ?? (b.code === undefined || b.code === null ? null : String(b.code)),
    };
  }
  if (typeof b.message === 'string') {
    // Mistral: message may itself be a JSON-encoded detail object.
    const inner = b.message.startsWith('{') ? safeDetail(b.message) : null;
    return {
      message: inner?.message ?? b.message,
      param: inner?.param ?? (typeof b.param === 'string' ? b.param : null),
      code: b.code === undefined || b.code === null ? null : String(b.code),
    };
  }
  return { message: 'Upstream error', param: null, code: null };
}

function safeDetail(text: string): Normalised | null {
  try {
    const n = normaliseErrorBody(text);
    return n.message === 'Upstream error' ? null : n;
  } catch {
    return null;
  }
}

/** `['messages', 0, 'content']` → `messages[0].content` (OpenAI's param notation). */
function formatLoc(loc: unknown[]): string {
  let out = '';
  for (const part of loc) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Turns a non-2xx upstream answer into the error the client (or the router) sees. */
export function upstreamError(
  providerId: string,
  status: number,
  text: string,
  headers: Record<string, string | string[] | undefined>,
): GatewayError {
  const n = normaliseErrorBody(text);
  if (status === 429) {
    const wait = retryAfterMs(headers['retry-after']);
    return new GatewayError(429, `Upstream provider '${providerId}' is rate limited: ${n.message}`, {
      code: 'upstream_rate_limited',
      retryable: true,
      retryAfterMs: wait,
      // Passed on to the client if no other target could answer.
      headers: wait === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
    });
  }
  if (status >= 500 || status === 408) {
    return new GatewayError(
      status === 408 || status === 504 ? 504 : 502,
      `Upstream provider '${providerId}' failed (${status}): ${n.message}`,
      {
        code: status === 408 || status === 504 ? 'upstream_timeout' : 'upstream_error',
        retryable: true,
      },
    );
  }
  if (status === 401 || status === 403) {
    // The gateway's own provider credentials are wrong: not the client's fault, another target may work.
    return new GatewayError(502, `Upstream provider '${providerId}' rejected the gateway's credentials`, {
      code: 'upstream_auth_error',
      fallback: true,
    });
  }
  if (status === 404) {
    return new GatewayError(502, `Upstream provider '${providerId}' does not serve the configured model`, {
      code: 'upstream_model_not_found',
      fallback: true,
    });
  }
  return new GatewayError(status === 413 ? 413 : 400, n.message, {
    type: 'invalid_request_error',
    code: n.code ?? 'upstream_invalid_request',
    param: n.param,
  });
}
