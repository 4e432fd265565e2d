import type {
  EmbeddingRequest,
  GuardPlan,
  ProviderInfo,
  RequestContext,
  TargetDecision,
} from '@khidma/gateway';
import {
  createSession,
  type DataClass,
  inspectText,
  maxDataClass,
  type PiiEntity,
  pseudonymize,
  type SensitiveCategory,
} from '@khidma/privacy';
import type { PrivacyGuardOptions } from './guard.js';
import { providerClasses } from './policy.js';
import { LEGAL, refusalLog, residencyFor } from './residency.js';

/**
 * The residency policy for /v1/embeddings (ADR 0022). Every input is user content, so it is classified in
 * full. Foreign providers get pseudonymised inputs (one session per request, so the same value gets the same
 * placeholder in every input); nothing is restored or stored, since a vector carries no text back.
 * Token-id inputs cannot be inspected: they count as personal and never leave Morocco in that form.
 */
export async function planEmbeddings(
  req: EmbeddingRequest,
  ctx: RequestContext,
  opts: PrivacyGuardOptions,
): Promise<GuardPlan<EmbeddingRequest>> {
  const policy = await opts.policyFor(ctx.orgId);
  const texts = typeof req.input === 'string' ? [req.input] : req.input;
  const opaque = texts.some((t) => typeof t !== 'string');
  let detected: DataClass = opaque ? 'personal' : 'public';
  const categories = new Set<SensitiveCategory>();
  const detections: (PiiEntity[] | undefined)[] = [];
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    const { classification, entities } = inspectText(t);
    detections.push(entities);
    detected = maxDataClass(detected, classification.dataClass);
    for (const c of classification.sensitiveCategories) categories.add(c);
  }
  const dataClass = maxDataClass(ctx.declaredDataClass ?? 'public', detected);

  let pseudonymised: EmbeddingRequest | null = null;
  const pseudonymisedBody = (): EmbeddingRequest => {
    if (pseudonymised) return pseudonymised;
    const session = createSession({ ttlMs: policy.mappingTtlMinutes * 60_000 });
    const strings = texts as string[];
    const out = strings.map((t, i) => pseudonymize(t, { session, entities: detections[i] }).text);
    pseudonymised = { ...req, input: typeof req.input === 'string' ? out[0]! : out };
    return pseudonymised;
  };

  const refusals = refusalLog();
  return {
    dataClass,
    refusalLegalBasis: refusals.basis,
    forTarget(p: ProviderInfo): TargetDecision<EmbeddingRequest> {
      const r = residencyFor(p, {
        dataClass,
        categories: [...categories].join(', ') || 'declared sensitive',
        policy,
        accepts: opts.providerClasses?.get(p.id) ?? providerClasses(p),
        opaque,
      });
      if (r.kind === 'refuse') {
        refusals.add(r.legalBasis);
        return { allowed: false, reason: r.reason };
      }
      if (r.kind === 'send')
        return { allowed: true, body: req, decision: r.decision, legalBasis: r.legalBasis };
      return {
        allowed: true,
        body: pseudonymisedBody(),
        decision: 'pseudonymized',
        legalBasis: LEGAL.pseudonymisedAbroad,
      };
    },
  };
}
