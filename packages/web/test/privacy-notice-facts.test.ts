import { createTestApp, type TestApp } from '@khidma/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from './helpers/ensure-build.js';

/** The citizen privacy notice states what the instance's configuration says, not fixed defaults. */
describe('privacy notice facts served with the citizen app', () => {
  let t: TestApp;
  beforeAll(async () => {
    await ensureWebBuild();
    t = await createTestApp({
      config: {
        providers: [
          { id: 'local', type: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', location: 'MA' },
          {
            id: 'eu',
            type: 'openai-compatible',
            baseUrl: 'http://127.0.0.1:9/v1',
            location: 'FR',
            dataClasses: ['public', 'internal', 'personal', 'sensitive'],
          },
        ],
        models: [{ id: 'chat', targets: [{ provider: 'local', model: 'm' }] }],
        privacy: {
          defaults: { retentionDays: 30, personalAbroad: 'refuse' },
          register: { controller: 'Wilaya de la région Rabat-Salé-Kénitra', contact: 'dpo@rabat.example.ma' },
        },
      },
    });
  });
  afterAll(() => t?.close());

  it('states the configured controller, contact, retention and what each provider may receive', async () => {
    const res = await t.app.inject({ url: '/?lang=fr' });
    expect(res.statusCode).toBe(200);
    const boot = /id="khidma-boot">(.*?)<\/script>/s.exec(res.body)?.[1] ?? '{}';
    const { privacy } = JSON.parse(boot);
    expect(privacy.retentionDays).toBe(30);
    expect(privacy.controller).toBe('Wilaya de la région Rabat-Salé-Kénitra');
    expect(privacy.contact).toBe('dpo@rabat.example.ma');
    expect(privacy.providers).toEqual([
      { id: 'local', location: 'MA', dataClasses: ['public', 'internal', 'personal', 'sensitive'] },
      // personalAbroad: refuse, and sensitive data stays in Morocco even if the provider accepts it.
      { id: 'eu', location: 'FR', dataClasses: ['public', 'internal'] },
    ]);
  });
});
