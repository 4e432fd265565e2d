/**
 * Citizen assistant HTTP API (owner: knowledge). The same assistant is the OpenAI model
 * `khidma-assistant` on /v1/chat/completions (registered on the gateway by the knowledge service).
 *
 * Public (API key optional, for the citizen UI):
 *   POST /v1/assistant/chat
 *     body: { messages: [{ role: 'user'|'assistant', content }…] | message: string,
 *             lang?: 'ary-Arab'|'ary-Latn'|'arb-Arab'|'fra-Latn'|'eng-Latn'|'zgh-Tfng'|'zgh-Latn',
 *             audience?, category?, administration?, stream?: boolean }
 *     → { object: 'assistant.answer', id, text, language, detected: { tag, confidence }, refused,
 *         confidence, mode: 'offline'|'llm', follow_up, facets, procedure_ids,
 *         citations: [{ n, kind, id, title, source_url }] }
 *     stream: text/event-stream with `event: meta` {id, language, citations, refused, mode},
 *             `event: delta` {text}…, `event: done` {the answer object above}.
 *   POST /v1/assistant/feedback    { answer_id, rating: 'up'|'down', comment?, language?, procedure_ids? } → 201
 *   POST /v1/assistant/escalations { messages? | question?, contact?, answer_id?, language?, procedure_ids? }
 *     → 201 { object: 'assistant.ticket', id, status: 'open' }
 * Admin console (platform admins see all rows; org-admins and members their organisation's):
 *   GET   /admin/v1/assistant/feedback?rating=&limit=&before=
 *   GET   /admin/v1/assistant/tickets?status=&limit=&before=
 *   PATCH /admin/v1/assistant/tickets/:id { status: 'open'|'in_progress'|'closed' }
 *   GET   /admin/v1/assistant/unanswered?limit=&before=
 */
import {
  ANSWER_LANGS,
  type AnswerLang,
  type AssistantAnswer,
  AUDIENCES,
  CATEGORIES,
} from '@khidma/knowledge';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/principal.js';
import { notFound, parseOrThrow } from '../errors.js';
import { citizenRateLimit } from '../knowledge/limits.js';
import { answerMetadata, knowledgeService } from '../knowledge/service.js';

const turn = z.object({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string().max(8000),
});

const chatBody = z
  .object({
    messages: z.array(turn).min(1).max(40).optional(),
    message: z.string().trim().min(1).max(2000).optional(),
    lang: z.enum(ANSWER_LANGS as [AnswerLang, ...AnswerLang[]]).optional(),
    audience: z.enum(AUDIENCES).optional(),
    category: z.enum(CATEGORIES).optional(),
    administration: z.string().max(100).optional(),
    stream: z.boolean().optional(),
  })
  .refine((b) => b.messages?.some((m) => m.role === 'user') || b.message, {
    message: 'send `messages` with at least one user message, or `message`',
    path: ['messages'],
  });

const feedbackBody = z.object({
  answer_id: z.string().min(1).max(100),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(2000).optional(),
  language: z.string().max(20).optional(),
  procedure_ids: z.array(z.string().max(100)).max(10).optional(),
});

const escalationBody = z
  .object({
    messages: z.array(turn).max(40).optional(),
    question: z.string().max(2000).optional(),
    contact: z.string().max(300).optional(),
    answer_id: z.string().max(100).optional(),
    language: z.string().max(20).optional(),
    procedure_ids: z.array(z.string().max(100)).max(10).optional(),
  })
  .refine((b) => b.question || b.messages?.some((m) => m.role === 'user'), {
    message: 'send the `question` or the conversation `messages`',
    path: ['question'],
  });

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.date().optional(),
  rating: z.enum(['up', 'down']).optional(),
  status: z.enum(['open', 'in_progress', 'closed']).optional(),
});

function answerToApi(a: AssistantAnswer) {
  return {
    object: 'assistant.answer',
    id: a.id,
    text: a.text,
    language: a.language,
    detected: a.detected,
    refused: a.refused,
    confidence: Math.round(a.confidence * 1000) / 1000,
    mode: a.mode,
    ...(a.fallbackReason ? { fallback_reason: a.fallbackReason } : {}),
    follow_up: a.followUp,
    facets: a.facets,
    procedure_ids: a.procedureIds,
    citations: answerMetadata(a).citations,
  };
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export const assistantRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  const svc = await knowledgeService(ctx);
  const rateLimit = citizenRateLimit(ctx);
  // Platform admins see every row; organisation admins and members only their organisation's
  // (anonymous citizen rows belong to the platform). Feedback and tickets alike: see ADR 0064.
  const scope = (request: FastifyRequest) =>
    request.principal?.role === 'admin' ? undefined : (request.principal?.orgId ?? '__none__');
  const who = (request: FastifyRequest) => ({
    orgId: request.principal?.orgId ?? null,
    keyId: request.principal?.keyId ?? null,
  });

  app.post(
    '/v1/assistant/chat',
    { config: { auth: 'optional' }, preHandler: rateLimit },
    async (request, reply) => {
      const body = parseOrThrow(chatBody, request.body);
      const messages = body.messages ?? [{ role: 'user' as const, content: body.message as string }];
      const abort = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const req = {
        messages,
        signal: abort.signal,
        ...(body.lang ? { lang: body.lang } : {}),
        filters: {
          ...(body.audience ? { audience: body.audience } : {}),
          ...(body.category ? { category: body.category } : {}),
          ...(body.administration ? { administration: body.administration } : {}),
        },
      };
      const record = async (a: AssistantAnswer) => {
        if (!a.refused) return;
        const q = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
        await svc.assistantStore.addUnanswered(q, a.language, a.confidence).catch((err) => {
          request.log.warn({ err: String(err) }, 'could not record an unanswered question');
        });
      };
      if (!body.stream) {
        const answer = await svc.assistant.answer(req);
        await record(answer);
        return answerToApi(answer);
      }
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      try {
        for await (const ev of svc.assistant.stream(req)) {
          if (abort.signal.aborted) break;
          if (ev.type === 'meta') raw.write(sse('meta', { ...ev, type: undefined }));
          else if (ev.type === 'delta') raw.write(sse('delta', { text: ev.text }));
          else {
            await record(ev.answer);
            raw.write(sse('done', answerToApi(ev.answer)));
          }
        }
      } catch (err) {
        request.log.warn({ err: String(err) }, 'assistant stream failed');
        raw.write(sse('error', { error: { message: 'The assistant failed to answer.', type: 'api_error' } }));
      } finally {
        if (!raw.writableEnded) raw.end();
      }
    },
  );

  app.post(
    '/v1/assistant/feedback',
    { config: { auth: 'optional' }, preHandler: rateLimit },
    async (request, reply) => {
      const b = parseOrThrow(feedbackBody, request.body);
      const row = await svc.assistantStore.addFeedback({
        answerId: b.answer_id,
        rating: b.rating,
        comment: b.comment,
        language: b.language,
        procedureIds: b.procedure_ids,
        ...who(request),
      });
      return reply.status(201).send({ object: 'assistant.feedback', id: row.id, created_at: row.createdAt });
    },
  );

  app.post(
    '/v1/assistant/escalations',
    { config: { auth: 'optional' }, preHandler: rateLimit },
    async (request, reply) => {
      const b = parseOrThrow(escalationBody, request.body);
      const transcript = b.messages ?? [];
      const question = b.question ?? [...transcript].reverse().find((m) => m.role === 'user')?.content ?? '';
      const row = await svc.assistantStore.addTicket({
        question,
        transcript,
        contact: b.contact,
        answerId: b.answer_id,
        language: b.language,
        procedureIds: b.procedure_ids,
        ...who(request),
      });
      return reply
        .status(201)
        .send({ object: 'assistant.ticket', id: row.id, status: row.status, created_at: row.createdAt });
    },
  );

  app.get('/admin/v1/assistant/feedback', async (request) => {
    requireRole(request.principal, 'org-admin', 'member');
    const q = parseOrThrow(listQuery, request.query, 'query');
    const rows = await svc.assistantStore.listFeedback({
      limit: q.limit,
      before: q.before,
      rating: q.rating,
      orgId: scope(request),
    });
    return {
      object: 'list',
      data: rows.map((r) => ({
        id: r.id,
        answer_id: r.answerId,
        rating: r.rating,
        comment: r.comment,
        language: r.language,
        procedure_ids: r.procedureIds,
        created_at: r.createdAt,
      })),
    };
  });

  app.get('/admin/v1/assistant/tickets', async (request) => {
    requireRole(request.principal, 'org-admin', 'member');
    const q = parseOrThrow(listQuery, request.query, 'query');
    const rows = await svc.assistantStore.listTickets({
      limit: q.limit,
      before: q.before,
      status: q.status,
      orgId: scope(request),
    });
    return {
      object: 'list',
      data: rows.map((r) => ({
        id: r.id,
        status: r.status,
        question: r.question,
        transcript: r.transcript,
        language: r.language,
        contact: r.contact,
        answer_id: r.answerId,
        procedure_ids: r.procedureIds,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })),
    };
  });

  app.patch<{ Params: { id: string } }>('/admin/v1/assistant/tickets/:id', async (request) => {
    requireRole(request.principal, 'org-admin');
    const { status } = parseOrThrow(
      z.object({ status: z.enum(['open', 'in_progress', 'closed']) }),
      request.body,
    );
    const row = await svc.assistantStore.setTicketStatus(request.params.id, status, scope(request));
    if (!row) throw notFound(`No ticket "${request.params.id}".`, 'ticket_not_found', 'id');
    return { object: 'assistant.ticket', id: row.id, status: row.status, updated_at: row.updatedAt };
  });

  app.get('/admin/v1/assistant/unanswered', async (request) => {
    // Unanswered questions carry no organisation: they are the platform's catalog backlog.
    requireRole(request.principal, 'org-admin');
    const q = parseOrThrow(listQuery, request.query, 'query');
    const rows = await svc.assistantStore.listUnanswered({ limit: q.limit, before: q.before });
    return {
      object: 'list',
      data: rows.map((r) => ({
        id: r.id,
        question: r.question,
        language: r.language,
        confidence: r.confidence,
        created_at: r.createdAt,
      })),
    };
  });
};
