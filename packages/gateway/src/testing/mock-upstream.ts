import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mistralMock422, mockError, validateMistralBody } from './mock-protocols.js';

export type MockFlavor = 'openai' | 'mistral';

/** One scripted reaction, consumed by the next matching request. */
export interface MockBehavior {
  /** Which endpoint it applies to (default: any). */
  on?: 'chat' | 'embeddings' | 'any';
  /** Answer with this HTTP error status (500, 429, 400…). */
  status?: number;
  /** Retry-After header (seconds) sent with an error status. */
  retryAfter?: number;
  /** Wait this long before sending headers (timeout tests). */
  delayMs?: number;
  /** Streaming: send this many content chunks, then destroy the socket. */
  disconnectAfterChunks?: number;
  /** Replace the answer's text. */
  content?: string;
  /** Streaming: wait this long between chunks (abort tests). */
  chunkDelayMs?: number;
  /** How many requests this behaviour applies to (default 1). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | null;
}

export interface MockUpstreamOptions {
  flavor?: MockFlavor;
  /** Record request bodies (default true; turn off for benchmarks). */
  record?: boolean;
  /** Words per streamed answer: content is split into this many chunks at most (default 8). */
  streamChunks?: number;
  /** Delay between streamed chunks (default 0). */
  chunkDelayMs?: number;
  /** Fixed answer text instead of the default echo. */
  content?: string;
}

export interface MockUpstream {
  /** Base URL including `/v1`, ready for a provider `baseUrl`. */
  url: string;
  port: number;
  flavor: MockFlavor;
  requests: RecordedRequest[];
  /** Responses whose connection closed before they were complete (the client went away). */
  readonly aborted: number;
  script(...behaviors: MockBehavior[]): void;
  failNext(n: number, status?: number, extra?: Omit<MockBehavior, 'status' | 'times'>): void;
  reset(): void;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => Math.floor(Date.now() / 1000);

/**
 * A real loopback HTTP server speaking OpenAI's (or Mistral's) chat, embeddings and models protocol,
 * scriptable for failures, delays and mid-stream disconnects. Shared by all packages' tests and benches.
 */
export async function startMockUpstream(opts: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const flavor = opts.flavor ?? 'openai';
  const record = opts.record ?? true;
  const requests: RecordedRequest[] = [];
  let queue: MockBehavior[] = [];
  let aborted = 0;

  const take = (kind: 'chat' | 'embeddings'): MockBehavior | undefined => {
    const i = queue.findIndex((b) => !b.on || b.on === 'any' || b.on === kind);
    if (i === -1) return undefined;
    const b = queue[i]!;
    const left = (b.times ?? 1) - 1;
    if (left <= 0) queue.splice(i, 1);
    else queue[i] = { ...b, times: left };
    return b;
  };

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      void handle(req, res, parts.length ? Buffer.concat(parts).toString('utf8') : '').catch(() =>
        res.destroy(),
      );
    });
  });
  server.keepAliveTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    let body: Record<string, unknown> | null = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, mockError(flavor, 400, 'Invalid JSON body'));
      }
    }
    if (record) requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    if (req.method === 'GET' && path === '/v1/models') {
      return send(res, 200, {
        object: 'list',
        data: ['mock-chat', 'mock-embed'].map((id) => ({
          id,
          object: 'model',
          created: 0,
          owned_by: 'mock',
        })),
      });
    }
    const kind = path === '/v1/chat/completions' ? 'chat' : path === '/v1/embeddings' ? 'embeddings' : null;
    if (!kind || req.method !== 'POST' || !body) return send(res, 404, mockError(flavor, 404, 'Not found'));
    const b = take(kind);
    if (b?.delayMs) await wait(b.delayMs);
    if (res.destroyed) return;
    if (b?.status) {
      const headers: Record<string, string> = {};
      if (b.retryAfter !== undefined) headers['retry-after'] = String(b.retryAfter);
      return send(res, b.status, mockError(flavor, b.status, `Scripted failure ${b.status}`), headers);
    }
    if (flavor === 'mistral') {
      const problem = validateMistralBody(kind, body);
      if (problem)
        return send(
          res,
          problem.status,
          problem.status === 422 ? mistralMock422(problem) : mockError(flavor, problem.status, problem.msg),
        );
    }
    if (kind === 'embeddings') return send(res, 200, embeddings(body));
    return chat(res, body, b);
  }

  function embeddings(body: Record<string, unknown>) {
    const input = body.input;
    const texts = Array.isArray(input)
      ? input.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))
      : [String(input)];
    const dims = Number(body.dimensions ?? body.output_dimension ?? 8);
    const base64 = body.encoding_format === 'base64' && flavor === 'openai';
    const data = texts.map((t, index) => {
      const v = vector(t, dims);
      return {
        object: 'embedding',
        index,
        embedding: base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v,
      };
    });
    const tokens = texts.reduce((n, t) => n + Math.max(1, Math.ceil(t.length / 4)), 0);
    return {
      id: `emb-${randomBytes(6).toString('hex')}`,
      object: 'list',
      data,
      model: String(body.model),
      usage: {
        prompt_tokens: tokens,
        total_tokens: tokens,
        ...(flavor === 'mistral' ? { completion_tokens: 0 } : {}),
      },
    };
  }

  async function chat(res: ServerResponse, body: Record<string, unknown>, b: MockBehavior | undefined) {
    const messages = (body.messages ?? []) as { role: string; content: unknown }[];
    const last = messages.at(-1);
    const text = (c: unknown) =>
      typeof c === 'string' ? c : Array.isArray(c) ? c.map((p) => p?.text ?? '').join('') : '';
    const tools = body.tools as
      | { function: { name: string; parameters?: { properties?: Record<string, unknown> } } }[]
      | undefined;
    const wantsTool = tools && tools.length > 0 && body.tool_choice !== 'none' && last?.role !== 'tool';
    const content =
      b?.content ??
      opts.content ??
      (last?.role === 'tool'
        ? `Tool result received: ${text(last.content)}`
        : `You said: ${text(last?.content)}`);
    const promptTokens = messages.reduce((n, m) => n + 4 + Math.ceil(text(m.content).length / 4), 0);
    const id = `chatcmpl-${randomBytes(8).toString('hex')}`;
    const model = String(body.model);
    let toolCall: { id: string; type: 'function'; function: { name: string; arguments: string } } | undefined;
    if (wantsTool) {
      const tc = body.tool_choice as { function?: { name?: string } } | undefined;
      const fn = tools.find((t) => t.function.name === tc?.function?.name) ?? tools[0]!;
      const props = Object.keys(fn.function.parameters?.properties ?? {});
      const args: Record<string, string> = {};
      for (const p of props) args[p] = 'Rabat';
      toolCall = {
        id:
          flavor === 'mistral'
            ? randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 9)
            : `call_${randomBytes(12).toString('hex')}`,
        type: 'function',
        function: { name: fn.function.name, arguments: JSON.stringify(args) },
      };
    }
    const completionTokens = toolCall ? 12 : content.split(/\s+/).filter(Boolean).length;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    const finish = toolCall ? 'tool_calls' : 'stop';

    if (body.stream !== true) {
      return send(res, 200, {
        id,
        object: 'chat.completion',
        created: now(),
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: toolCall ? (flavor === 'mistral' ? '' : null) : content,
              ...(toolCall ? { tool_calls: [toolCall] } : {}),
            },
            finish_reason: finish,
            ...(flavor === 'openai' ? { logprobs: null } : {}),
          },
        ],
        usage,
        ...(flavor === 'openai' ? { system_fingerprint: 'fp_mock' } : {}),
      });
    }

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    let cut = false;
    res.once('close', () => {
      if (!res.writableFinished && !cut) aborted++;
    });
    const base = { id, object: 'chat.completion.chunk', created: now(), model };
    const write = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
    const pieces: string[] = [];
    if (!toolCall) {
      const words = content.split(/(?<=\s)/);
      const per = Math.max(1, Math.ceil(words.length / (opts.streamChunks ?? 8)));
      for (let i = 0; i < words.length; i += per) pieces.push(words.slice(i, i + per).join(''));
    }
    write({
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    let sent = 0;
    const maybeCut = async () => {
      if (b?.disconnectAfterChunks !== undefined && sent >= b.disconnectAfterChunks) {
        // Let what was written reach the client first, then drop the connection without finishing.
        await new Promise<void>((r) => res.write('', () => r()));
        await wait(10);
        cut = true;
        res.socket?.destroy();
        return true;
      }
      return false;
    };
    if (toolCall) {
      const args = toolCall.function.arguments;
      if (flavor === 'mistral') {
        write({
          ...base,
          choices: [{ index: 0, delta: { tool_calls: [{ ...toolCall, index: 0 }] }, finish_reason: null }],
        });
      } else {
        write({
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  {
                    index: 0,
                    id: toolCall.id,
                    type: 'function',
                    function: { name: toolCall.function.name, arguments: '' },
                  },
                ],
              },
              finish_reason: null,
            },
          ],
        });
        const half = Math.ceil(args.length / 2);
        for (const part of [args.slice(0, half), args.slice(half)]) {
          write({
            ...base,
            choices: [
              {
                index: 0,
                delta: { tool_calls: [{ index: 0, function: { arguments: part } }] },
                finish_reason: null,
              },
            ],
          });
        }
      }
    } else {
      for (const piece of pieces) {
        if (await maybeCut()) return;
        const delay = b?.chunkDelayMs ?? opts.chunkDelayMs;
        if (delay) await wait(delay);
        if (res.destroyed) return;
        write({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
        sent++;
      }
    }
    if (await maybeCut()) return;
    const includeUsage =
      (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    if (flavor === 'mistral') {
      write({ ...base, choices: [{ index: 0, delta: { content: '' }, finish_reason: finish }], usage });
    } else {
      write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
      if (includeUsage) write({ ...base, choices: [], usage });
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    flavor,
    requests,
    get aborted() {
      return aborted;
    },
    script: (...behaviors) => {
      queue.push(...behaviors);
    },
    failNext: (n, status = 500, extra = {}) => {
      if (n > 0) queue.push({ ...extra, status, times: n });
    },
    reset: () => {
      queue = [];
      aborted = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Deterministic unit vector from text, so equal inputs embed equally. */
function vector(text: string, dims: number): number[] {
  const out: number[] = [];
  let seed = createHash('sha256').update(text).digest();
  while (out.length < dims) {
    for (let i = 0; i + 1 < seed.length && out.length < dims; i += 2)
      out.push(seed.readUInt16BE(i) / 65535 - 0.5);
    seed = createHash('sha256').update(seed).digest();
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((x) => x / norm);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    ...headers,
  });
  res.end(json);
}
