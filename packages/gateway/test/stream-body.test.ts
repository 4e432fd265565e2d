import { getEventListeners } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttp } from '../src/providers/http.js';
import { StreamBodyHandler, type UpstreamStream } from '../src/providers/stream-body.js';
import { ClientGone } from '../src/routing/cancel.js';

const timeouts = { connectMs: 1_000, headersMs: 2_000, bodyMs: 2_000 };
const LARGE_BYTES = 4 * 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes `chunk` while `more()` allows, waiting for 'drain' whenever the socket is full, then ends. */
function pump(res: ServerResponse, chunk: Buffer, more: () => boolean): void {
  const go = () => {
    while (more()) {
      if (!res.write(chunk)) {
        res.once('drain', go);
        return;
      }
    }
    res.end();
  };
  go();
}

describe('UpstreamHttp.postStream (streamed answers read as they arrive)', () => {
  let server: Server;
  let http: UpstreamHttp;
  const closed: string[] = [];
  let bigWritten = 0;
  let big: ServerResponse | null = null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.once('close', () => {
        if (!res.writableFinished) closed.push(req.url ?? '');
      });
      if (req.url === '/v1/events') {
        res.setHeader('x-upstream', 'yes');
        res.write('data: 1\n\n');
        setTimeout(() => res.write('data: 2\n\n'), 5);
        setTimeout(() => res.end('data: [DONE]\n\n'), 10);
        return;
      }
      if (req.url === '/v1/burst') {
        for (let i = 0; i < 50; i++) res.write(`data: ${i}\n\n`);
        res.end();
        return;
      }
      if (req.url === '/v1/early') {
        // Informational answers before the real one: a CDN's Early Hints, a proxy's 102 Processing.
        res.writeEarlyHints({ link: '</style.css>; rel=preload' });
        res.writeProcessing();
        res.end('data: 1\n\ndata: [DONE]\n\n');
        return;
      }
      if (req.url === '/v1/hang') {
        res.write('data: first\n\n');
        return; // never ends
      }
      if (req.url === '/v1/large') {
        // A finite body well past the high-water mark: the reader must get all of it after pauses.
        let left = LARGE_BYTES / (16 * 1024);
        pump(res, Buffer.alloc(16 * 1024, 98), () => left-- > 0);
        return;
      }
      if (req.url === '/v1/big') {
        // Writes as long as the socket accepts: the reader's back-pressure must stop it.
        big = res;
        const chunk = Buffer.alloc(16 * 1024, 97);
        pump(res, chunk, () => {
          if (bigWritten >= 64 * 1024 * 1024) return false;
          bigWritten += chunk.length;
          return true;
        });
        return;
      }
      if (req.url === '/v1/done-then-cut/chat/completions') {
        // A complete answer, [DONE] included, then the connection dropped without ending the body.
        const chunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
        res.write(
          `data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta: { content: 'salam' }, finish_reason: null }] })}\n\n`,
        );
        res.write(
          `data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
        );
        res.write('data: [DONE]\n\n', () => setTimeout(() => res.socket?.destroy(), 20));
        return;
      }
      if (req.url === '/v1/endless-error') {
        // An error page that never ends: the gateway must stop reading at its limit.
        res.statusCode = 502;
        const chunk = Buffer.alloc(4096, 120);
        const pump = () => {
          while (res.write(chunk));
          res.once('drain', pump);
        };
        pump();
        return;
      }
      res.statusCode = 429;
      res.end('{"error":{"message":"slow down"}}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    http = new UpstreamHttp('loop', {
      baseUrl: `http://127.0.0.1:${port}/v1`,
      headers: {},
      connections: 8,
      connectTimeoutMs: 1_000,
    });
  });

  afterAll(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const readAll = async (s: AsyncIterable<Buffer>) => {
    const parts: Buffer[] = [];
    for await (const c of s) parts.push(c);
    return { text: Buffer.concat(parts).toString('utf8'), reads: parts.length };
  };

  it('resolves on the headers and yields the body as it arrives', async () => {
    const res = await http.postStream('/events', '{}', timeouts);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-upstream']).toBe('yes');
    const { text } = await readAll(res);
    expect(text).toBe('data: 1\n\ndata: 2\n\ndata: [DONE]\n\n');
    expect(res.destroyed).toBe(true);
  });

  it('hands over everything that arrived since the last read in one chunk', async () => {
    const res = await http.postStream('/burst', '{}', timeouts);
    await sleep(50); // let the whole burst land before reading
    const { text, reads } = await readAll(res);
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(50);
    expect(reads).toBe(1);
  });

  it('skips informational (1xx) answers and resolves with the final status and its body', async () => {
    const res = await http.postStream('/early', '{}', timeouts);
    expect(res.statusCode).toBe(200);
    const text = await Promise.race([readAll(res).then((r) => r.text), sleep(1_000).then(() => 'hung')]);
    expect(text).toBe('data: 1\n\ndata: [DONE]\n\n');
  });

  it('returns error statuses with a readable body for the adapter to map', async () => {
    const res = await http.postStream('/missing', '{}', timeouts);
    expect(res.statusCode).toBe(429);
    expect(await res.text()).toContain('slow down');
  });

  it('keeps an answer that ended with [DONE] complete when the upstream then drops the connection', async () => {
    const { OpenAICompatibleAdapter } = await import('../src/providers/openai-compatible.js');
    const port = (server.address() as AddressInfo).port;
    const adapter = new OpenAICompatibleAdapter({
      id: 'cut',
      type: 'openai-compatible',
      baseUrl: `http://127.0.0.1:${port}/v1/done-then-cut`,
      location: 'MA',
    });
    const r = await adapter.chat({ model: 'm', stream: true, messages: [] }, { timeouts });
    if (r.type !== 'stream') throw new Error('expected a stream');
    const chunks = [];
    for await (const c of r.chunks) chunks.push(c);
    expect(chunks.map((c) => c.choices[0]?.finish_reason ?? c.choices[0]?.delta.content)).toEqual([
      'salam',
      'stop',
    ]);
    await adapter.close();
  });

  it('reads an error body only up to its limit, then stops the upstream', async () => {
    const res = await http.postStream('/endless-error', '{}', timeouts);
    expect(res.statusCode).toBe(502);
    const text = await res.text(10_000);
    expect(text).toHaveLength(10_000);
    await sleep(50);
    expect(closed).toContain('/v1/endless-error');
  });

  it('aborts the upstream request when the reader stops early', async () => {
    const res = await http.postStream('/hang', '{}', timeouts);
    for await (const chunk of res) {
      expect(chunk.toString()).toBe('data: first\n\n');
      break;
    }
    await sleep(50);
    expect(closed).toContain('/v1/hang');
  });

  it('rejects a pending read with an AbortError when the client goes away', async () => {
    const abort = new AbortController();
    const res = await http.postStream('/hang', '{}', timeouts, abort.signal);
    const reading = readAll(res);
    setTimeout(() => abort.abort(), 20);
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails a pending read with the body timeout when the upstream falls silent', async () => {
    const short = { connectMs: 1_000, headersMs: 500, bodyMs: 150 };
    const res = await http.postStream('/hang', '{}', short);
    await expect(readAll(res)).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
  });

  it('pauses the upstream while the reader lags instead of buffering without bound', async () => {
    const res = await http.postStream('/big', '{}', timeouts);
    const first = await res.next();
    expect(first.done).toBe(false);
    await sleep(300);
    // The server stops at its socket's limit: far less than the 64 MiB it wanted to send.
    expect(bigWritten).toBeLessThan(16 * 1024 * 1024);
    const written = bigWritten;
    await sleep(100);
    expect(bigWritten).toBe(written);
    res.destroy();
    big?.destroy();
  });

  it('resumes a paused upstream as the reader catches up, and delivers every byte', async () => {
    const res = await http.postStream('/large', '{}', timeouts);
    await sleep(200); // more than the high-water mark lands unread: the upstream is paused
    let bytes = 0;
    for await (const c of res) bytes += c.length;
    expect(bytes).toBe(LARGE_BYTES);
  });

  it('aborts a paused upstream when the client goes away, and the reader then fails', async () => {
    const gone = new ClientGone();
    const res = await http.postStream('/big', '{}', timeouts, gone);
    await res.next();
    await sleep(200); // nobody reads: past the high-water mark the upstream is paused
    closed.length = 0;
    gone.abort();
    await expect.poll(() => closed, { timeout: 2_000 }).toContain('/v1/big');
    await expect(readAll(res)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('leaves no abort listener behind on the signal, whatever the outcome', async () => {
    const abort = new AbortController();
    for (let i = 0; i < 5; i++) await readAll(await http.postStream('/events', '{}', timeouts, abort.signal));
    await (await http.postStream('/missing', '{}', timeouts, abort.signal)).text();
    expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
  });
});

describe('StreamBodyHandler (the undici handler contract, driven by hand)', () => {
  const started = () => {
    let stream: UpstreamStream | undefined;
    const handler = new StreamBodyHandler(
      (s) => {
        stream = s;
      },
      () => {},
    );
    handler.onConnect(() => {});
    handler.onHeaders(200, [], () => {});
    return { handler, stream: stream as unknown as UpstreamStream };
  };

  it('keeps a completed body complete when an error is reported after the end', async () => {
    const { handler, stream } = started();
    handler.onData(Buffer.from('data: 1\n\n'));
    handler.onComplete();
    handler.onError(new Error('reported after onComplete'));
    const parts: string[] = [];
    for await (const c of stream) parts.push(c.toString());
    expect(parts).toEqual(['data: 1\n\n']);
  });

  it('refuses a second read while one is pending instead of leaving the first unsettled forever', async () => {
    const { handler, stream } = started();
    const first = stream.next();
    await expect(stream.next()).rejects.toThrow(/one read at a time/);
    handler.onData(Buffer.from('data: 1\n\n'));
    await expect(first).resolves.toMatchObject({ done: false });
  });
});
