import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow } from '../src/errors.js';
import { locateJsonError } from '../src/json-body.js';
import { createTestApp, type TestApp } from '../src/testing.js';

describe('error responses follow the OpenAI shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      bodyLimit: 2048,
      setup: (app) => {
        app.post('/v1/echo', async (request) => {
          const body = parseOrThrow(
            z.object({ model: z.string(), messages: z.array(z.object({ content: z.string() })) }),
            request.body,
          );
          return { ok: body.model };
        });
      },
    });
  });
  afterAll(() => t.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/echo',
      payload,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}`, ...headers },
    });

  it('answers malformed JSON with 400 naming where it broke, without echoing the body', async () => {
    const res = await post('{"model":"x","messages":[{"content": "secret 0612345678" ]}');
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_json',
      param: 'messages[0].content',
    });
    expect(err.message).not.toContain('0612345678');
  });

  it('answers a wrong field type with 400 naming the field', async () => {
    const res = await post(JSON.stringify({ model: 'x', messages: [{ content: 42 }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ param: 'messages[0].content', code: 'invalid_value' });
  });

  it('answers an oversized body with 413', async () => {
    const res = await post(JSON.stringify({ model: 'x', messages: [{ content: 'a'.repeat(5000) }] }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' });
  });

  it('answers a missing key with 401 and an unknown key with 401', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/v1/anything' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.type).toBe('authentication_error');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/v1/anything',
      headers: { authorization: 'Bearer kh_nope_nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_api_key');
  });

  it('answers an unknown endpoint with 404 in the same shape', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/nowhere',
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ type: 'not_found_error', code: 'unknown_url' });
  });

  it('requires a key on /v1 and /admin routes however the path is percent-encoded', async () => {
    for (const url of ['/%61dmin/v1/me', '/%761/usage', '/admin/v1/models']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('answers an unknown model with 404 when no provider is configured', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${t.adminToken}` },
      payload: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'model_not_found', param: 'model' });
  });

  it('keeps /health public', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', status: 'ok' } });
  });
});

describe('locating a JSON syntax error', () => {
  it.each([
    ['{"a":}', 'a'],
    ['{"a":{"b":[1,2,x]}}', 'a.b[2]'],
    ['[{"x":1},{"y":tru}]', '[1].y'],
    ['{"a":1,}', 'a'],
  ])('%s breaks at %s', (text, path) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text).path).toBe(path);
  });
});
