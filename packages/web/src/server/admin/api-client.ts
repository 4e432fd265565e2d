import type { FastifyInstance } from 'fastify';

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string };

/**
 * The console talks to the platform through its own HTTP admin API (in-process, via Fastify's inject),
 * with the signed-in credential. Authorisation therefore stays in one place: an org-admin sees in the
 * console exactly what the API lets that key see.
 */
export class AdminApi {
  constructor(
    private readonly app: FastifyInstance,
    private readonly credential: string,
  ) {}

  async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<ApiResult<T>> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${this.credential}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.statusCode >= 200 && response.statusCode < 300) {
      const type = String(response.headers['content-type'] ?? '');
      const data = type.includes('json') ? (response.json() as T) : (response.body as unknown as T);
      return { ok: true, status: response.statusCode, data };
    }
    let message = `HTTP ${response.statusCode}`;
    try {
      const parsed = response.json() as { error?: { message?: string } | string; message?: string };
      message =
        (typeof parsed.error === 'object' ? parsed.error?.message : parsed.error) ??
        parsed.message ??
        message;
    } catch {
      // Keep the status line for non-JSON bodies.
    }
    return { ok: false, status: response.statusCode, message };
  }

  get<T>(url: string): Promise<ApiResult<T>> {
    return this.request<T>('GET', url);
  }

  post<T>(url: string, body: unknown = {}): Promise<ApiResult<T>> {
    return this.request<T>('POST', url, body);
  }

  /** First endpoint that exists among candidates (APIs of other packages may still be landing). */
  async getFirst<T>(urls: string[]): Promise<ApiResult<T>> {
    let last: ApiResult<T> = { ok: false, status: 404, message: 'not found' };
    for (const url of urls) {
      last = await this.get<T>(url);
      if (last.ok || last.status !== 404) return last;
    }
    return last;
  }
}

/** `{ object: 'list', data: [...] }` or a bare array → array. */
export function listOf<T>(payload: unknown): T[] {
  if (Array.isArray(payload)) return payload as T[];
  if (payload && typeof payload === 'object') {
    const obj = payload as Record<string, unknown>;
    for (const key of ['data', 'items', 'entries', 'results']) {
      if (Array.isArray(obj[key])) return obj[key] as T[];
    }
  }
  return [];
}
