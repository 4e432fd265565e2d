import { MistralAdapter } from './mistral.js';
import { OpenAIAdapter, OpenAICompatibleAdapter } from './openai-compatible.js';
import type { ProviderAdapter, ProviderConfig } from './types.js';

export function createProvider(cfg: ProviderConfig): ProviderAdapter {
  switch (cfg.type) {
    case 'mistral':
      return new MistralAdapter(cfg);
    case 'openai':
      return new OpenAIAdapter(cfg);
    case 'openai-compatible':
      return new OpenAICompatibleAdapter(cfg);
    default:
      throw new Error(`Unknown provider type '${(cfg as { type: string }).type}' for provider '${cfg.id}'`);
  }
}
