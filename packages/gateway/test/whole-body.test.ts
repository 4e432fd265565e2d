import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttp } from '../src/providers/http.js';

const timeouts = { connectMs: 1_000, headersMs: 2_000, bodyMs: 2_000 };

describe('UpstreamHttp.postWhole (complete answers without a stream)', () => {
  let server: Server;
  let http: UpstreamHttp;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/v1/chunks') {
        // Several writes, a repeated header and a multi-byte character split across chunks.
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.setHeader('x-upstream', 'yes');
        const body = Buffer.from('{"text":"سلام"}');
        res.write(body.subarray(0, 11));
        setTimeout(() => res.end(body.subarray(11)), 5);
        return;
      }
      if (req.url === '/v1/bom') {
        // Some servers (.NET, IIS) start JSON with a UTF-8 byte order mark.
        res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ok":true}')]));
        return;
      }
      if (req.url === '/v1/no-headers') return; // never answers
      if (req.url === '/v1/slow') {
        res.write('{"partial":');
        return; // never ends: the client aborts
      }
      res.statusCode = 404;
      res.end('{"error":{"message":"nope"}}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    http = new UpstreamHttp('loop', {
      baseUrl: `http://127.0.0.1:${port}/v1`,
      headers: {},
      connections: 4,
      connectTimeoutMs: 1_000,
    });
  });

  afterAll(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('joins a body written in several chunks and decodes UTF-8 split across them', async () => {
    const res = await http.postWhole('/chunks', '{}', timeouts);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ text: 'سلام' });
    expect(res.headers['x-upstream']).toBe('yes');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('drops a leading UTF-8 byte order mark, as undici body.text() did', async () => {
    const res = await http.postWhole('/bom', '{}', timeouts);
    expect(JSON.parse(res.text)).toEqual({ ok: true });
  });

  it('returns error statuses with their body for the adapter to map', async () => {
    const res = await http.postWhole('/missing', '{}', timeouts);
    expect(res.statusCode).toBe(404);
    expect(res.text).toContain('nope');
  });

  it('rejects with an AbortError when the client goes away mid-answer', async () => {
    const abort = new AbortController();
    const pending = http.postWhole('/slow', '{}', timeouts, abort.signal);
    setTimeout(() => abort.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once when the signal was already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(http.postWhole('/chunks', '{}', timeouts, abort.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('maps a headers timeout and a body timeout to a retryable upstream_timeout', async () => {
    const short = { connectMs: 1_000, headersMs: 100, bodyMs: 100 };
    await expect(http.postWhole('/no-headers', '{}', short)).rejects.toMatchObject({
      status: 504,
      code: 'upstream_timeout',
      retryable: true,
    });
    await expect(http.postWhole('/slow', '{}', short)).rejects.toMatchObject({
      status: 504,
      code: 'upstream_timeout',
      retryable: true,
    });
  });

  it('leaves no abort listener behind on the signal, whatever the outcome', async () => {
    const abort = new AbortController();
    for (let i = 0; i < 5; i++) await http.postWhole('/chunks', '{}', timeouts, abort.signal);
    await http.postWhole('/missing', '{}', timeouts, abort.signal);
    expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
  });
});
