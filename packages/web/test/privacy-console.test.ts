import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { createTestApp, type TestApp } from '@khidma/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('GET /admin/v1/console/privacy (console aggregates)', () => {
  let t: TestApp;
  let upstream: MockUpstream;
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    upstream = await startMockUpstream();
    t = await createTestApp({
      config: {
        providers: [
          {
            id: 'eu',
            type: 'openai-compatible',
            baseUrl: upstream.url,
            location: 'FR',
            dataClasses: ['public', 'internal', 'personal'],
          },
        ],
        models: [{ id: 'chat', targets: [{ provider: 'eu', model: 'small' }] }],
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await upstream?.close();
  });

  it('counts identifiers by type and pseudonymised transfers by destination country, without values', async () => {
    const { key } = await t.createKey({ org: 'rabat', role: 'org-admin' });
    const chat = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: bearer(key),
      payload: {
        model: 'chat',
        messages: [{ role: 'user', content: 'Salam, CIN dyali BE123456 w tel 0612345678' }],
      },
    });
    expect(chat.statusCode).toBe(200);
    await t.ctx.flushAudit();
    const res = await t.app.inject({ url: '/admin/v1/console/privacy', headers: bearer(key) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.transfers_by_country).toEqual({ FR: 1 });
    expect(body.detections_by_type.CIN).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(body)).not.toContain('BE123456');
  });

  it('shows an org-admin only its own organisation', async () => {
    const { key } = await t.createKey({ org: 'fes', role: 'org-admin' });
    const res = await t.app.inject({ url: '/admin/v1/console/privacy', headers: bearer(key) });
    expect(res.json().transfers_by_country).toEqual({});
  });

  it('refuses member keys', async () => {
    const { key } = await t.createKey({ org: 'fes', role: 'member' });
    expect((await t.app.inject({ url: '/admin/v1/console/privacy', headers: bearer(key) })).statusCode).toBe(
      403,
    );
  });
});
