import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Khidma, mockConfig, startKhidma } from './sdk-harness.js';

let up: MockUpstream;
let mi: MockUpstream;
let k: Khidma;
let client: OpenAI;
let keyA: { id: string; key: string };

beforeAll(async () => {
  up = await startMockUpstream();
  mi = await startMockUpstream({ flavor: 'mistral' });
  k = await startKhidma(mockConfig(up.url, mi.url));
  await k.createOrg('org-a');
  await k.createOrg('org-b');
  keyA = await k.createKey({ org: 'org-a' });
  client = new OpenAI({ apiKey: keyA.key, baseURL: k.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await k?.stop();
  await up?.close();
  await mi?.close();
});
beforeEach(() => {
  up.reset();
  mi.reset();
});

const usageOf = async (keyId: string) => {
  await k.settle();
  return k.admin<{ totals: { requests: number; errors: number; total_tokens: number; cost_mad: number } }>(
    'GET',
    `/admin/v1/usage?key_id=${keyId}`,
  );
};

describe('openai SDK against khidma start', () => {
  it('answers a non-streaming chat completion with the provider usage and the public model name', async () => {
    const r = await client.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: 'Salam, kifach ndir l-passport?' }],
    });
    expect(r.model).toBe('chat');
    expect(r.choices[0]?.message.content).toBe('You said: Salam, kifach ndir l-passport?');
    expect(r.usage?.total_tokens).toBeGreaterThan(0);
    expect(up.requests[0]?.body?.model).toBe('qwen2.5:7b');
  });

  it('streams a chat completion and ends cleanly, with usage only when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'chat',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'ⴰⵣⵓⵍ azul' }],
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('You said: ⴰⵣⵓⵍ azul');
    expect(usage?.total_tokens).toBeGreaterThan(0);
    expect(up.requests[0]?.body?.stream_options).toEqual({ include_usage: true });

    const plain = await client.chat.completions.create({
      model: 'chat',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const chunks = [];
    for await (const c of plain) chunks.push(c);
    expect(chunks.every((c) => !c.usage)).toBe(true);
  });

  it('passes tools, tool_choice, response_format and seed through and returns tool calls', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_office_hours',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    const r = await client.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: 'Waqt l-moqata3a f Rabat?' }],
      tools,
      tool_choice: 'required',
      seed: 7,
      response_format: { type: 'json_object' },
    });
    expect(r.choices[0]?.finish_reason).toBe('tool_calls');
    const call = r.choices[0]?.message.tool_calls?.[0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Rabat' });
    expect(up.requests[0]?.body).toMatchObject({
      tools,
      tool_choice: 'required',
      seed: 7,
      response_format: { type: 'json_object' },
    });

    // Streaming tool calls are reassembled by the SDK helper.
    const runner = client.chat.completions.stream({
      model: 'chat',
      messages: [{ role: 'user', content: 'again' }],
      tools,
    });
    const final = await runner.finalChatCompletion();
    const streamed = final.choices[0]?.message
      .tool_calls?.[0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(streamed.function.name).toBe('get_office_hours');
    expect(JSON.parse(streamed.function.arguments)).toEqual({ city: 'Rabat' });
  });

  it('serves embeddings', async () => {
    const r = await client.embeddings.create({
      model: 'embed',
      input: ['بطاقة التعريف الوطنية', 'carte nationale'],
    });
    expect(r.data).toHaveLength(2);
    expect(r.data[0]?.embedding.length).toBe(8);
    expect(r.model).toBe('embed');
  });

  it('lists only the models a scoped key may use, and refuses the others with 403', async () => {
    const scoped = await k.createKey({ org: 'org-a', scopes: ['chat'] });
    const c = new OpenAI({ apiKey: scoped.key, baseURL: k.baseURL, maxRetries: 0 });
    const models = await c.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['chat']);
    expect((await c.models.retrieve('chat')).id).toBe('chat');
    const err = await c.chat.completions
      .create({ model: 'mistral-small-latest', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(err.code).toBe('model_not_allowed');
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    const err = await client.chat.completions
      .create({ model: 'gpt-9', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err.code).toBe('model_not_found');
    expect(err.param).toBe('model');
  });

  it('rejects a revoked key with 401', async () => {
    const doomed = await k.createKey({ org: 'org-a' });
    const c = new OpenAI({ apiKey: doomed.key, baseURL: k.baseURL, maxRetries: 0 });
    await c.models.list();
    await k.admin('POST', `/admin/v1/keys/${doomed.id}/revoke`);
    const err = await c.chat.completions
      .create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});

describe('fallback and failures through the SDK', () => {
  it('falls back to the next target when the first answers 500', async () => {
    up.failNext(2, 500);
    const r = await client.chat.completions.create({
      model: 'ha-500',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(r.choices[0]?.message.content).toBe('You said: x');
    expect(up.requests.map((q) => q.body?.model)).toEqual(['primary', 'primary', 'secondary']);
  });

  it('falls back on a 429 with a long Retry-After without waiting for it', async () => {
    up.failNext(1, 429, { retryAfter: 30 });
    const started = Date.now();
    await client.chat.completions.create({ model: 'ha-429', messages: [{ role: 'user', content: 'x' }] });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(up.requests.map((q) => q.body?.model)).toEqual(['primary', 'secondary']);
  });

  it('falls back when the first target times out', async () => {
    up.script({ delayMs: 8_000 });
    const r = await client.chat.completions.create({
      model: 'ha-timeout',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(r.choices[0]?.message.content).toBe('You said: x');
    expect(up.requests.map((q) => q.body?.model)).toEqual(['primary', 'secondary']);
    const publicView = (await (await fetch(`${k.url}/health/models`)).json()) as {
      targets: Record<string, unknown>[];
    };
    expect(publicView.targets.every((t) => t.lastError === undefined && t.upstreamModel === undefined)).toBe(
      true,
    );
    const health = (await k.admin('GET', '/health/models')) as {
      targets: { model: string; provider: string; lastError: { code: string } | null }[];
    };
    expect(
      health.targets.find((t) => t.model === 'ha-timeout' && t.provider === 'local')?.lastError?.code,
    ).toBe('upstream_timeout');
  });

  it('reports a mid-stream upstream disconnect to the client and records usage exactly once', async () => {
    const key = await k.createKey({ org: 'org-a' });
    const c = new OpenAI({ apiKey: key.key, baseURL: k.baseURL, maxRetries: 0 });
    up.script({
      disconnectAfterChunks: 2,
      content: 'wahed jouj tlata reb3a khamsa setta seb3a tmanya tes3a 3achra',
    });
    const stream = await c.chat.completions.create({
      model: 'chat',
      stream: true,
      messages: [{ role: 'user', content: 'x' }],
    });
    let text = '';
    const err = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    })().catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(text.length).toBeGreaterThan(0);
    const usage = await usageOf(key.id);
    expect(usage.totals).toMatchObject({ requests: 1, errors: 1 });
  });

  it('propagates a client disconnect to the upstream and records the request as aborted', async () => {
    const key = await k.createKey({ org: 'org-a' });
    const c = new OpenAI({ apiKey: key.key, baseURL: k.baseURL, maxRetries: 0 });
    up.script({ chunkDelayMs: 200, content: 'wahed jouj tlata reb3a khamsa setta seb3a tmanya' });
    const ac = new AbortController();
    const stream = await c.chat.completions.create(
      { model: 'chat', stream: true, messages: [{ role: 'user', content: 'x' }] },
      { signal: ac.signal },
    );
    let chunks = 0;
    // The SDK ends the iteration quietly when its own signal aborts.
    for await (const _ of stream) {
      chunks++;
      ac.abort();
    }
    expect(chunks).toBe(1);
    await expect.poll(() => up.aborted, { timeout: 5_000 }).toBe(1);
    const usage = await usageOf(key.id);
    expect(usage.totals).toMatchObject({ requests: 1, errors: 1 });
  });

  it('records one usage row per request, priced in MAD', async () => {
    const key = await k.createKey({ org: 'org-a' });
    const c = new OpenAI({ apiKey: key.key, baseURL: k.baseURL, maxRetries: 0 });
    await c.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'one' }] });
    const s = await c.chat.completions.create({
      model: 'chat',
      stream: true,
      messages: [{ role: 'user', content: 'two' }],
    });
    for await (const _ of s);
    const usage = await usageOf(key.id);
    expect(usage.totals.requests).toBe(2);
    expect(usage.totals.errors).toBe(0);
    expect(usage.totals.cost_mad).toBeGreaterThan(0);
  });
});

describe('request validation and limits', () => {
  const post = (body: string, key = keyA.key) =>
    fetch(`${k.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });

  it('answers 400 for malformed JSON', async () => {
    const res = await post('{"model":"chat","messages":[{"role":"user","content":"x"}');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('answers 400 naming the field for wrong types', async () => {
    const res = await post(JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 42 }] }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { param: string; type: string } };
    expect(body.error).toMatchObject({ param: 'messages[0].content', type: 'invalid_request_error' });
    const err = await client.chat.completions
      .create({
        model: 'chat',
        messages: [{ role: 'user', content: 'x' }],
        temperature: 'hot' as unknown as number,
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.param).toBe('temperature');
  });

  it('answers 413 for an oversized body', async () => {
    const res = await post(
      JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }] }),
    );
    expect(res.status).toBe(413);
  });

  it('answers 429 with Retry-After and x-ratelimit headers when a key exceeds its quota', async () => {
    const limited = await k.createKey({ org: 'org-a', limits: { rpm: 2 } });
    const c = new OpenAI({ apiKey: limited.key, baseURL: k.baseURL, maxRetries: 0 });
    const ok = await c.chat.completions
      .create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })
      .withResponse();
    expect(ok.response.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(ok.response.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    await c.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] });
    const err = await c.chat.completions
      .create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number(err.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(err.headers.get('x-ratelimit-remaining-requests')).toBe('0');
  });

  it("refuses an organisation A key asking for organisation B's usage", async () => {
    const orgB = await k.admin<{ id: string }>('GET', '/admin/v1/orgs/org-b');
    const res = await fetch(`${k.baseURL}/usage?org_id=${orgB.id}`, {
      headers: { authorization: `Bearer ${keyA.key}` },
    });
    expect(res.status).toBe(403);
    const own = await fetch(`${k.baseURL}/usage`, { headers: { authorization: `Bearer ${keyA.key}` } });
    expect(own.status).toBe(200);
  });
});
