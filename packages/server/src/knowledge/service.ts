import { randomUUID } from 'node:crypto';
import {
  asAbortSignal,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatMessage,
  type ChatResult,
  estimateTokens,
  type VirtualModel,
} from '@khidma/gateway';
import {
  Assistant,
  type AssistantAnswer,
  type ChatTurn,
  type Embedder,
  type GroundedModel,
  KnowledgeBase,
} from '@khidma/knowledge';
import type { AppContext } from '../context.js';
import { AssistantStore, DbKnowledgeStore } from './store.js';

export const ASSISTANT_MODEL_ID = 'khidma-assistant';

export interface KnowledgeService {
  kb: KnowledgeBase;
  assistant: Assistant;
  store: DbKnowledgeStore;
  assistantStore: AssistantStore;
  /** Gateway model used for LLM answers (KHIDMA_ASSISTANT_MODEL), if any. */
  llmModel?: string;
  /** Gateway embedding model for dense retrieval (KHIDMA_EMBEDDING_MODEL), if any. */
  embeddingModel?: string;
}

/** Text of an OpenAI message (string or content parts). */
export function messageText(m: Pick<ChatMessage, 'content'>): string {
  if (typeof m.content === 'string') return m.content;
  if (Array.isArray(m.content)) {
    return m.content
      .map((p) => (p && typeof p === 'object' && 'text' in p && typeof p.text === 'string' ? p.text : ''))
      .join('');
  }
  return '';
}

export function toTurns(messages: ChatMessage[]): ChatTurn[] {
  return messages
    .filter((m) => m.role === 'user' || m.role === 'assistant' || m.role === 'system')
    .map((m) => ({ role: m.role as ChatTurn['role'], content: messageText(m).slice(0, 8000) }))
    .slice(-20);
}

/**
 * LLM answers go through the gateway like any client request, so the privacy guard pseudonymises the
 * prompt before it leaves for a provider and restores the answer.
 */
export function gatewayModel(ctx: AppContext, model: string): GroundedModel {
  return {
    async complete(messages, opts) {
      const res = await ctx.gateway.chat(
        {
          model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          stream: false,
          temperature: 0.1,
        },
        {
          requestId: randomUUID(),
          keyId: null,
          orgId: null,
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
      );
      if (res.stream) throw new Error('unexpected stream');
      const body = JSON.parse(res.json) as ChatCompletion;
      return body.choices[0]?.message.content ?? '';
    },
  };
}

function gatewayEmbedder(ctx: AppContext, model: string): Embedder {
  return {
    model,
    async embed(texts, opts) {
      const res = await ctx.gateway.embeddings(
        { model, input: texts },
        {
          requestId: randomUUID(),
          keyId: null,
          orgId: null,
          ...(opts?.signal ? { signal: opts.signal } : {}),
        },
      );
      const body = JSON.parse(res.json) as { data: { index: number; embedding: number[] }[] };
      return body.data.sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
  };
}

/** Extra fields added to the OpenAI response of `khidma-assistant` (ignored by plain OpenAI clients). */
export function answerMetadata(a: AssistantAnswer) {
  return {
    answer_id: a.id,
    language: a.language,
    refused: a.refused,
    confidence: Math.round(a.confidence * 1000) / 1000,
    mode: a.mode,
    follow_up: a.followUp,
    citations: a.citations.map((c) => ({
      n: c.n,
      kind: c.kind,
      id: c.id,
      title: c.title,
      source_url: c.sourceUrl ?? null,
    })),
  };
}

/** `khidma-assistant` as an OpenAI model: /v1/models lists it, /v1/chat/completions serves it. */
export function assistantVirtualModel(service: KnowledgeService): VirtualModel {
  return {
    id: ASSISTANT_MODEL_ID,
    ownedBy: 'khidma',
    location: 'MA',
    async chat(req: ChatCompletionRequest, rctx): Promise<ChatResult> {
      const answer = await service.assistant.answer({
        messages: toTurns(req.messages),
        ...(rctx.signal ? { signal: asAbortSignal(rctx.signal) } : {}),
      });
      if (answer.refused) {
        await service.assistantStore
          .addUnanswered(lastUser(req), answer.language, answer.confidence)
          .catch(() => undefined);
      }
      const id = `chatcmpl-${answer.id}`;
      const created = Math.floor(Date.now() / 1000);
      const prompt = estimateTokens(req.messages.map(messageText).join('\n'));
      const completion = estimateTokens(answer.text);
      const usage = {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
      };
      const khidma = answerMetadata(answer);
      if (req.stream !== true) {
        const body: ChatCompletion = {
          id,
          object: 'chat.completion',
          created,
          model: ASSISTANT_MODEL_ID,
          choices: [
            { index: 0, message: { role: 'assistant', content: answer.text }, finish_reason: 'stop' },
          ],
          usage,
          khidma,
        };
        return { type: 'completion', completion: body };
      }
      async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
        const base = { id, object: 'chat.completion.chunk' as const, created, model: ASSISTANT_MODEL_ID };
        yield {
          ...base,
          choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
        };
        for (const part of answer.text.split(/(?<=\n)/)) {
          yield { ...base, choices: [{ index: 0, delta: { content: part }, finish_reason: null }] };
        }
        yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage, khidma };
      }
      return { type: 'stream', chunks: chunks() };
    },
  };
}

function lastUser(req: ChatCompletionRequest): string {
  const m = [...req.messages].reverse().find((x) => x.role === 'user');
  return m ? messageText(m) : '';
}

const SERVICE_KEY = 'knowledge';

/**
 * The knowledge service of this app, created once: loads the index from the database, seeds the sample
 * catalog on first start, computes missing embeddings when an embedding model is configured, and
 * registers `khidma-assistant` on the gateway.
 */
export function knowledgeService(ctx: AppContext): Promise<KnowledgeService> {
  const existing = ctx.services[SERVICE_KEY] as Promise<KnowledgeService> | undefined;
  if (existing) return existing;
  const created = createService(ctx);
  ctx.services[SERVICE_KEY] = created;
  return created;
}

async function createService(ctx: AppContext): Promise<KnowledgeService> {
  const store = new DbKnowledgeStore(ctx.db);
  const llmModel = ctx.env.KHIDMA_ASSISTANT_MODEL || undefined;
  const embeddingModel = ctx.env.KHIDMA_EMBEDDING_MODEL || undefined;
  const kb = new KnowledgeBase(
    store,
    embeddingModel ? { embedder: gatewayEmbedder(ctx, embeddingModel) } : {},
  );
  const loaded = await kb.load();
  const seeded = ctx.env.KHIDMA_KB_SEED === '0' ? 0 : await kb.seedIfEmpty();
  ctx.logger.info({ ...loaded, seeded }, 'knowledge base loaded');
  if (embeddingModel) {
    // Embeddings are a bonus: the server starts (lexical search) even if the embedding model is down.
    kb.refreshVectors().catch((err) => ctx.logger.warn({ err: String(err) }, 'could not compute embeddings'));
  }
  const assistant = new Assistant({
    retriever: kb,
    ...(llmModel ? { model: gatewayModel(ctx, llmModel) } : {}),
  });
  const service: KnowledgeService = {
    kb,
    assistant,
    store,
    assistantStore: new AssistantStore(ctx.db),
    ...(llmModel ? { llmModel } : {}),
    ...(embeddingModel ? { embeddingModel } : {}),
  };
  if (!ctx.gateway.hasModel(ASSISTANT_MODEL_ID)) ctx.gateway.addVirtualModel(assistantVirtualModel(service));
  return service;
}
