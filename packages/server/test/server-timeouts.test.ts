import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';

describe('HTTP server timeouts', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('bounds request, header and keep-alive times by default (slow clients cannot hold sockets forever)', async () => {
    const t = await createTestApp();
    apps.push(t);
    const server = t.app.server;
    expect(server.requestTimeout).toBe(60_000);
    expect(server.headersTimeout).toBe(20_000);
    expect(server.keepAliveTimeout).toBe(72_000);
  });

  it('takes the timeouts from the config and never waits longer for headers than for the whole request', async () => {
    const t = await createTestApp({
      config: { server: { requestTimeoutMs: 5_000, headersTimeoutMs: 9_000, keepAliveTimeoutMs: 30_000 } },
    });
    apps.push(t);
    expect(t.app.server.requestTimeout).toBe(5_000);
    expect(t.app.server.headersTimeout).toBe(5_000);
    expect(t.app.server.keepAliveTimeout).toBe(30_000);
  });
});
