// Data-subject rights, the processing register, retention, and the /v1/privacy API for client apps.
import { describe, expect, it } from 'vitest';
import type { PrivacyService } from '../src/privacy/service.js';
import { auditEntries, CIN, chat, key, NAME, PROMPT, setUpPrivacyGatewayApp, t } from './privacy-fixtures.js';

setUpPrivacyGatewayApp();

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
