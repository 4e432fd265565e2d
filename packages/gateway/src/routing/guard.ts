import type { DataClass, ProviderInfo } from '../providers/types.js';
import type { ChatCompletionRequest, EmbeddingRequest } from '../types/openai.js';
import type { RequestContext } from './context.js';

/** Privacy hook (CONTRACTS.md): implemented by the privacy package in the server. */
export interface TextRestorer {
  push(chunk: string): string;
  flush(): string;
}

export type TargetDecision<B = ChatCompletionRequest> =
  | { allowed: false; reason: string }
  | {
      allowed: true;
      body: B;
      restorer?: () => TextRestorer;
      decision: string;
      legalBasis: string;
    };

export interface GuardPlan<B = ChatCompletionRequest> {
  dataClass: DataClass;
  forTarget(p: ProviderInfo): TargetDecision<B>;
  onResponseText?(text: string): { unexpectedPii: string[] };
  /** Legal basis of the refusals this plan issued, for the audit entry of a refused request. */
  refusalLegalBasis?(): string | undefined;
}

export interface ChatGuard {
  plan(req: ChatCompletionRequest, ctx: RequestContext): Promise<GuardPlan> | GuardPlan;
  /** Optional: the same policy for embedding inputs (no restorer: vectors carry no text back). */
  planEmbeddings?(
    req: EmbeddingRequest,
    ctx: RequestContext,
  ): Promise<GuardPlan<EmbeddingRequest>> | GuardPlan<EmbeddingRequest>;
}

/** Default guard: sends the request unchanged everywhere and says so in the audit chain. */
export const passThroughGuard: ChatGuard = {
  plan(req) {
    const allowed: TargetDecision = {
      allowed: true,
      body: req,
      decision: 'allowed',
      legalBasis: 'not_assessed',
    };
    return { dataClass: 'internal', forTarget: () => allowed };
  },
};
