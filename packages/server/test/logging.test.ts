import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createContext, createLogger } from '../src/bootstrap.js';
import { resolveConfig } from '../src/config/load.js';

/** What an operator's log collector would receive: every line the server writes, parsed. */
describe('logs never carry credentials, query values or bound SQL parameters', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const adminToken = 'khadm_logging_suite_token_0123456789';
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    const env = { KHIDMA_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'info', KHIDMA_KB_SEED: '0' };
    const ctx = await createContext({
      config: resolveConfig({}, env),
      env,
      database: { url: '', dataDir: 'memory://' },
      logger: createLogger(env, sink),
    });
    app = await buildApp(ctx, { logRequests: true });
    app.get('/test/failing-query', async () => {
      // The shape of drizzle's DrizzleQueryError message.
      throw new Error('Failed query: insert into t (name) values ($1)\nparams: Fatima Zahra El Idrissi');
    });
    await app.ready();
  });
  afterAll(() => app?.close());

  it('logs each request by path only, without the query string or the Authorization header', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/models?q=Mohamed%20Alaoui%20CIN%20AB123456',
      headers: { authorization: `Bearer ${adminToken}`, cookie: 'session=secret-cookie' },
    });
    expect(res.statusCode).toBe(200);
    const text = lines.join('');
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.http?.path === '/v1/models');
    expect(line).toMatchObject({ http: { method: 'GET', status: 200 }, msg: 'request completed' });
    expect(text).not.toContain('AB123456');
    expect(text).not.toContain('Alaoui');
    expect(text).not.toContain(adminToken);
    expect(text).not.toContain('secret-cookie');
  });

  it('logs a failed database query without its bound parameters, and answers 500 without details', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/failing-query' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Failed query');
    const text = lines.join('');
    expect(text).toContain('params: [redacted]');
    expect(text).not.toContain('Fatima');
  });
});
