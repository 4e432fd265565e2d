import type { ChatCompletionRequest, EmbeddingRequest } from '../types/openai.js';

/**
 * Rough token estimate (≈4 bytes of UTF-8 per token, rounded up) used only for pre-flight quota checks
 * and for upstreams that report no usage. Arabic and Tifinagh take more bytes per character, which
 * matches their higher token counts in common BPE vocabularies.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(Buffer.byteLength(text, 'utf8') / 4);
}

export function estimatePromptTokens(req: ChatCompletionRequest): number {
  let n = 0;
  for (const m of req.messages) {
    n += 4;
    if (typeof m.content === 'string') n += estimateTokens(m.content);
    else if (Array.isArray(m.content)) {
      for (const p of m.content) {
        const text = (p as { text?: unknown }).text;
        n += typeof text === 'string' ? estimateTokens(text) : 85;
      }
    }
    if (m.tool_calls) for (const tc of m.tool_calls) n += estimateTokens(tc.function.arguments) + 8;
  }
  if (req.tools) n += estimateTokens(JSON.stringify(req.tools));
  return n;
}

/** Prompt estimate plus the most the answer may take, for the pre-flight token-limit check. */
export function estimateRequestTokens(req: ChatCompletionRequest): number {
  const max = req.max_completion_tokens ?? req.max_tokens;
  return estimatePromptTokens(req) + (typeof max === 'number' ? max : 256);
}

export function estimateEmbeddingTokens(req: EmbeddingRequest): number {
  const input = req.input;
  if (typeof input === 'string') return estimateTokens(input);
  let n = 0;
  for (const x of input as unknown[]) {
    if (typeof x === 'string') n += estimateTokens(x);
    else if (Array.isArray(x)) n += x.length;
    else n += 1;
  }
  return n;
}
