import { connect } from 'node:net';
import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Khidma, mockConfig, startKhidma } from './sdk-harness.js';

describe('a streaming client that stops reading', () => {
  let up: MockUpstream;
  let k: Khidma;
  let key: string;

  beforeAll(async () => {
    // About 20 MB of frames: more than loopback socket buffers hold, so writes must wait for the client.
    up = await startMockUpstream({
      record: false,
      content: 'kalima '.repeat(3_000_000),
      streamChunks: 3_000,
    });
    k = await startKhidma({ ...mockConfig(up.url, up.url), server: { stalledClientTimeoutMs: 500 } });
    await k.createOrg('stall');
    key = (await k.createKey({ org: 'stall' })).key;
  });

  afterAll(async () => {
    await k?.stop();
    await up?.close();
  });

  it('is disconnected after the stall timeout, and its request is recorded as failed', async () => {
    const body = JSON.stringify({
      model: 'chat',
      stream: true,
      messages: [{ role: 'user', content: 'salam' }],
    });
    const url = new URL(k.url);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.write(
      `POST /v1/chat/completions HTTP/1.1\r\nhost: ${url.host}\r\nauthorization: Bearer ${key}\r\n` +
        `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.pause(); // never reads the answer
    // The answer can only end (and be recorded) if Khidma gives up on the client: it never reads.
    const usage = async () => {
      await k.settle();
      return (await k.admin<{ totals: { requests: number; errors: number } }>('GET', '/admin/v1/usage'))
        .totals;
    };
    await expect.poll(usage, { timeout: 20_000, interval: 500 }).toMatchObject({ requests: 1, errors: 1 });
    socket.resume();
    await closed;
  });
});
