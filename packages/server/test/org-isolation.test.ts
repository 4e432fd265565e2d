import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';

/**
 * "A key never sees another organisation's data": every admin, usage and audit route is called
 * by organisation A's keys with organisation B's ids, and must refuse or hide them.
 */
describe('organisation isolation on the admin, usage and audit APIs', () => {
  let t: TestApp;
  let upstream: MockUpstream;
  let a: { key: string; keyId: string; orgId: string };
  let aMember: { key: string; keyId: string; orgId: string };
  let b: { key: string; keyId: string; orgId: string };
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const get = (key: string, url: string) => t.app.inject({ method: 'GET', url, headers: as(key) });

  beforeAll(async () => {
    upstream = await startMockUpstream();
    t = await createTestApp({
      config: {
        providers: [{ id: 'local', type: 'openai-compatible', baseUrl: upstream.url, location: 'MA' }],
        models: [{ id: 'chat', targets: [{ provider: 'local', model: 'qwen2.5:7b' }] }],
      },
    });
    a = await t.createKey({ org: 'iso-a', role: 'org-admin' });
    aMember = await t.createKey({ org: 'iso-a', role: 'member' });
    b = await t.createKey({ org: 'iso-b', role: 'org-admin' });
    for (const k of [a, aMember, b]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: as(k.key),
        payload: { model: 'chat', messages: [{ role: 'user', content: 'Salam' }] },
      });
      expect(res.statusCode).toBe(200);
    }
    await t.ctx.flushAudit();
  });
  afterAll(async () => {
    await t?.close();
    await upstream?.close();
  });

  it('hides another organisation’s keys from an org-admin: listing, reading, changing and revoking', async () => {
    const list = await get(a.key, '/admin/v1/keys');
    const ids = list.json().data.map((k: { id: string }) => k.id);
    expect(ids).toContain(a.keyId);
    expect(ids).not.toContain(b.keyId);
    expect((await get(a.key, `/admin/v1/keys?org_id=${b.orgId}`)).statusCode).toBe(403);
    expect((await get(a.key, `/admin/v1/keys/${b.keyId}`)).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/admin/v1/keys/${b.keyId}`,
      headers: as(a.key),
      payload: { name: 'taken over' },
    });
    expect(patch.statusCode).toBe(404);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/admin/v1/keys/${b.keyId}/revoke`,
      headers: as(a.key),
    });
    expect(revoke.statusCode).toBe(404);
    expect((await get(b.key, '/admin/v1/me')).statusCode).toBe(200);
  });

  it('refuses to create a key in another organisation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/keys',
      headers: as(a.key),
      payload: { name: 'intruder', org_id: b.orgId },
    });
    expect(res.statusCode).toBe(403);
  });

  it('shows an organisation only its own record', async () => {
    const list = await get(a.key, '/admin/v1/orgs');
    expect(list.json().data.map((o: { id: string }) => o.id)).toEqual([a.orgId]);
    expect((await get(a.key, `/admin/v1/orgs/${b.orgId}`)).statusCode).toBe(403);
    expect((await get(aMember.key, '/admin/v1/orgs/iso-b')).statusCode).toBe(403);
  });

  it('limits usage to the caller’s organisation (org-admin) or own key (member)', async () => {
    const own = await get(a.key, '/v1/usage?group_by=key');
    expect(own.statusCode).toBe(200);
    const keys = own.json().data.map((r: { key_id: string }) => r.key_id);
    expect(keys.sort()).toEqual([a.keyId, aMember.keyId].sort());
    expect((await get(a.key, `/v1/usage?org_id=${b.orgId}`)).statusCode).toBe(403);
    expect((await get(a.key, `/v1/usage?key_id=${b.keyId}`)).statusCode).toBe(403);
    expect((await get(aMember.key, `/v1/usage?key_id=${a.keyId}`)).statusCode).toBe(403);
    const mine = await get(aMember.key, '/admin/v1/usage?group_by=key');
    expect(mine.json().data.map((r: { key_id: string }) => r.key_id)).toEqual([aMember.keyId]);
  });

  it('limits the audit log to the caller’s organisation and keeps members and verification out', async () => {
    const list = await get(a.key, '/admin/v1/audit');
    expect(list.statusCode).toBe(200);
    const orgIds = new Set(list.json().data.map((e: { actor: { orgId: string } }) => e.actor.orgId));
    expect([...orgIds]).toEqual([a.orgId]);
    const byKey = await get(a.key, `/admin/v1/audit?key_id=${b.keyId}`);
    expect(byKey.json().data).toEqual([]);
    expect((await get(a.key, `/admin/v1/audit?org_id=${b.orgId}`)).statusCode).toBe(403);
    expect((await get(aMember.key, '/admin/v1/audit')).statusCode).toBe(403);
    expect((await get(a.key, '/admin/v1/audit/verify')).statusCode).toBe(403);
  });
});
