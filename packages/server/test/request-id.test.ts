import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';

/** Every response names its request (support asks for it), errors included. */
describe('x-request-id on every response', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      bodyLimit: 2048,
      setup: (app) => {
        app.post('/v1/echo', async (request) => ({ ok: request.body }));
        app.get('/v1/boom', async () => {
          throw new Error('boom');
        });
      },
    });
  });
  afterAll(() => t.close());

  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });
  const cases: [string, () => Promise<{ statusCode: number; headers: Record<string, unknown> }>, number][] = [
    ['401', () => t.app.inject({ method: 'GET', url: '/v1/models' }), 401],
    ['404', () => t.app.inject({ method: 'GET', url: '/v1/nope', headers: auth() }), 404],
    [
      '400',
      () =>
        t.app.inject({
          method: 'POST',
          url: '/v1/echo',
          payload: '{"a":',
          headers: { ...auth(), 'content-type': 'application/json' },
        }),
      400,
    ],
    [
      '413',
      () =>
        t.app.inject({
          method: 'POST',
          url: '/v1/echo',
          payload: JSON.stringify({ a: 'x'.repeat(5000) }),
          headers: { ...auth(), 'content-type': 'application/json' },
        }),
      413,
    ],
    ['500', () => t.app.inject({ method: 'GET', url: '/v1/boom', headers: auth() }), 500],
    ['200', () => t.app.inject({ method: 'GET', url: '/v1/models', headers: auth() }), 200],
  ];
  for (const [name, send, status] of cases) {
    it(`on a ${name}`, async () => {
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  }
});
