import { createTestApp, type TestApp } from '@khidma/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupUnanswered } from '../src/server/admin/page-platform.js';
import { usagePeriod } from '../src/server/admin/page-usage.js';
import { SessionStore } from '../src/server/admin/session.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const cookieOf = (setCookie: string | string[] | undefined, name: string) =>
  ([] as string[])
    .concat(setCookie ?? [])
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0] ?? '';

describe('admin console sessions, CSRF and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** Signs in through the form like a browser; returns the session cookie and the page's CSRF token. */
  async function signIn(token: string, headers: Record<string, string> = {}, heldCookie = '') {
    const page = await t.app.inject({ url: '/admin/sign-in?lang=en' });
    const presign = cookieOf(page.headers['set-cookie'], 'khidma_signin_csrf');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/sign-in',
      headers: {
        cookie: `${presign}; khidma_lang=en${heldCookie ? `; ${heldCookie}` : ''}`,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      payload: form({ _csrf: csrf, token }),
    });
    const session = cookieOf(res.headers['set-cookie'], 'khidma_admin');
    const orgs = session
      ? await t.app.inject({ url: '/admin/orgs', headers: { cookie: `${session}; khidma_lang=en` } })
      : null;
    const sessionCsrf = orgs ? (/name="_csrf" value="([^"]+)"/.exec(orgs.body)?.[1] ?? '') : '';
    return { res, session, csrf: sessionCsrf, orgs };
  }

  it('sets an httpOnly, SameSite=Strict session cookie scoped to /admin', async () => {
    const { res } = await signIn(t.adminToken);
    expect(res.statusCode).toBe(303);
    const raw = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('khidma_admin='))!;
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Strict');
    expect(raw).toContain('Path=/admin');
    expect(raw).not.toContain(t.adminToken);
  });

  it('refuses sign-in without the sign-in form token (login CSRF)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ token: t.adminToken }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('khidma_admin=');
  });

  it('refuses member keys and wrong tokens', async () => {
    const { key } = await t.createKey({ role: 'member' });
    expect((await signIn(key)).res.statusCode).toBe(401);
    expect((await signIn('kh_wrong')).res.statusCode).toBe(401);
  });

  it('lets an org-admin in, showing only its own organisation', async () => {
    await t.createKey({ org: 'other-org', role: 'member' });
    const { key } = await t.createKey({ org: 'casa', role: 'org-admin' });
    const { orgs } = await signIn(key);
    expect(orgs?.statusCode).toBe(200);
    expect(orgs?.body).toContain('casa');
    expect(orgs?.body).not.toContain('other-org');
  });

  it('rejects state-changing requests with a wrong CSRF token or from another origin', async () => {
    const { session, csrf } = await signIn(t.adminToken);
    const post = (payload: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/orgs',
        headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload,
      });
    expect((await post(form({ _csrf: 'forged', name: 'Evil' }))).statusCode).toBe(403);
    expect(
      (await post(form({ _csrf: csrf, name: 'Evil' }), { origin: 'https://evil.example' })).statusCode,
    ).toBe(403);
    const ok = await post(form({ _csrf: csrf, name: 'Province de Tiznit', slug: 'tiznit' }));
    expect(ok.statusCode).toBe(303);
    const list = await t.app.inject({
      url: '/admin/v1/orgs',
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(JSON.stringify(list.json())).toContain('tiznit');
    expect(JSON.stringify(list.json())).not.toContain('Evil');
  });

  it('changes the models a key may use', async () => {
    const { keyId } = await t.createKey({ org: 'agadir', role: 'member' });
    const { session, csrf } = await signIn(t.adminToken);
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/keys/${keyId}/scopes`,
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, scopes: 'chat, embed*' }),
    });
    expect(res.statusCode).toBe(303);
    const key = await t.app.inject({
      url: `/admin/v1/keys/${keyId}`,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(key.json().scopes).toEqual(['chat', 'embed*']);
  });

  it('issues a new session id at sign-in and ends the one the browser already held', async () => {
    const first = await signIn(t.adminToken);
    // Signing in again from a browser that still holds the first session replaces it.
    const second = await signIn(t.adminToken, {}, first.session);
    expect(second.res.statusCode).toBe(303);
    expect(second.session).toMatch(/^khidma_admin=.+/);
    expect(second.session).not.toBe(first.session);
    expect(second.orgs?.statusCode).toBe(200);
    const old = await t.app.inject({ url: '/admin/orgs', headers: { cookie: first.session } });
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toContain('/admin/sign-in');
  });

  it('answers a forged request with a full page in the interface language and direction', async () => {
    const { session } = await signIn(t.adminToken);
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/orgs',
      headers: {
        cookie: `${session}; khidma_lang=ar`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: form({ _csrf: 'forged', name: 'x' }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('ends the session on sign-out', async () => {
    const { session, csrf } = await signIn(t.adminToken);
    const out = await t.app.inject({
      method: 'POST',
      url: '/admin/sign-out',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf }),
    });
    expect(out.statusCode).toBe(303);
    const after = await t.app.inject({ url: '/admin/orgs', headers: { cookie: session } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain('/admin/sign-in');
  });

  it('serves no admin page, CSV or action without a session', async () => {
    for (const url of [
      '/admin/orgs',
      '/admin/usage',
      '/admin/audit',
      '/admin/privacy',
      '/admin/quality',
      '/admin/usage.csv',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(303);
    }
  });
});

describe('admin console behind a TLS-terminating proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { server: { trustProxy: true } } });
  });
  afterAll(() => t?.close());

  it('marks the console cookies Secure when the request came over https', async () => {
    const https = { 'x-forwarded-proto': 'https', host: 'console.example.ma' };
    const page = await t.app.inject({ url: '/admin/sign-in', headers: https });
    const presign = cookieOf(page.headers['set-cookie'], 'khidma_signin_csrf');
    expect(String(page.headers['set-cookie'])).toMatch(/khidma_signin_csrf=[^;]+;.*Secure/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/sign-in',
      headers: { ...https, cookie: presign, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, token: t.adminToken }),
    });
    expect(res.statusCode).toBe(303);
    const session = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('khidma_admin='));
    expect(session).toMatch(/; Secure/);
    const plain = await t.app.inject({ url: '/admin/sign-in' });
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
  });
});

describe('admin console sessions store', () => {
  it('expires sessions after the idle timeout and the absolute lifetime', () => {
    let now = 0;
    const store = new SessionStore({ idleMs: 1000, absoluteMs: 5000, now: () => now });
    const s = store.create('secret', { role: 'admin', label: '' });
    now = 900;
    expect(store.get(s.id)).toBeDefined();
    now = 1800;
    expect(store.get(s.id)).toBeDefined();
    now = 2900;
    expect(store.get(s.id)).toBeUndefined();
    const long = store.create('secret', { role: 'admin', label: '' });
    for (now = 3000; now <= 8200; now += 800) store.get(long.id);
    expect(store.get(long.id)).toBeUndefined();
  });
});

describe('admin console usage period', () => {
  const now = new Date('2026-11-28T10:00:00Z');
  it('defaults to the last 30 days', () => {
    expect(usagePeriod({}, now)).toEqual({ from: '2026-10-30', to: '2026-11-28' });
  });
  it('ignores impossible dates instead of failing, and orders a reversed range', () => {
    expect(usagePeriod({ from: '2026-13-45', to: '2026-02-30' }, now)).toEqual({
      from: '2026-10-30',
      to: '2026-11-28',
    });
    expect(usagePeriod({ from: '2026-11-20', to: '2026-11-01' }, now)).toEqual({
      from: '2026-11-01',
      to: '2026-11-20',
    });
  });
});

describe('admin console aggregates', () => {
  it('groups unanswered questions regardless of case and spacing, most asked first', () => {
    const rows = [
      { question: 'Kifach ndir  permis?', created_at: '2026-11-01' },
      { question: 'wach kayn tram f fes', created_at: '2026-11-02' },
      { question: 'kifach ndir permis?', created_at: '2026-11-03' },
    ];
    expect(groupUnanswered(rows)).toEqual([
      { question: 'Kifach ndir  permis?', count: 2, last: '2026-11-03' },
      { question: 'wach kayn tram f fes', count: 1, last: '2026-11-02' },
    ]);
  });
});
