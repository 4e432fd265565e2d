import type { ModelConfig, PriceConfig, ProviderConfig } from './schema.js';

/**
 * With no config file, API keys in the environment are enough: each present key brings its provider
 * and that provider's usual public models (ids as the provider names them, so SDK code is unchanged).
 */
export function defaultProvidersFromEnv(env: NodeJS.ProcessEnv): {
  providers: ProviderConfig[];
  models: ModelConfig[];
} {
  const providers: ProviderConfig[] = [];
  const models: ModelConfig[] = [];
  const add = (provider: ProviderConfig, ids: { id: string; type: 'chat' | 'embeddings' }[]) => {
    providers.push(provider);
    for (const m of ids)
      models.push({ id: m.id, type: m.type, targets: [{ provider: provider.id, model: m.id }] });
  };
  if (env.OPENAI_API_KEY) {
    add(
      {
        id: 'openai',
        type: 'openai',
        apiKey: env.OPENAI_API_KEY,
        location: 'US',
        timeoutMs: 60_000,
        weight: 1,
      },
      [
        { id: 'gpt-4o-mini', type: 'chat' },
        { id: 'gpt-4o', type: 'chat' },
        { id: 'gpt-4.1-mini', type: 'chat' },
        { id: 'gpt-4.1', type: 'chat' },
        { id: 'text-embedding-3-small', type: 'embeddings' },
        { id: 'text-embedding-3-large', type: 'embeddings' },
      ],
    );
  }
  if (env.MISTRAL_API_KEY) {
    add(
      {
        id: 'mistral',
        type: 'mistral',
        apiKey: env.MISTRAL_API_KEY,
        location: 'EU',
        timeoutMs: 60_000,
        weight: 1,
      },
      [
        { id: 'mistral-small-latest', type: 'chat' },
        { id: 'mistral-medium-latest', type: 'chat' },
        { id: 'mistral-large-latest', type: 'chat' },
        { id: 'open-mistral-nemo', type: 'chat' },
        { id: 'mistral-embed', type: 'embeddings' },
      ],
    );
  }
  return { providers, models };
}

/**
 * Indicative list prices converted to MAD (≈10 MAD per USD/EUR), per 1M tokens. Operators override
 * them in `prices`; they exist so that budgets mean something out of the box.
 */
export const DEFAULT_PRICES_MAD: Record<string, PriceConfig> = {
  'openai/gpt-4o-mini': { inputPer1M: 1.5, outputPer1M: 6 },
  'openai/gpt-4o': { inputPer1M: 25, outputPer1M: 100 },
  'openai/gpt-4.1-mini': { inputPer1M: 4, outputPer1M: 16 },
  'openai/gpt-4.1': { inputPer1M: 20, outputPer1M: 80 },
  'openai/text-embedding-3-small': { inputPer1M: 0.2, outputPer1M: 0 },
  'openai/text-embedding-3-large': { inputPer1M: 1.3, outputPer1M: 0 },
  'mistral/mistral-small-latest': { inputPer1M: 1, outputPer1M: 3 },
  'mistral/mistral-medium-latest': { inputPer1M: 4, outputPer1M: 20 },
  'mistral/mistral-large-latest': { inputPer1M: 20, outputPer1M: 60 },
  'mistral/open-mistral-nemo': { inputPer1M: 1.5, outputPer1M: 1.5 },
  'mistral/mistral-embed': { inputPer1M: 1, outputPer1M: 0 },
};
