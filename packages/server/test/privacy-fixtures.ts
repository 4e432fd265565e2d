/**
 * The app both privacy spec files run against: one provider in the US and one in Morocco, chat and
 * embedding models on each and on both, and an organisation whose policy refuses personal data abroad.
 * Bindings below are live: they hold the app once setUpPrivacyGatewayApp's beforeAll has run.
 */
import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { ribKey } from '@khidma/privacy';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { PrivacyService } from '../src/privacy/service.js';
import { createTestApp, type TestApp } from '../src/testing.js';

export const RIB = (() => {
  const first = '0117800000123456789012';
  return first + ribKey(first);
})();
export const CIN = 'BE472918';
export const NAME = 'Khadija Benjelloun';
export const PROMPT = `Bonjour, je m'appelle ${NAME}, CIN ${CIN}. Merci de préparer un virement vers le RIB ${RIB}.`;

export let up: MockUpstream;
export let ma: MockUpstream;
export let t: TestApp;
export let key: string;

/** A POST to `url` with the test key (extra headers such as x-khidma-data-class added). */
const postWithKey =
  (url: string) =>
  (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${key}`, ...headers },
      payload: body,
    });

export const chat = postWithKey('/v1/chat/completions');
export const embed = postWithKey('/v1/embeddings');

export const sentUpstream = (m: MockUpstream) => JSON.stringify(m.requests.map((r) => r.body));

export function streamedText(payload: string): string {
  let out = '';
  for (const line of payload.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: { delta?: { content?: string } }[] };
    out += chunk.choices?.[0]?.delta?.content ?? '';
  }
  return out;
}

export async function auditEntries() {
  await (t.ctx.services.privacy as PrivacyService).flush();
  await t.ctx.flushAudit();
  return t.ctx.auditStore.list({ limit: 1000 });
}

/** Registers the hooks that start the app and the two mock upstreams, and reset the upstreams per test. */
export function setUpPrivacyGatewayApp(): void {
  beforeAll(async () => {
    up = await startMockUpstream();
    ma = await startMockUpstream();
    t = await createTestApp({
      config: {
        providers: [
          { id: 'openai-us', type: 'openai-compatible', baseUrl: up.url, location: 'US' },
          { id: 'local-ma', type: 'openai-compatible', baseUrl: ma.url, location: 'MA' },
        ],
        models: [
          { id: 'gpt-abroad', targets: [{ provider: 'openai-us', model: 'gpt-4o-mini' }] },
          { id: 'sovereign', targets: [{ provider: 'local-ma', model: 'qwen2.5:7b' }] },
          {
            id: 'embed-abroad',
            type: 'embeddings',
            targets: [{ provider: 'openai-us', model: 'text-embedding-3-small' }],
          },
          {
            id: 'embed-mixed',
            type: 'embeddings',
            targets: [
              { provider: 'openai-us', model: 'text-embedding-3-small', weight: 100 },
              { provider: 'local-ma', model: 'bge-m3', weight: 1 },
            ],
          },
          {
            id: 'mixed',
            targets: [
              { provider: 'openai-us', model: 'gpt-4o-mini', weight: 100 },
              { provider: 'local-ma', model: 'qwen2.5:7b', weight: 1 },
            ],
          },
        ],
        privacy: { organisations: { strict: { personalAbroad: 'refuse' } } },
      },
    });
    key = (await t.createKey({ org: 'default' })).key;
  });
  afterAll(async () => {
    await t?.close();
    await up?.close();
    await ma?.close();
  });
  beforeEach(() => {
    up.reset();
    ma.reset();
  });
}
