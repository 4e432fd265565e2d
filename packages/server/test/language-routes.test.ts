import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';

describe('language endpoints', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp();
    key = (await t.createKey({ org: 'lang-suite' })).key;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, auth = true) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${key}` } : {}) },
    });

  it('identifies Arabizi with confidence, alternatives and code-switching spans', async () => {
    const res = await post('/v1/language/identify', {
      text: 'wach khassni n3mer le formulaire?',
      segments: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      object: 'language.identification',
      tag: 'ary-Latn',
      language: 'ary',
      script: 'Latn',
    });
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.segments.map((s: { tag: string }) => s.tag)).toEqual(['ary-Latn', 'fra-Latn']);
  });

  it('identifies a batch of texts in order', async () => {
    const res = await post('/v1/language/identify', { texts: ['ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ', 'بغيت نعرف شنو خاصني', '😀'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((d: { tag: string }) => d.tag)).toEqual(['zgh-Tfng', 'ary-Arab', 'und']);
  });

  it('rejects a body without text in the OpenAI error shape', async () => {
    const res = await post('/v1/language/identify', { segments: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error' });
  });

  it('requires an API key', async () => {
    const res = await post('/v1/language/identify', { text: 'salam' }, false);
    expect(res.statusCode).toBe(401);
  });

  it('transliterates Arabizi to Arabic script, detecting the source, with per-word candidates', async () => {
    const res = await post('/v1/language/transliterate', { text: 'bghit khdma', candidates: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      object: 'language.transliteration',
      from: 'ary-Latn',
      to: 'ary-Arab',
      text: 'بغيت خدمة',
    });
    expect(body.words[0]).toMatchObject({ word: 'bghit' });
    expect(body.words[0].candidates[0]).toBe('بغيت');
  });

  it('transliterates Tifinagh to IRCAM Latin and back', async () => {
    const a = await post('/v1/language/transliterate', { text: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' });
    expect(a.json()).toMatchObject({ from: 'zgh-Tfng', to: 'zgh-Latn', text: 'tamaziɣt' });
    const b = await post('/v1/language/transliterate', {
      text: 'tamazight',
      from: 'zgh-Latn',
      scheme: 'informal',
    });
    expect(b.json().text).toBe('ⵜⴰⵎⴰⵣⵉⵖⵜ');
  });

  it('gives name variants across scripts', async () => {
    const res = await post('/v1/language/transliterate', { text: 'محمد', kind: 'name' });
    expect(res.statusCode).toBe(200);
    expect(res.json().variants).toEqual(expect.arrayContaining(['Mohamed', 'Mohammed', 'Mhamed']));
  });

  it('documents both endpoints in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/v1/language/identify', '/v1/language/transliterate']));
  });

  it('refuses an unsupported pair with 400', async () => {
    const res = await post('/v1/language/transliterate', { text: 'salam', from: 'ary-Latn', to: 'zgh-Tfng' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('unsupported_pair');
  });
});
