import { GatewayError } from '../errors.js';
import type { CancelSignal } from '../routing/cancel.js';
import { SseParser } from '../sse/parser.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  EmbeddingRequest,
  EmbeddingResponse,
} from '../types/openai.js';
import { mapTransportError, UpstreamHttp } from './http.js';
import type { UpstreamStream } from './stream-body.js';
import {
  type CallOptions,
  type ChatResult,
  DEFAULT_TIMEOUTS,
  type ProviderAdapter,
  type ProviderConfig,
  type ProviderInfo,
  type Timeouts,
} from './types.js';
import { upstreamError } from './upstream-errors.js';
import type { WholeResponse } from './whole-body.js';

const ALL_CLASSES = ['public', 'internal', 'personal', 'sensitive'] as const;

/**
 * Adapter for anything speaking OpenAI's protocol: Ollama, vLLM, llama.cpp server, TEI, LocalAI…
 * Subclasses override the `to*`/`from*` hooks for providers with real differences.
 */
export class OpenAICompatibleAdapter implements ProviderAdapter {
  readonly info: ProviderInfo;
  readonly timeouts: Partial<Timeouts>;
  protected readonly http: UpstreamHttp;
  /** Whether `max_completion_tokens` must be sent as `max_tokens` (local OpenAI-compatible servers). */
  protected readonly legacyMaxTokens: boolean = true;
  /** Whether the upstream understands `stream_options.include_usage`. */
  protected readonly supportsStreamOptions: boolean = true;

  constructor(cfg: ProviderConfig, defaultBaseUrl?: string) {
    const baseUrl = cfg.baseUrl ?? defaultBaseUrl;
    if (!baseUrl) throw new Error(`Provider '${cfg.id}' needs a baseUrl`);
    this.info = {
      id: cfg.id,
      type: cfg.type,
      location: cfg.location,
      dataClasses: cfg.dataClasses ?? [...ALL_CLASSES],
    };
    this.timeouts = { ...cfg.timeouts };
    const headers: Record<string, string> = { ...cfg.headers };
    if (cfg.apiKey) headers.authorization = `Bearer ${cfg.apiKey}`;
    this.http = new UpstreamHttp(cfg.id, {
      baseUrl,
      headers,
      connections: cfg.connections ?? 128,
      connectTimeoutMs: cfg.timeouts?.connectMs ?? DEFAULT_TIMEOUTS.connectMs,
    });
  }

  async chat(body: ChatCompletionRequest, opts: CallOptions): Promise<ChatResult> {
    const upstream = this.toUpstreamChat(body);
    const streaming = body.stream === true;
    if (streaming && this.supportsStreamOptions) {
      // Always ask for usage so tokens come from the provider, never from an estimate (ADR 0011).
      upstream.stream_options = { include_usage: true };
    }
    const payload = JSON.stringify(upstream);
    if (!streaming) {
      const res = await this.http.postWhole('/chat/completions', payload, opts.timeouts, opts.signal);
      return { type: 'completion', completion: this.fromUpstreamCompletion(this.jsonOf(res)) };
    }
    const res = await this.http.postStream('/chat/completions', payload, opts.timeouts, opts.signal);
    if (res.statusCode >= 300) throw await this.errorFrom(res, opts.signal);
    return { type: 'stream', chunks: this.streamChunks(res, opts.signal) };
  }

  async embeddings(body: EmbeddingRequest, opts: CallOptions): Promise<EmbeddingResponse> {
    const res = await this.http.postWhole(
      '/embeddings',
      JSON.stringify(this.toUpstreamEmbeddings(body)),
      opts.timeouts,
      opts.signal,
    );
    return this.fromUpstreamEmbeddings(this.jsonOf(res));
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Request mapping: accept Mistral-SDK spellings from clients, send OpenAI spellings upstream. */
  protected toUpstreamChat(body: ChatCompletionRequest): Record<string, unknown> {
    const out: Record<string, unknown> = { ...body };
    if (out.random_seed !== undefined) {
      if (out.seed === undefined) out.seed = out.random_seed;
      delete out.random_seed;
    }
    delete out.safe_prompt;
    if (out.tool_choice === 'any') out.tool_choice = 'required';
    if (body.stream !== true) delete out.stream_options;
    if (this.legacyMaxTokens && out.max_completion_tokens != null) {
      // Ollama, llama.cpp and older vLLM only honour `max_tokens`.
      out.max_tokens ??= out.max_completion_tokens;
      delete out.max_completion_tokens;
    }
    return out;
  }

  protected fromUpstreamCompletion(json: Record<string, unknown>): ChatCompletion {
    return json as unknown as ChatCompletion;
  }

  protected fromUpstreamChunk(json: Record<string, unknown>): ChatCompletionChunk {
    return json as unknown as ChatCompletionChunk;
  }

  protected toUpstreamEmbeddings(body: EmbeddingRequest): Record<string, unknown> {
    const out: Record<string, unknown> = { ...body };
    delete out.output_dimension;
    delete out.output_dtype;
    return out;
  }

  protected fromUpstreamEmbeddings(json: Record<string, unknown>): EmbeddingResponse {
    return json as unknown as EmbeddingResponse;
  }

  /** The JSON object of a complete answer; upstream errors become gateway errors. */
  private jsonOf(res: WholeResponse): Record<string, unknown> {
    if (res.statusCode >= 300) throw upstreamError(this.info.id, res.statusCode, res.text, res.headers);
    try {
      return JSON.parse(res.text) as Record<string, unknown>;
    } catch {
      throw new GatewayError(502, `Upstream provider '${this.info.id}' returned invalid JSON`, {
        code: 'upstream_bad_response',
        retryable: true,
      });
    }
  }

  private chunkOf(data: string): ChatCompletionChunk {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(data);
    } catch {
      throw new GatewayError(502, `Upstream provider '${this.info.id}' sent a malformed stream event`, {
        code: 'upstream_bad_stream',
        retryable: true,
      });
    }
    if (json.error !== undefined || json.object === 'error') throw upstreamError(this.info.id, 500, data, {});
    return this.fromUpstreamChunk(json);
  }

  private async errorFrom(res: UpstreamStream, signal?: CancelSignal): Promise<unknown> {
    let text = '';
    try {
      text = await res.text();
    } catch (e) {
      return mapTransportError(e, this.info.id, signal);
    }
    return upstreamError(this.info.id, res.statusCode, text, res.headers);
  }

  private async *streamChunks(
    res: UpstreamStream,
    signal?: CancelSignal,
  ): AsyncGenerator<ChatCompletionChunk> {
    let done = false;
    let finished = false;
    const parser = new SseParser();
    try {
      // Events are parsed from whatever bytes arrived together, without an async step per event.
      for (let read = await res.next(); ; read = await res.next()) {
        const events = read.done ? parser.end() : parser.push(read.value);
        for (const ev of events) {
          if (done) break; // drain to the end so the connection returns to the pool
          if (ev.data === '[DONE]') {
            done = true;
            break;
          }
          const chunk = this.chunkOf(ev.data);
          if (chunk.choices?.some((c) => c.finish_reason)) finished = true;
          yield chunk;
        }
        if (read.done) break;
      }
    } catch (e) {
      // After [DONE] the answer is complete; a connection dropped while draining loses nothing.
      if (done) return;
      throw mapTransportError(e, this.info.id, signal);
    } finally {
      if (!done) res.destroy();
    }
    if (!done && !finished) {
      throw new GatewayError(
        502,
        `Upstream provider '${this.info.id}' closed the stream before it finished`,
        {
          code: 'upstream_stream_truncated',
          retryable: true,
        },
      );
    }
  }
}

/** OpenAI itself: same protocol, official base URL by default. */
export class OpenAIAdapter extends OpenAICompatibleAdapter {
  // OpenAI's reasoning models require `max_completion_tokens`: keep what the client sent.
  protected override readonly legacyMaxTokens = false;

  constructor(cfg: ProviderConfig) {
    super(cfg, 'https://api.openai.com/v1');
  }
}
