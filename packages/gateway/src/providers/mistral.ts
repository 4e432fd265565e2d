import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  EmbeddingRequest,
  EmbeddingResponse,
} from '../types/openai.js';
import {
  fromMistralChunk,
  fromMistralCompletion,
  fromMistralEmbeddings,
  toMistralChat,
  toMistralEmbeddings,
} from './mistral-mapping.js';
import { OpenAICompatibleAdapter } from './openai-compatible.js';
import type { ProviderConfig } from './types.js';

/** Mistral AI (La Plateforme): its stream reports usage in the final chunk without `stream_options`. */
export class MistralAdapter extends OpenAICompatibleAdapter {
  protected override readonly supportsStreamOptions = false;

  constructor(cfg: ProviderConfig) {
    super(cfg, 'https://api.mistral.ai/v1');
  }

  protected override toUpstreamChat(body: ChatCompletionRequest): Record<string, unknown> {
    return toMistralChat(body);
  }

  protected override fromUpstreamCompletion(json: Record<string, unknown>): ChatCompletion {
    return fromMistralCompletion(json);
  }

  protected override fromUpstreamChunk(json: Record<string, unknown>): ChatCompletionChunk {
    return fromMistralChunk(json);
  }

  protected override toUpstreamEmbeddings(body: EmbeddingRequest): Record<string, unknown> {
    return toMistralEmbeddings(body);
  }

  protected override fromUpstreamEmbeddings(json: Record<string, unknown>): EmbeddingResponse {
    return fromMistralEmbeddings(json);
  }
}
