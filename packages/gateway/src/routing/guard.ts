import type { DataClass, ProviderInfo } from '../providers/types.js';
import type { ChatCompletionRequest } from '../types/openai.js';
import type { RequestContext } from './context.js';

/** Privacy hook (CONTRACTS.md): implemented by the privacy package in the server. */
export interface TextRestorer {
  push(chunk: string): string;
  flush(): string;
}

export type TargetDecision =
  | { allowed: false; reason: string }
  | {
      allowed: true;
      body: ChatCompletionRequest;
      restorer?: () => TextRestorer;
      decision: string;
      legalBasis: string;
    };

export interface GuardPlan {
  dataClass: DataClass;
  forTarget(p: ProviderInfo): TargetDecision;
  onResponseText?(text: string): { unexpectedPii: string[] };
}

export interface ChatGuard {
  plan(req: ChatCompletionRequest, ctx: RequestContext): Promise<GuardPlan> | GuardPlan;
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
