import type {
  ChatCompletionRequest,
  ChatGuard,
  ChatMessage,
  GuardPlan,
  ProviderInfo,
  RequestContext,
  TargetDecision,
} from '@khidma/gateway';
import {
  createSession,
  createStreamRestorer,
  type DataClass,
  detectPii,
  inspectText,
  maxDataClass,
  normalizeValue,
  type PiiEntity,
  type PseudonymSession,
  pseudonymize,
  type SensitiveCategory,
} from '@khidma/privacy';
import { planEmbeddings } from './embeddings-guard.js';
import { type PrivacyPolicy, providerClasses } from './policy.js';
import { LEGAL, refusalLog, residencyFor } from './residency.js';

/** What the guard hands over when a request was pseudonymised (persisted sealed, with subject hashes). */
export interface PseudonymisedRequest {
  requestId: string;
  orgId: string | null;
  keyId: string | null;
  session: PseudonymSession;
  entities: PiiEntity[];
}

export interface PrivacyGuardOptions {
  /** Effective policy for the caller's organisation. */
  policyFor(orgId: string | null | undefined): Promise<PrivacyPolicy> | PrivacyPolicy;
  /** Data classes each configured provider accepts (by provider id); others use their ProviderInfo. */
  providerClasses?: Map<string, DataClass[]>;
  /** Called once per request that was actually pseudonymised for some target. */
  onPseudonymised?(r: PseudonymisedRequest): void;
}

/**
 * Roles whose text speaks about the data subject: what the user wrote and what tools returned about them
 * (a record lookup can disclose a diagnosis). System/developer prompts are the operator's instructions and
 * grounding (a catalogue mentioning "empreintes biométriques" says nothing about anyone), and assistant
 * turns only echo earlier turns or that grounding. See docs/adr/0022-data-residency-policy-in-the-gateway.md.
 */
const SUBJECT_ROLES = new Set(['user', 'tool', 'function']);

interface MessageText {
  text: string;
  /** Whether special categories found in this text make the request sensitive. */
  aboutSubject: boolean;
}

function textsOf(messages: ChatMessage[]): MessageText[] {
  const out: MessageText[] = [];
  for (const m of messages) {
    const aboutSubject = SUBJECT_ROLES.has(m.role);
    if (typeof m.content === 'string') out.push({ text: m.content, aboutSubject });
    else if (Array.isArray(m.content))
      for (const part of m.content)
        if (part.type === 'text' && typeof part.text === 'string')
          out.push({ text: part.text, aboutSubject });
    // Tool-call arguments are written by the model from the conversation: identifiers yes, categories no.
    for (const tc of m.tool_calls ?? []) out.push({ text: tc.function.arguments, aboutSubject: false });
  }
  return out;
}

/** Copy of the request with every text replaced through `map` (content strings, text parts, tool arguments). */
function mapTexts(req: ChatCompletionRequest, map: (s: string) => string): ChatCompletionRequest {
  return {
    ...req,
    messages: req.messages.map((m) => ({
      ...m,
      content:
        typeof m.content === 'string'
          ? map(m.content)
          : Array.isArray(m.content)
            ? m.content.map((part) =>
                part.type === 'text' && typeof part.text === 'string'
                  ? { ...part, text: map(part.text) }
                  : part,
              )
            : m.content,
      ...(m.tool_calls
        ? {
            tool_calls: m.tool_calls.map((tc) => ({
              ...tc,
              function: { ...tc.function, arguments: map(tc.function.arguments) },
            })),
          }
        : {}),
    })),
  };
}

const keyOf = (e: { type: string; text: string }) =>
  `${e.type}:${normalizeValue(e.type as PiiEntity['type'], e.text)}`;

interface RequestAnalysis {
  dataClass: DataClass;
  /** Special categories found, for refusal messages ("declared sensitive" when only the header said so). */
  categoryList: string;
  /** Identifiers of the request, to tell which identifiers in an answer are new. */
  requestKeys: Set<string>;
  /** Detections per text, so pseudonymisation does not scan the prompt a second time. */
  detections: Map<string, PiiEntity[]>;
}

/** The request's data class: the declared one or what detection finds, whichever is higher. */
function analyseRequest(req: ChatCompletionRequest, declared: DataClass): RequestAnalysis {
  let detected: DataClass = 'public';
  const categories = new Set<SensitiveCategory>();
  const requestKeys = new Set<string>();
  const detections = new Map<string, PiiEntity[]>();
  for (const { text, aboutSubject } of textsOf(req.messages)) {
    // PII is detected everywhere (a name in a system prompt still must not go abroad in clear).
    const { classification, entities } = inspectText(text, { sensitive: aboutSubject });
    detections.set(text, entities);
    detected = maxDataClass(detected, classification.dataClass);
    for (const c of classification.sensitiveCategories) categories.add(c);
    for (const e of entities) requestKeys.add(keyOf(e));
  }
  return {
    dataClass: maxDataClass(declared, detected),
    categoryList: [...categories].join(', ') || 'declared sensitive',
    requestKeys,
    detections,
  };
}

const EVERY_CLASS: readonly DataClass[] = ['public', 'internal', 'personal', 'sensitive'];

/**
 * Whether residencyFor() answers "send as is" for this target whatever the data class: a provider in
 * Morocco that accepts every class, under a policy that does not refuse sensitive data outright.
 */
function sendsEveryClassInClear(
  p: ProviderInfo,
  accepts: readonly DataClass[],
  policy: PrivacyPolicy,
): boolean {
  return (
    p.location === 'MA' && policy.sensitive !== 'refuse' && EVERY_CLASS.every((c) => accepts.includes(c))
  );
}

/**
 * The ChatGuard of CONTRACTS.md: classifies each request (max of the declared class and detection),
 * decides per target from its location and accepted classes, pseudonymises for providers abroad,
 * restores answers, and flags identifiers in answers that the request did not contain.
 */
export function createPrivacyGuard(opts: PrivacyGuardOptions): ChatGuard {
  return {
    async plan(req: ChatCompletionRequest, ctx: RequestContext): Promise<GuardPlan> {
      const policy = await opts.policyFor(ctx.orgId);
      const declared = ctx.declaredDataClass ?? 'public';
      // Detection runs once, on first need: before sending when the decision depends on it, otherwise
      // when the audit entry is built after the answer is sent (it then only names the class there).
      let analysis: RequestAnalysis | undefined;
      const analyse = () => {
        analysis ??= analyseRequest(req, declared);
        return analysis;
      };

      let pseudonymised: { body: ChatCompletionRequest; session: PseudonymSession } | null = null;
      const pseudonymisedBody = () => {
        if (pseudonymised) return pseudonymised;
        const { detections } = analyse();
        const session = createSession({ ttlMs: policy.mappingTtlMinutes * 60_000 });
        const entities: PiiEntity[] = [];
        const body = mapTexts(req, (s) => {
          const r = pseudonymize(s, { session, entities: detections.get(s) });
          entities.push(...r.entities);
          return r.text;
        });
        pseudonymised = { body, session };
        opts.onPseudonymised?.({
          requestId: ctx.requestId,
          orgId: ctx.orgId ?? null,
          keyId: ctx.keyId ?? null,
          session,
          entities,
        });
        return pseudonymised;
      };

      const refusals = refusalLog();
      const forTarget = (p: ProviderInfo): TargetDecision => {
        const accepts = opts.providerClasses?.get(p.id) ?? providerClasses(p);
        const residency = () => {
          const a = analyse();
          return residencyFor(p, { dataClass: a.dataClass, categories: a.categoryList, policy, accepts });
        };
        if (sendsEveryClassInClear(p, accepts, policy)) {
          // Whatever detection finds, this target gets the request as it is: only the legal basis
          // recorded in the audit depends on the class, so it is worked out when the audit asks.
          return {
            allowed: true,
            body: req,
            decision: 'allowed',
            get legalBasis() {
              const r = residency();
              return r.kind === 'send' ? r.legalBasis : LEGAL.inMorocco;
            },
          };
        }
        const r = residency();
        if (r.kind === 'refuse') {
          refusals.add(r.legalBasis);
          return { allowed: false, reason: r.reason };
        }
        if (r.kind === 'send')
          return { allowed: true, body: req, decision: r.decision, legalBasis: r.legalBasis };
        const { body, session } = pseudonymisedBody();
        return {
          allowed: true,
          body,
          restorer: () => createStreamRestorer(session),
          decision: 'pseudonymized',
          legalBasis: LEGAL.pseudonymisedAbroad,
        };
      };

      return {
        get dataClass() {
          return analyse().dataClass;
        },
        forTarget,
        refusalLegalBasis: refusals.basis,
        onResponseText(text: string) {
          const { requestKeys } = analyse();
          const unexpected = new Set<string>();
          for (const e of detectPii(text)) if (!requestKeys.has(keyOf(e))) unexpected.add(e.type);
          return { unexpectedPii: [...unexpected] };
        },
      };
    },
    planEmbeddings: (req, ctx) => planEmbeddings(req, ctx, opts),
  };
}
