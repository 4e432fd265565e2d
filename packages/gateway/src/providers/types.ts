import type { CancelSignal } from '../routing/cancel.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  EmbeddingRequest,
  EmbeddingResponse,
} from '../types/openai.js';

export type DataClass = 'public' | 'internal' | 'personal' | 'sensitive';
export type ProviderType = 'openai-compatible' | 'openai' | 'mistral';

/** What the privacy guard and the audit chain need to know about a provider. */
export interface ProviderInfo {
  id: string;
  type: string;
  /** ISO 3166 alpha-2 country (or region such as EU) where the provider processes data. */
  location: string;
  dataClasses: DataClass[];
}

/** Upstream timeouts in milliseconds. `bodyMs` is the idle time allowed between two body chunks. */
export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, headersMs: 60_000, bodyMs: 60_000 };

export interface ProviderConfig {
  id: string;
  type: ProviderType;
  /** Base URL including the version path, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl?: string;
  apiKey?: string;
  location: string;
  /** Data classes this provider may receive; the privacy guard decides with it. Default: all. */
  dataClasses?: DataClass[];
  headers?: Record<string, string>;
  timeouts?: Partial<Timeouts>;
  /** Max pooled connections to this provider (default 128). */
  connections?: number;
}

export interface CallOptions {
  signal?: CancelSignal;
  timeouts: Timeouts;
}

/** A chat answer from anything that can answer: a provider, or a virtual model. */
export type ChatResult =
  | { type: 'completion'; completion: ChatCompletion }
  | { type: 'stream'; chunks: AsyncIterable<ChatCompletionChunk> };

export interface ProviderAdapter {
  readonly info: ProviderInfo;
  /** Provider-wide timeouts; a target's own timeouts override them. */
  readonly timeouts?: Partial<Timeouts>;
  /** `body.model` is already the upstream model name. */
  chat(body: ChatCompletionRequest, opts: CallOptions): Promise<ChatResult>;
  embeddings(body: EmbeddingRequest, opts: CallOptions): Promise<EmbeddingResponse>;
  close(): Promise<void>;
}
