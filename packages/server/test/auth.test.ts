import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';

describe('API keys, roles and organisations over HTTP', () => {
  let t: TestApp;
  let upstream: MockUpstream;
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    upstream = await startMockUpstream();
    t = await createTestApp({
      config: {
        providers: [{ id: 'local', type: 'openai-compatible', baseUrl: upstream.url, location: 'MA' }],
        models: [
          { id: 'chat', targets: [{ provider: 'local', model: 'qwen2.5:7b' }] },
          { id: 'other', targets: [{ provider: 'local', model: 'llama3' }] },
        ],
        prices: { 'local/qwen2.5:7b': { inputPer1M: 1000, outputPer1M: 2000 } },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await upstream?.close();
  });

  const chat = (key: string, model = 'chat') =>
    t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: bearer(key),
      payload: { model, messages: [{ role: 'user', content: 'Salam' }] },
    });

  it('accepts the master token everywhere, including the admin API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/v1/orgs', headers: bearer(t.adminToken) });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((o: { slug: string }) => o.slug)).toContain('default');
  });

  it('creates a key through the admin API, shows the secret once, and lists it without the secret', async () => {
    const org = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/orgs',
      headers: bearer(t.adminToken),
      payload: { name: 'Wilaya Rabat', slug: 'rabat' },
    });
    expect(org.statusCode).toBe(201);
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/keys',
      headers: bearer(t.adminToken),
      payload: { name: 'portal', org_id: 'rabat', scopes: ['chat'] },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.key).toMatch(/^kh_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$/);
    expect(body.key.startsWith(body.prefix)).toBe(true);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/admin/v1/keys?org_id=rabat',
      headers: bearer(t.adminToken),
    });
    expect(listed.body).not.toContain(body.key);
    expect(listed.json().data[0]).toMatchObject({ id: body.id, prefix: body.prefix, status: 'active' });
    expect((await chat(body.key)).statusCode).toBe(200);
  });

  it('revokes a key with immediate effect (401 on the next request)', async () => {
    const { key, keyId } = await t.createKey({ org: 'revoke-org' });
    expect((await chat(key)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/v1/keys/${keyId}/revoke`,
      headers: bearer(t.adminToken),
    });
    expect(res.json().status).toBe('revoked');
    const after = await chat(key);
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
  });

  it('accepts the key in x-api-key too, and refuses an expired key with 401', async () => {
    const { key } = await t.createKey({ org: 'header-org' });
    const viaHeader = await t.app.inject({ method: 'GET', url: '/v1/models', headers: { 'x-api-key': key } });
    expect(viaHeader.statusCode).toBe(200);
    const org = await t.ctx.orgs.require('header-org');
    const soon = new Date(Date.now() + 3000);
    const short = await t.ctx.auth.createKey({ orgId: org.id, name: 'short', expiresAt: soon });
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/models', headers: bearer(short.key) })).statusCode,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, soon.getTime() - Date.now() + 50)));
    const expired = await t.app.inject({ method: 'GET', url: '/v1/models', headers: bearer(short.key) });
    expect(expired.statusCode).toBe(401);
  });

  it('refuses a model outside the key scope with 403 and an unknown model with 404', async () => {
    const { key } = await t.createKey({ org: 'scoped', scopes: ['chat'] });
    const denied = await chat(key, 'other');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.param).toBe('model');
    const unknown = await chat(key, 'no-such-model');
    expect(unknown.statusCode).toBe(404);
    const models = await t.app.inject({ method: 'GET', url: '/v1/models', headers: bearer(key) });
    expect(models.json().data.map((m: { id: string }) => m.id)).toEqual(['chat']);
  });

  it('lets an org-admin manage keys of its own organisation only', async () => {
    const a = await t.createKey({ org: 'org-a', role: 'org-admin' });
    const b = await t.createKey({ org: 'org-b', role: 'member' });
    const own = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/keys',
      headers: bearer(a.key),
      payload: { name: 'team' },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().org_id).toBe(a.orgId);
    const cross = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/keys',
      headers: bearer(a.key),
      payload: { name: 'x', org_id: 'org-b' },
    });
    expect(cross.statusCode).toBe(403);
    const escalate = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/keys',
      headers: bearer(a.key),
      payload: { name: 'x', role: 'admin' },
    });
    expect(escalate.statusCode).toBe(403);
    const revokeOther = await t.app.inject({
      method: 'DELETE',
      url: `/admin/v1/keys/${b.keyId}`,
      headers: bearer(a.key),
    });
    expect(revokeOther.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/admin/v1/keys', headers: bearer(a.key) });
    expect(list.json().data.every((k: { org_id: string }) => k.org_id === a.orgId)).toBe(true);
    const orgs = await t.app.inject({ method: 'GET', url: '/admin/v1/orgs', headers: bearer(a.key) });
    expect(orgs.json().data.map((o: { id: string }) => o.id)).toEqual([a.orgId]);
  });

  it('keeps members out of the admin API and platform-only actions', async () => {
    const m = await t.createKey({ org: 'org-m' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/admin/v1/keys', headers: bearer(m.key) })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/admin/v1/orgs',
          headers: bearer(m.key),
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/admin/v1/audit/verify', headers: bearer(m.key) }))
        .statusCode,
    ).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/admin/v1/me', headers: bearer(m.key) });
    expect(me.json()).toMatchObject({ kind: 'key', role: 'member', org_id: m.orgId });
  });

  it('reports usage in tokens and MAD, refuses another organisation’s usage, and exports CSV', async () => {
    const a = await t.createKey({ org: 'usage-a', role: 'org-admin' });
    const b = await t.createKey({ org: 'usage-b' });
    expect((await chat(a.key)).statusCode).toBe(200);
    expect((await chat(a.key)).statusCode).toBe(200);
    await t.ctx.flushAudit();
    const own = await t.app.inject({
      method: 'GET',
      url: '/v1/usage?group_by=model',
      headers: bearer(a.key),
    });
    expect(own.statusCode).toBe(200);
    const body = own.json();
    expect(body).toMatchObject({ object: 'usage', currency: 'MAD', org_id: a.orgId });
    expect(body.data).toEqual([expect.objectContaining({ model: 'chat', requests: 2 })]);
    expect(body.totals.total_tokens).toBeGreaterThan(0);
    expect(body.totals.cost_mad).toBeGreaterThan(0);

    const crossOrg = await t.app.inject({
      method: 'GET',
      url: `/v1/usage?org_id=${a.orgId}`,
      headers: bearer(b.key),
    });
    expect(crossOrg.statusCode).toBe(403);
    expect(crossOrg.json().error.code).toBe('cross_org_forbidden');
    const crossKey = await t.app.inject({
      method: 'GET',
      url: `/v1/usage?key_id=${a.keyId}`,
      headers: bearer(b.key),
    });
    expect(crossKey.statusCode).toBe(403);
    const bOwn = await t.app.inject({ method: 'GET', url: '/v1/usage', headers: bearer(b.key) });
    expect(bOwn.json().totals.requests).toBe(0);

    const csv = await t.app.inject({
      method: 'GET',
      url: '/v1/usage?group_by=day,model&format=csv',
      headers: bearer(a.key),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('day,model,requests,errors,prompt_tokens,completion_tokens,total_tokens,cost_mad');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},chat,2,0,/);
  });

  it('writes one audit entry per request, filterable by organisation, and verifiable', async () => {
    const a = await t.createKey({ org: 'audit-a', role: 'org-admin' });
    await chat(a.key);
    await t.ctx.flushAudit();
    const list = await t.app.inject({ method: 'GET', url: '/admin/v1/audit', headers: bearer(a.key) });
    expect(list.statusCode).toBe(200);
    const entries = list.json().data;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ model: 'chat', provider: 'local', destinationCountry: 'MA' });
    expect(JSON.stringify(entries)).not.toContain('Salam');
    const verify = await t.app.inject({
      method: 'GET',
      url: '/admin/v1/audit/verify',
      headers: bearer(t.adminToken),
    });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('documents the API in OpenAPI 3.1 and a readable /docs page, and exposes metrics', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(spec.json().openapi).toBe('3.1.0');
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining(['/v1/chat/completions', '/admin/v1/keys', '/v1/usage']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.body).toContain('/admin/v1/keys');
    expect(docs.body).not.toMatch(/<script|https?:\/\/cdn/);
    await t.ctx.flushAudit();
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('khidma_http_requests_total');
    expect(metrics.body).toMatch(
      /khidma_gateway_requests_total\{endpoint="chat.completions",model="chat",provider="local",status="ok"\} [1-9]/,
    );
    expect(metrics.body).toContain('khidma_gateway_cost_mad_total');
    const providers = await t.app.inject({
      method: 'GET',
      url: '/admin/v1/providers',
      headers: bearer(t.adminToken),
    });
    expect(providers.json().data[0]).toMatchObject({
      id: 'local',
      location: 'MA',
      sovereign: true,
      has_api_key: false,
    });
  });
});
