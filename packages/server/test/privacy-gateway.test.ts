import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { ribKey } from '@khidma/privacy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrivacyService } from '../src/privacy/service.js';
import { createTestApp, type TestApp } from '../src/testing.js';

const RIB = (() => {
  const first = '0117800000123456789012';
  return first + ribKey(first);
})();
const CIN = 'BE472918';
const NAME = 'Khadija Benjelloun';
const PROMPT = `Bonjour, je m'appelle ${NAME}, CIN ${CIN}. Merci de préparer un virement vers le RIB ${RIB}.`;

let up: MockUpstream;
let ma: MockUpstream;
let t: TestApp;
let key: string;

const chat = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/chat/completions',
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: body,
  });

const embed = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/embeddings',
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: body,
  });

const sentUpstream = (m: MockUpstream) => JSON.stringify(m.requests.map((r) => r.body));

function streamedText(payload: string): string {
  let out = '';
  for (const line of payload.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: { delta?: { content?: string } }[] };
    out += chunk.choices?.[0]?.delta?.content ?? '';
  }
  return out;
}

async function auditEntries() {
  await (t.ctx.services.privacy as PrivacyService).flush();
  await t.ctx.flushAudit();
  return t.ctx.auditStore.list({ limit: 1000 });
}

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

describe('privacy guard in the gateway (Loi 09-08)', () => {
  it('sends a provider in the US none of the CIN, RIB and name, and restores them in the answer', async () => {
    const res = await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] });
    expect(res.statusCode).toBe(200);
    const sent = sentUpstream(up);
    for (const value of [CIN, RIB, NAME, 'Benjelloun']) expect(sent).not.toContain(value);
    expect(sent).toContain('⟦CIN_1⟧');
    expect(sent).toContain('⟦RIB_1⟧');
    expect(sent).toContain('⟦PERSON_1⟧');
    const answer = res.json().choices[0].message.content as string;
    expect(answer).toBe(`You said: ${PROMPT}`);
  });

  it('does the same for a streamed answer', async () => {
    const res = await chat({
      model: 'gpt-abroad',
      stream: true,
      messages: [{ role: 'user', content: PROMPT }],
    });
    expect(res.statusCode).toBe(200);
    const sent = sentUpstream(up);
    for (const value of [CIN, RIB, NAME]) expect(sent).not.toContain(value);
    expect(streamedText(res.payload)).toBe(`You said: ${PROMPT}`);
  });

  it('sends personal data unchanged to a provider located in Morocco', async () => {
    const res = await chat({ model: 'sovereign', messages: [{ role: 'user', content: PROMPT }] });
    expect(res.statusCode).toBe(200);
    expect(sentUpstream(ma)).toContain(CIN);
  });

  it('records the decision, legal basis, destination country and data class in the audit chain', async () => {
    await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] });
    const entries = await auditEntries();
    const last = entries.filter((e) => e.provider === 'openai-us').at(-1) as unknown as Record<
      string,
      unknown
    >;
    expect(last).toMatchObject({
      decision: 'pseudonymized',
      dataClass: 'personal',
      destinationCountry: 'US',
    });
    expect(String(last.legalBasis)).toMatch(/09-08/);
    expect(JSON.stringify(entries)).not.toContain(CIN);
  });

  it('refuses sensitive data abroad with a 403 that explains why, and routes it to Morocco when possible', async () => {
    const sensitive = 'Je suis diabétique et séropositif, mon dossier médical est joint.';
    const refused = await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: sensitive }] });
    expect(refused.statusCode).toBe(403);
    const err = refused.json().error;
    expect(err.code).toBe('policy_refused');
    expect(err.message).toMatch(/sensitive data \(health\).*Morocco/);
    expect(err.message).toContain('المغرب');
    expect(up.requests).toHaveLength(0);
    const mixed = await chat({ model: 'mixed', messages: [{ role: 'user', content: sensitive }] });
    expect(mixed.statusCode).toBe(200);
    expect(up.requests).toHaveLength(0);
    expect(ma.requests).toHaveLength(1);
  });

  it('derives sensitive categories from what the user wrote, not from a grounding system prompt', async () => {
    const system =
      "Tu es l'assistant Khidma. Catalogue : CNIE, dépôt au commissariat, prise des empreintes digitales et des données biométriques.";
    const grounded = await chat({
      model: 'gpt-abroad',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Comment renouveler ma CNIE, Mme Khadija Benjelloun ?' },
      ],
    });
    expect(grounded.statusCode).toBe(200);
    // PII is still detected in every message: the name never reaches the provider abroad.
    expect(sentUpstream(up)).not.toContain('Benjelloun');
    expect(sentUpstream(up)).toContain('biométriques');
    const entry = (await auditEntries()).filter((e) => e.provider === 'openai-us').at(-1) as unknown as {
      dataClass: string;
    };
    expect(entry.dataClass).toBe('personal');

    const disclosed = await chat({
      model: 'gpt-abroad',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Je suis séropositif, dois-je le déclarer pour ma CNIE ?' },
      ],
    });
    expect(disclosed.statusCode).toBe(403);
    const fromTool = await chat({
      model: 'gpt-abroad',
      messages: [
        { role: 'user', content: 'Résume mon dossier.' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'dossier', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'Patient diabétique, dossier médical n° 4411.' },
      ],
    });
    expect(fromTool.statusCode).toBe(403);
  });

  it('pseudonymises embedding inputs for a provider abroad: the upstream never receives the CIN', async () => {
    const res = await embed({ model: 'embed-abroad', input: [PROMPT, `Dossier de ${NAME}`] });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toHaveLength(2);
    const sent = sentUpstream(up);
    for (const value of [CIN, RIB, 'Benjelloun']) expect(sent).not.toContain(value);
    expect(sent).toContain('⟦CIN_1⟧');
    // One session per request: the same person gets the same placeholder in every input.
    const inputs = up.requests.at(-1)!.body as { input: string[] };
    expect(inputs.input[1]).toContain('⟦PERSON_1⟧');
    const entry = (await auditEntries())
      .filter((e) => e.endpoint === 'embeddings')
      .at(-1) as unknown as Record<string, unknown>;
    expect(entry).toMatchObject({
      decision: 'pseudonymized',
      dataClass: 'personal',
      destinationCountry: 'US',
    });
  });

  it('keeps sensitive embedding inputs in Morocco, and refuses them with a legal basis when no target is there', async () => {
    const sensitive = 'Je suis diabétique et séropositif.';
    const kept = await embed({ model: 'embed-mixed', input: sensitive });
    expect(kept.statusCode).toBe(200);
    expect(up.requests).toHaveLength(0);
    expect(sentUpstream(ma)).toContain('séropositif');
    const refused = await embed({ model: 'embed-abroad', input: sensitive });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('policy_refused');
    // Token ids cannot be pseudonymised: they do not leave Morocco.
    const tokens = await embed({ model: 'embed-abroad', input: [1, 2, 3] });
    expect(tokens.statusCode).toBe(403);
    expect(up.requests).toHaveLength(0);
  });

  it('gives a refused request its legal basis in the audit chain', async () => {
    await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: 'Je suis séropositif.' }] });
    const entry = (await auditEntries())
      .filter((e) => e.endpoint === 'chat.completions')
      .at(-1) as unknown as Record<string, unknown>;
    expect(entry).toMatchObject({ decision: 'refused', dataClass: 'sensitive' });
    expect(String(entry.legalBasis)).toMatch(/09-08 art\. 21/);
  });

  it('takes the higher of the declared class (x-khidma-data-class) and the detected one', async () => {
    const declared = await chat(
      { model: 'gpt-abroad', messages: [{ role: 'user', content: 'Bonjour' }] },
      { 'x-khidma-data-class': 'sensitive' },
    );
    expect(declared.statusCode).toBe(403);
    const lower = await chat(
      { model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] },
      { 'x-khidma-data-class': 'public' },
    );
    expect(lower.statusCode).toBe(200);
    expect(sentUpstream(up)).not.toContain(CIN);
    const bad = await chat(
      { model: 'gpt-abroad', messages: [{ role: 'user', content: 'x' }] },
      { 'x-khidma-data-class': 'secret' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_data_class');
  });

  it('flags in the audit identifiers in an answer that the request did not contain', async () => {
    up.script({ content: 'Appelez le 0661234567 pour ⟦PERSON_1⟧.' });
    const res = await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] });
    expect(res.json().choices[0].message.content).toBe(`Appelez le 0661234567 pour ${NAME}.`);
    const entries = await auditEntries();
    expect(JSON.stringify(entries.at(-1))).toContain('unexpected_pii:PHONE');
  });

  it('applies an organisation policy that refuses personal data abroad', async () => {
    const strict = await t.createKey({ org: 'strict' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${strict.key}` },
      payload: { model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/personal data/);
  });
});

describe('data-subject rights, register and retention', () => {
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });

  it('finds, exports and erases every stored record tied to a CIN (matched by keyed hash)', async () => {
    await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: `CIN ${CIN}, tél 0661234567` }] });
    await (t.ctx.services.privacy as PrivacyService).flush();
    const found = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/subjects/find',
      headers: admin(),
      payload: { cin: CIN.toLowerCase() },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().data.length).toBeGreaterThan(0);
    const byPhone = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/subjects/find',
      headers: admin(),
      payload: { phone: '+212 6 61 23 45 67' },
    });
    expect(byPhone.json().data.length).toBeGreaterThan(0);
    const exported = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/subjects/export',
      headers: admin(),
      payload: { cin: CIN },
    });
    expect(JSON.stringify(exported.json())).toContain(CIN);
    expect(JSON.stringify(exported.json())).not.toContain(NAME);
    const erased = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/subjects/erase',
      headers: admin(),
      payload: { cin: CIN },
    });
    expect(erased.json().erased_mappings).toBeGreaterThan(0);
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/subjects/find',
      headers: admin(),
      payload: { cin: CIN },
    });
    expect(again.json().data).toEqual([]);
    const entries = await auditEntries();
    const actions = entries.map((e) => {
      const x = e as unknown as { action?: string; endpoint?: string };
      return x.endpoint ?? x.action ?? '';
    });
    expect(actions).toEqual(
      expect.arrayContaining(['privacy.subject_find', 'privacy.subject_export', 'privacy.subject_erase']),
    );
    expect(JSON.stringify(entries)).not.toContain(CIN);
  });

  it('keeps members away from data-subject requests', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/subjects/find',
      headers: { authorization: `Bearer ${key}` },
      payload: { cin: CIN },
    });
    expect(res.statusCode).toBe(403);
  });

  it('exports the processing register in JSON and CSV with transfers abroad and their countries', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/v1/privacy/register', headers: admin() });
    const reg = json.json();
    expect(reg.activities[0].transfersAbroad).toEqual([
      { country: 'US', providers: ['openai-us'], safeguard: expect.stringMatching(/pseudonymisation/) },
    ]);
    expect(reg.activities[0].retention.pseudonymMappingsDays).toBe(90);
    const csv = await t.app.inject({
      method: 'GET',
      url: '/v1/privacy/register?format=csv',
      headers: admin(),
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.payload.split('\r\n')[0]).toContain('"recipient_country"');
    expect(csv.payload).toContain('"openai-us","US","yes"');
  });

  it('purges pseudonym mappings past their TTL and the retention period', async () => {
    await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: `CIN ${CIN}` }] });
    const privacy = t.ctx.services.privacy as PrivacyService;
    await privacy.flush();
    const before = await privacy.store.find({ cin: CIN }, null);
    expect(before.length).toBeGreaterThan(0);
    const r = await privacy.purge(Date.now() + 2 * 3_600_000);
    expect(r.mappings).toBeGreaterThan(0);
    expect(await privacy.store.find({ cin: CIN }, null)).toEqual([]);
  });
});

describe('/v1/privacy for client applications', () => {
  const auth = () => ({ authorization: `Bearer ${key}` });

  it('analyses a text: data class, types, sensitive categories and offsets', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/analyze',
      headers: auth(),
      payload: { text: `smiti ${NAME}, cin ${CIN}` },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data_class).toBe('personal');
    expect(body.entities.map((e: { type: string }) => e.type)).toEqual(['PERSON', 'CIN']);
  });

  it('pseudonymises with a server-side session and restores with it', async () => {
    const p = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/pseudonymize',
      headers: auth(),
      payload: { text: PROMPT },
    });
    const body = p.json();
    expect(body.text).not.toContain(CIN);
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/pseudonymize',
      headers: auth(),
      payload: { text: `rappel ${CIN}`, session_id: body.session_id },
    });
    expect(again.json().text).toBe('rappel ⟦CIN_1⟧');
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/restore',
      headers: auth(),
      payload: { text: 'OK [[ cin_1 ]]', session_id: body.session_id },
    });
    expect(r.json().text).toBe(`OK ${CIN}`);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/restore',
      headers: auth(),
      payload: { text: 'x', session_id: 'nope' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('rejects malformed bodies with an OpenAI-shaped error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/privacy/analyze',
      headers: auth(),
      payload: { txt: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toHaveProperty('message');
  });
});
