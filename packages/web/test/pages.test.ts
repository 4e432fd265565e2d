import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProcedureView, webPlugin } from '../src/index.js';
import { safeHref } from '../src/server/html.js';
import { renderShell } from '../src/server/plugin.js';
import { ensureWebBuild } from './helpers/ensure-build.js';

const procedure = (id: string, over: Partial<ProcedureView> = {}): ProcedureView => ({
  id,
  title: { fr: `Démarche ${id}`, ar: `مسطرة ${id}` },
  summary: { fr: 'Résumé <b>important</b>' },
  administration: {
    id: 'dgsn',
    name: { fr: 'DGSN', ar: 'المديرية العامة للأمن الوطني' },
    website: 'https://www.dgsn.gov.ma',
  },
  category: 'identity',
  documents: [{ fr: 'Ancienne carte', ar: 'البطاقة القديمة' }],
  steps: [{ fr: 'Pré-demande en ligne' }],
  fees: [{ amountMad: 75 }],
  processingTime: { fr: '10 jours' },
  channels: { online: [{ url: 'https://www.cnie.ma' }], offices: [{ fr: 'Commissariat' }] },
  legalReferences: [{ title: { fr: 'Loi 35-06' }, url: 'javascript:alert(1)' }],
  sourceUrl: 'https://www.cnie.ma',
  lastVerified: '2026-10-01',
  sample: true,
  ...over,
});

describe('server-rendered pages of the web plugin', () => {
  let app: FastifyInstance;
  const procedures = [
    procedure('cnie-renewal'),
    procedure('xss', { title: { fr: '<script>alert(1)</script>' } }),
  ];
  beforeAll(async () => {
    await ensureWebBuild();
    app = Fastify();
    await app.register(webPlugin, {
      procedures: { list: () => procedures, get: (id) => procedures.find((p) => p.id === id) },
      privacyFacts: () => ({
        retentionDays: 30,
        providers: [{ id: 'local', location: 'MA', dataClasses: ['public', 'sensitive'] }],
        controller: '</script><script>alert(1)</script>',
      }),
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('serves the chat shell in the browser language with a strict Content-Security-Policy', async () => {
    const res = await app.inject({ url: '/', headers: { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.8' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers.vary).toContain('Accept-Language');
    expect(res.body).toContain('<noscript>');
  });

  it('embeds boot data that cannot close its script element', async () => {
    const res = await app.inject({ url: '/?lang=zgh' });
    expect(res.body).toMatch(/<html lang="zgh-Tfng" dir="ltr">/);
    const boot =
      /<script type="application\/json" id="khidma-boot">(.*?)<\/script>/s.exec(res.body)?.[1] ?? '';
    expect(boot).not.toContain('</script');
    expect(JSON.parse(boot).privacy.controller).toBe('</script><script>alert(1)</script>');
    expect(res.headers['set-cookie']).toContain('khidma_lang=zgh');
  });

  it('keeps `$` patterns in configured text literal when filling the shell', () => {
    const shell =
      '<html><head><title>x</title><!--khidma:boot--></head><body><!--khidma:shell--></body></html>';
    const out = renderShell(shell, 'fr', { retentionDays: 30, providers: [], controller: "Wilaya $' $& $`" });
    const boot = /id="khidma-boot">(.*?)<\/script>/s.exec(out)?.[1] ?? '';
    expect(JSON.parse(boot).privacy.controller).toBe("Wilaya $' $& $`");
  });

  it('lets only absolute http(s) links from data into an href', () => {
    expect(safeHref('https://www.cnie.ma/x')).toBe('https://www.cnie.ma/x');
    expect(safeHref(' http://example.ma ')).toBe('http://example.ma');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'data:text/html,x',
      'mailto:a@b.ma',
      '/admin',
      '//evil.example',
      undefined,
    ])
      expect(safeHref(bad)).toBe('#');
  });

  it('titles a procedure page in the interface language', async () => {
    const res = await app.inject({ url: '/procedures/cnie-renewal?lang=ar' });
    expect(res.body).toContain('<title>مسطرة cnie-renewal · ');
  });

  it('renders a procedure page with documents, fee, delay, office and source, escaping catalog text', async () => {
    const res = await app.inject({ url: '/procedures/cnie-renewal', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 id="procedure-title">Démarche cnie-renewal</h1>');
    expect(res.body).toContain('Ancienne carte');
    expect(res.body).toMatch(/75[\s\u00a0\u202f]MAD|MAD[\s\u00a0\u202f]75/);
    expect(res.body).toContain('10 jours');
    expect(res.body).toContain('Résumé &lt;b&gt;important&lt;/b&gt;');
    expect(res.body).not.toContain('javascript:alert');
    const xss = await app.inject({ url: '/procedures/xss' });
    expect(xss.body).not.toContain('<script>alert(1)</script>');
  });

  it('marks text shown in another language with its own lang and dir', async () => {
    const res = await app.inject({ url: '/procedures/cnie-renewal?lang=ar' });
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.body).toContain('البطاقة القديمة');
    // The steps exist only in French: shown with lang="fr" dir="ltr" inside the Arabic page.
    expect(res.body).toContain('<li lang="fr" dir="ltr">Pré-demande en ligne</li>');
  });

  it('lists and filters the catalog without JavaScript, and answers 404 for an unknown procedure', async () => {
    const list = await app.inject({ url: '/procedures?q=cnie&lang=fr' });
    expect(list.body).toContain('/procedures/cnie-renewal');
    expect(list.body).not.toContain('/procedures/xss');
    const missing = await app.inject({ url: '/procedures/nope?lang=fr' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('n’existe pas');
  });

  it('returns citation card facts as JSON in the requested language', async () => {
    const res = await app.inject({ url: '/api/web/procedure-cards?ids=cnie-renewal,unknown&lang=fr' });
    const card = res.json().data[0];
    expect(res.json().data).toHaveLength(1);
    expect(card).toMatchObject({
      procedureId: 'cnie-renewal',
      documents: ['Ancienne carte'],
      delay: '10 jours',
    });
    expect(card.office).toContain('Commissariat');
  });

  it('serves built assets pre-compressed and immutable, and nothing outside the build', async () => {
    const shell = await app.inject({ url: '/?lang=fr' });
    const script = /src="\/assets\/([^"]+\.js)"/.exec(shell.body)![1];
    const br = await app.inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    const plain = await app.inject({ url: `/assets/${script}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(br.rawPayload.length);
    expect((await app.inject({ url: '/assets/../../package.json' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/.vite/manifest.json' })).statusCode).toBe(404);
  });
});
