import {
  type ChatResponse,
  ClientGone,
  isGatewayError,
  type ModelObject,
  modelNotFound,
  type RequestContext,
  SSE_HEADERS,
  sseComment,
  validateChatRequest,
  validateEmbeddingRequest,
} from '@khidma/gateway';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { canUseModel, type Principal } from '../auth/principal.js';
import { ApiError } from '../errors.js';
import { declaredDataClass } from '../privacy/headers.js';

/** GatewayError (package) → ApiError (server), keeping status, type, param, code and headers. */
function toApi(e: unknown): unknown {
  if (!isGatewayError(e)) return e;
  const status = e.status === 499 ? 400 : e.status;
  return new ApiError(status, e.message, { type: e.type, param: e.param, code: e.code, headers: e.headers });
}

/** Mistral SDKs identify as `mistral-client-<lang>/…` (or `…@mistralai/mistralai`). */
function isMistralClient(request: FastifyRequest): boolean {
  const ua = request.headers['user-agent'] ?? request.headers['x-mistral-user-agent'];
  return typeof ua === 'string' && (ua.startsWith('mistral-client') || ua.includes('mistralai'));
}

function scopeDenied(model: string): ApiError {
  return new ApiError(403, `This API key is not allowed to use the model '${model}'.`, {
    code: 'model_not_allowed',
    param: 'model',
  });
}

/**
 * OpenAI-compatible endpoints. The hot path stays lean: auth comes from the cached principal, bodies
 * are validated by hand (no schema compilation), answers are serialised once by the gateway and sent
 * as strings; streams bypass Fastify's reply pipeline and are written straight to the socket.
 */
export const openaiRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;

  const requestContext = (request: FastifyRequest, reply: FastifyReply): RequestContext => {
    const p = request.principal as Principal;
    const gone = new ClientGone();
    // The response closing before it finished means the client went away: cancel upstream work.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    return {
      requestId: request.id,
      mistralClient: isMistralClient(request),
      keyId: p.keyId ?? null,
      orgId: p.orgId ?? null,
      quota: ctx.quotaFor(p),
      declaredDataClass: declaredDataClass(request.headers['x-khidma-data-class']),
      signal: gone,
    };
  };

  const checkModel = (principal: Principal, model: string) => {
    if (!ctx.gateway.hasModel(model)) throw toApi(modelNotFound(model));
    if (!canUseModel(principal, model)) throw scopeDenied(model);
  };

  app.post('/v1/chat/completions', async (request, reply) => {
    let res: ChatResponse;
    try {
      const body = validateChatRequest(request.body);
      checkModel(request.principal as Principal, body.model);
      res = await ctx.gateway.chat(body, requestContext(request, reply));
    } catch (e) {
      throw toApi(e);
    }
    if (!res.stream) {
      reply.headers(res.headers);
      return reply.type('application/json').send(res.json);
    }
    await writeStream(request, reply, res, ctx.config.server.stalledClientTimeoutMs);
  });

  app.post('/v1/embeddings', async (request, reply) => {
    try {
      const body = validateEmbeddingRequest(request.body);
      checkModel(request.principal as Principal, body.model);
      const res = await ctx.gateway.embeddings(body, requestContext(request, reply));
      reply.headers(res.headers);
      return reply.type('application/json').send(res.json);
    } catch (e) {
      throw toApi(e);
    }
  });

  /** Mistral SDKs parse model cards by `type` and `capabilities`; give them what they expect. */
  const forClient = (request: FastifyRequest, m: ModelObject) => {
    if (!isMistralClient(request)) return m;
    const chat = ctx.gateway.modelKind(m.id) === 'chat';
    return { ...m, type: 'base', capabilities: { completion_chat: chat, function_calling: chat } };
  };

  app.get('/v1/models', async (request) => {
    const p = request.principal as Principal;
    const data = ctx.gateway.listModels().filter((m) => canUseModel(p, m.id));
    return { object: 'list', data: data.map((m) => forClient(request, m)) };
  });

  app.get<{ Params: { id: string } }>('/v1/models/*', async (request) => {
    // Model ids may contain '/', hence the wildcard (e.g. /v1/models/mistral/mistral-small).
    const id = decodeURIComponent((request.params as Record<string, string>)['*'] ?? '');
    const model = ctx.gateway.getModel(id);
    if (!model) throw toApi(modelNotFound(id));
    if (!canUseModel(request.principal as Principal, id)) throw scopeDenied(id);
    return forClient(request, model);
  });

  // Public for load balancers and probes; the routing details (upstream models, errors, latencies)
  // are shown to platform admins only.
  app.get('/health/models', { config: { auth: 'optional' } }, async (request, reply) => {
    const all = ctx.gateway.health();
    const status = all.length === 0 || all.some((t) => t.state !== 'cooldown') ? 'ok' : 'degraded';
    const detailed = request.principal?.role === 'admin';
    const targets = detailed
      ? all
      : all.map((t) => ({ model: t.model, provider: t.provider, state: t.state }));
    return reply.status(status === 'ok' ? 200 : 503).send({ status, targets });
  });
};

const HEARTBEAT_MS = 15_000;

/** Writes SSE frames straight to the socket, honouring back-pressure; usage is settled exactly once. */
async function writeStream(
  request: FastifyRequest,
  reply: FastifyReply,
  res: Extract<ChatResponse, { stream: true }>,
  stalledMs: number,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { ...SSE_HEADERS, ...res.headers, 'x-request-id': request.id });
  let closed = false;
  const onClose = () => {
    closed = true;
  };
  raw.once('close', onClose);
  // A comment line during long silences (a local model thinking) keeps proxies from timing out.
  let lastWrite = Date.now();
  const heartbeat = setInterval(() => {
    if (!closed && Date.now() - lastWrite >= HEARTBEAT_MS) {
      raw.write(sseComment('keep-alive'));
      lastWrite = Date.now();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    let first = true;
    let corked = false;
    const uncork = () => {
      corked = false;
      // end() uncorks fully; after it the socket may already carry the next keep-alive response.
      if (!raw.writableEnded) raw.uncork();
    };
    for await (const frame of res.frames) {
      if (closed) break;
      lastWrite = Date.now();
      // Frames decoded from one network read arrive in one burst of microtasks: cork the socket until
      // the loop's check phase so they leave in one write instead of one syscall each. The first
      // frame (with the headers) goes at once: time to first token is what the user waits for.
      if (first) first = false;
      else if (!corked) {
        corked = true;
        raw.cork();
        setImmediate(uncork);
      }
      if (!raw.write(frame)) {
        await new Promise<void>((resolve) => {
          // A client that stops reading would hold the upstream connection (paused) for ever.
          const stalled = setTimeout(() => raw.destroy(), stalledMs);
          const done = () => {
            clearTimeout(stalled);
            raw.off('drain', done);
            raw.off('close', done);
            resolve();
          };
          raw.once('drain', done);
          raw.once('close', done);
        });
      }
    }
  } catch (e) {
    request.log.warn({ err: isGatewayError(e) ? e.code : String(e) }, 'stream ended with an error');
  } finally {
    clearInterval(heartbeat);
    res.finish();
    raw.off('close', onClose);
    if (!raw.writableEnded) raw.end();
  }
}
