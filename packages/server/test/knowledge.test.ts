import { MemoryRateLimiter } from '@khidma/gateway';
import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { Assistant, KnowledgeBase } from '@khidma/knowledge';
import { sql } from 'drizzle-orm';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import { type Database, openDatabase } from '../src/db/index.js';
import { citizenRateLimit } from '../src/knowledge/limits.js';
import { gatewayModel, type KnowledgeService } from '../src/knowledge/service.js';
import { DbKnowledgeStore } from '../src/knowledge/store.js';
import { createTestApp, type TestApp } from '../src/testing.js';

describe('knowledge base and citizen assistant over HTTP', () => {
  let t: TestApp;
  let key: string;
  let upstream: MockUpstream;
  beforeAll(async () => {
    upstream = await startMockUpstream();
    // A provider abroad, not used by the assistant unless a test builds an LLM-backed one.
    t = await createTestApp({
      config: {
        providers: [{ id: 'abroad', type: 'openai-compatible', baseUrl: upstream.url, location: 'US' }],
        models: [{ id: 'assistant-llm', targets: [{ provider: 'abroad', model: 'm' }] }],
      },
    });
    key = (await t.createKey({ role: 'member' })).key;
  });
  afterAll(async () => {
    await t.close();
    await upstream.close();
  });

  it('seeds the sample catalog on first start and searches it without an API key', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/kb/search?q=${encodeURIComponent('lakarte salat')}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.object).toBe('list');
    expect(body.data[0].id).toBe('cnie-renewal');
    expect(body.data[0].source_url).toBe('https://www.cnie.ma');
    expect(body.data[0].passages[0].html).toContain('<mark>');
    const list = (await t.app.inject({ method: 'GET', url: '/v1/kb/procedures' })).json();
    expect(list.sample).toBe(true);
    expect(list.data.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects a search without q with an OpenAI-shaped error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/kb/search' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.type).toBe('invalid_request_error');
  });

  it('answers on /v1/assistant/chat in the language of the question, with citations', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/assistant/chat',
      payload: { messages: [{ role: 'user', content: 'شحال ثمن الباسبور' }] },
    });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      object: 'assistant.answer',
      language: 'ary-Arab',
      refused: false,
      mode: 'offline',
    });
    expect(a.citations[0]).toMatchObject({ n: 1, id: 'passport', source_url: 'https://www.passeport.ma' });
    expect(a.text).toContain('500');
  });

  it('streams the answer as server-sent events', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/assistant/chat',
      payload: { message: 'permis de construire', stream: true },
    });
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = [...res.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('meta');
    expect(events).toContain('delta');
    expect(events.at(-1)).toBe('done');
  });

  it('serves khidma-assistant as an OpenAI model (listed, non-streaming and streaming)', async () => {
    const auth = { authorization: `Bearer ${key}` };
    const models = (await t.app.inject({ method: 'GET', url: '/v1/models', headers: auth })).json();
    expect(models.data.map((m: { id: string }) => m.id)).toContain('khidma-assistant');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: auth,
      payload: {
        model: 'khidma-assistant',
        messages: [{ role: 'user', content: 'How do I renew my passport?' }],
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.choices[0].message.content).toContain('[1]');
    expect(body.khidma.citations[0].id).toBe('passport');
    const stream = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: auth,
      payload: {
        model: 'khidma-assistant',
        stream: true,
        messages: [{ role: 'user', content: 'passeport' }],
      },
    });
    expect(stream.body).toContain('chat.completion.chunk');
    expect(stream.body.trim().endsWith('data: [DONE]')).toBe(true);
  });

  it('works with the official OpenAI SDK, streaming and not', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: key, maxRetries: 0 });
    const done = await client.chat.completions.create({
      model: 'khidma-assistant',
      messages: [{ role: 'user', content: 'كيفاش نجدد البطاقة الوطنية' }],
    });
    expect(done.choices[0]?.message.content).toContain('[1]');
    const stream = await client.chat.completions.create({
      model: 'khidma-assistant',
      stream: true,
      messages: [
        { role: 'user', content: 'kifach njded lbita9a' },
        { role: 'assistant', content: '…' },
        { role: 'user', content: 'w chhal katkhles?' },
      ],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toContain('75');
    expect(text).toContain('https://www.cnie.ma');
  });

  it('stores feedback, escalation tickets and unanswered questions for the admin console', async () => {
    const refused = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/assistant/chat',
        payload: { message: 'recette du couscous royal' },
      })
    ).json();
    expect(refused.refused).toBe(true);
    const fb = await t.app.inject({
      method: 'POST',
      url: '/v1/assistant/feedback',
      payload: { answer_id: refused.id, rating: 'down', comment: 'appelez-moi au 0612345678' },
    });
    expect(fb.statusCode).toBe(201);
    const ticket = await t.app.inject({
      method: 'POST',
      url: '/v1/assistant/escalations',
      payload: { messages: [{ role: 'user', content: 'recette du couscous royal' }], contact: 'email' },
    });
    expect(ticket.statusCode).toBe(201);
    expect(ticket.json().status).toBe('open');

    const admin = { authorization: `Bearer ${t.adminToken}` };
    const feedback = (
      await t.app.inject({ method: 'GET', url: '/admin/v1/assistant/feedback', headers: admin })
    ).json();
    expect(feedback.data[0].rating).toBe('down');
    expect(feedback.data[0].comment).not.toContain('0612345678');
    const tickets = (
      await t.app.inject({ method: 'GET', url: '/admin/v1/assistant/tickets?status=open', headers: admin })
    ).json();
    expect(tickets.data[0].question).toContain('couscous');
    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/admin/v1/assistant/tickets/${ticket.json().id}`,
      headers: admin,
      payload: { status: 'closed' },
    });
    expect(closed.json().status).toBe('closed');
    const unanswered = (
      await t.app.inject({ method: 'GET', url: '/admin/v1/assistant/unanswered', headers: admin })
    ).json();
    expect(unanswered.data.some((u: { question: string }) => u.question.includes('couscous'))).toBe(true);
  });

  it('reloads the index from the database: an admin upsert is found by a fresh knowledge base', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/admin/v1/kb/procedures/khidma-test-procedure',
      headers: { authorization: `Bearer ${t.adminToken}` },
      payload: {
        title: { fr: 'Attestation de zellige artisanal', ar: 'شهادة الزليج التقليدي' },
        administration: { id: 'artisanat', name: { fr: 'Artisanat' } },
        audience: ['businesses'],
        category: 'business',
        documents: [{ fr: 'Carte artisan' }],
        sourceUrl: 'https://www.idarati.ma',
        lastVerified: '2026-01-01',
      },
    });
    expect(put.json().outcome).toBe('added');
    const fresh = new KnowledgeBase(new DbKnowledgeStore(t.ctx.db));
    await fresh.load();
    expect(await fresh.seedIfEmpty()).toBe(0);
    expect(fresh.index.search('zellige').hits[0]?.id).toBe('khidma-test-procedure');
  });

  it('sends LLM prompts through the gateway: grounded sources, no CIN in clear, checked citations', async () => {
    const svc = (await t.ctx.services.knowledge) as KnowledgeService;
    const llm = new Assistant({ retriever: svc.kb, model: gatewayModel(t.ctx, 'assistant-llm') });
    upstream.reset();
    upstream.script({ on: 'chat', content: "Demandez-le à l'annexe administrative de votre quartier [1]." });
    const question = 'Bonjour, ma CIN est BE472918, où demander le certificat de résidence ?';
    const a = await llm.answer({ messages: [{ role: 'user', content: question }] });
    expect(a.mode).toBe('llm');
    expect(a.citations.map((c) => c.id)).toEqual(['residence-certificate']);
    const sent = JSON.stringify(upstream.requests.map((r) => r.body));
    expect(sent).toContain('SOURCES:');
    expect(sent).toContain('https://www.idarati.ma');
    expect(sent).not.toContain('BE472918');
    // An amount the sources do not contain sends the citizen the offline answer instead.
    upstream.script({ on: 'chat', content: 'Le certificat coûte 120 MAD [1].' });
    const invented = await llm.answer({ messages: [{ role: 'user', content: question }] });
    expect(invented).toMatchObject({ mode: 'offline', fallbackReason: 'unsupported_amount' });
  });

  it('keeps the admin listings closed to anonymous callers and scoped to the caller organisation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/v1/assistant/tickets' });
    expect(res.statusCode).toBe(401);
    const other = await t.createKey({ org: 'other-ministry', role: 'org-admin' });
    const own = await t.app.inject({
      method: 'POST',
      url: '/v1/assistant/escalations',
      headers: { authorization: `Bearer ${other.key}` },
      payload: { question: 'question of the other ministry' },
    });
    expect(own.statusCode).toBe(201);
    const listed = (
      await t.app.inject({
        method: 'GET',
        url: '/admin/v1/assistant/tickets',
        headers: { authorization: `Bearer ${other.key}` },
      })
    ).json();
    expect(listed.data.map((x: { question: string }) => x.question)).toEqual([
      'question of the other ministry',
    ]);
  });

  describe('console feedback is scoped like tickets (ADR 0064)', () => {
    const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
    const rate = (comment: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/assistant/feedback',
        headers,
        payload: { answer_id: 'scope-test', rating: 'up', comment },
      });
    const comments = async (headers: Record<string, string>) => {
      const res = await t.app.inject({ method: 'GET', url: '/admin/v1/assistant/feedback', headers });
      expect(res.statusCode).toBe(200);
      return res.json().data.map((f: { comment: string }) => f.comment) as string[];
    };
    let adminOfA: string;
    let adminOfB: string;
    beforeAll(async () => {
      adminOfA = (await t.createKey({ org: 'feedback-ministry-a', role: 'org-admin' })).key;
      adminOfB = (await t.createKey({ org: 'feedback-ministry-b', role: 'org-admin' })).key;
      const memberOfB = (await t.createKey({ org: 'feedback-ministry-b', role: 'member' })).key;
      expect((await rate('feedback from ministry A', bearer(adminOfA))).statusCode).toBe(201);
      expect((await rate('feedback from ministry B', bearer(memberOfB))).statusCode).toBe(201);
      expect((await rate('anonymous citizen feedback')).statusCode).toBe(201);
    });

    it("an org-admin of A sees A's feedback and not B's", async () => {
      const seen = await comments(bearer(adminOfA));
      expect(seen).toContain('feedback from ministry A');
      expect(seen).not.toContain('feedback from ministry B');
    });

    it('an org-admin of B sees the feedback sent with any key of B, not A', async () => {
      const seen = await comments(bearer(adminOfB));
      expect(seen).toContain('feedback from ministry B');
      expect(seen).not.toContain('feedback from ministry A');
    });

    it('anonymous citizen feedback has no organisation: no org-admin sees it', async () => {
      expect(await comments(bearer(adminOfA))).not.toContain('anonymous citizen feedback');
      expect(await comments(bearer(adminOfB))).not.toContain('anonymous citizen feedback');
    });

    it('a platform admin sees all feedback, anonymous included', async () => {
      const seen = await comments(bearer(t.adminToken));
      expect(seen).toEqual(
        expect.arrayContaining([
          'feedback from ministry A',
          'feedback from ministry B',
          'anonymous citizen feedback',
        ]),
      );
    });

    it('anonymous callers cannot list feedback', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/admin/v1/assistant/feedback' });
      expect(res.statusCode).toBe(401);
    });
  });
});

describe('citizen endpoint rate limit', () => {
  it('limits anonymous callers per (hashed) address and leaves other addresses alone', async () => {
    const limiter = new MemoryRateLimiter();
    let settled = 0;
    const ctx = {
      env: { KHIDMA_PUBLIC_RPM: '2' },
      limiter,
      quotaFor: () => undefined,
      // Charges of answers already sent are settled before each check (ADR 0062).
      gateway: { accounting: { settleDeferred: () => settled++ } },
    } as unknown as AppContext;
    const check = citizenRateLimit(ctx);
    const req = (ip: string) => ({ ip, principal: null }) as never;
    await check(req('10.0.0.1'));
    await check(req('10.0.0.1'));
    await expect(check(req('10.0.0.1'))).rejects.toMatchObject({
      statusCode: 429,
      code: 'rate_limit_exceeded',
    });
    await expect(check(req('10.0.0.2'))).resolves.toBeUndefined();
    expect(settled).toBe(4);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('knowledge store on PostgreSQL', () => {
  const schema = `kb_test_${process.pid}_${Date.now().toString(36)}`;
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ url: process.env.DATABASE_URL, schema, poolSize: 2 });
  });
  afterAll(async () => {
    await db.orm.execute(sql.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    await db.close();
  });

  it('persists procedures with versions and rebuilds the search index from the database', async () => {
    const kb = new KnowledgeBase(new DbKnowledgeStore(db));
    expect(await kb.seedIfEmpty()).toBeGreaterThanOrEqual(40);
    const p = kb.index.getProcedure('passport')!;
    expect(await kb.upsertProcedure(p, 'test')).toBe('unchanged');
    expect(await kb.upsertProcedure({ ...p, keywords: [...p.keywords, 'zellige'] }, 'test')).toBe('updated');
    // A fresh process: a new knowledge base on the same database finds everything again.
    const reloaded = new KnowledgeBase(new DbKnowledgeStore(db));
    const counts = await reloaded.load();
    expect(counts.procedures).toBe(kb.index.listProcedures().length);
    expect(await reloaded.seedIfEmpty()).toBe(0);
    expect(reloaded.index.search('zellige').hits[0]?.id).toBe('passport');
    const versions = await new DbKnowledgeStore(db).procedureVersions('passport');
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
  });
});

if (!process.env.DATABASE_URL)
  console.info('knowledge store on PostgreSQL: skipped (DATABASE_URL is not set)');
