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
import { type PrivacyPolicy, providerClasses } from './policy.js';

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

const LEGAL = {
  notPersonal: 'no personal data detected (Loi 09-08 not applicable)',
  inMorocco: 'Loi 09-08 art. 4: processing in Morocco for the declared purpose',
  pseudonymisedAbroad:
    'Loi 09-08 art. 43: only pseudonymised data leaves Morocco; identifiers stay in Morocco',
  transferAllowed:
    'Loi 09-08 art. 43-44: transfer abroad allowed by the organisation policy (CNDP authorisation)',
  sensitiveInMorocco:
    'Loi 09-08 art. 21: sensitive data processed in Morocco only, with consent or CNDP authorisation',
};

/** Refusal texts: English, French, Arabic, Darija and Tamazight, because they reach end users. */
function refusal(kind: 'sensitive' | 'personal' | 'class', p: ProviderInfo, detail: string): string {
  const where = `'${p.id}' is located in ${p.location}`;
  if (kind === 'sensitive')
    return `sensitive data (${detail}) may only be processed by providers hosted in Morocco; ${where} / données sensibles : traitement au Maroc uniquement / المعطيات الحساسة لا تعالج إلا داخل المغرب / هاد المعطيات حساسة وما كتخرجش من المغرب / ⵉⵙⴼⴽⴰ ⵓⵙⵍⵉⴳⵏ: ⵖⴰⵙ ⴳ ⵍⵎⵖⵔⵉⴱ (data_residency_refused)`;
  if (kind === 'personal')
    return `this organisation does not allow personal data to leave Morocco; ${where} / données personnelles : pas de transfert hors du Maroc / لا يسمح بنقل المعطيات الشخصية خارج المغرب / المعطيات الشخصية ما كتخرجش من المغرب (data_residency_refused)`;
  return `provider '${p.id}' does not accept ${detail} data / ce fournisseur n'accepte pas les données « ${detail} » / هذا المزود لا يقبل هذا الصنف من المعطيات (data_class_not_allowed)`;
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

/**
 * The ChatGuard of CONTRACTS.md: classifies each request (max of the declared class and detection),
 * decides per target from its location and accepted classes, pseudonymises for providers abroad,
 * restores answers, and flags identifiers in answers that the request did not contain.
 */
export function createPrivacyGuard(opts: PrivacyGuardOptions): ChatGuard {
  return {
    async plan(req: ChatCompletionRequest, ctx: RequestContext): Promise<GuardPlan> {
      const policy = await opts.policyFor(ctx.orgId);
      const texts = textsOf(req.messages);
      let detected: DataClass = 'public';
      const categories = new Set<SensitiveCategory>();
      const requestKeys = new Set<string>();
      // Detections are kept per text so pseudonymisation does not scan the prompt a second time.
      const detections = new Map<string, PiiEntity[]>();
      for (const { text: t, aboutSubject } of texts) {
        // PII is detected everywhere (a name in a system prompt still must not go abroad in clear).
        const { classification, entities } = inspectText(t, { sensitive: aboutSubject });
        detections.set(t, entities);
        detected = maxDataClass(detected, classification.dataClass);
        for (const c of classification.sensitiveCategories) categories.add(c);
        for (const e of entities) requestKeys.add(keyOf(e));
      }
      const declared = ctx.declaredDataClass ?? 'public';
      const dataClass = maxDataClass(declared, detected);
      const categoryList = [...categories].join(', ') || 'declared sensitive';

      let pseudonymised: { body: ChatCompletionRequest; session: PseudonymSession } | null = null;
      const pseudonymisedBody = () => {
        if (pseudonymised) return pseudonymised;
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

      const forTarget = (p: ProviderInfo): TargetDecision => {
        const accepts = opts.providerClasses?.get(p.id) ?? providerClasses(p);
        const inMorocco = p.location === 'MA';
        if (dataClass === 'sensitive') {
          if (policy.sensitive === 'refuse' || !inMorocco)
            return { allowed: false, reason: refusal('sensitive', p, categoryList) };
          if (!accepts.includes('sensitive'))
            return { allowed: false, reason: refusal('class', p, 'sensitive') };
          return { allowed: true, body: req, decision: 'allowed', legalBasis: LEGAL.sensitiveInMorocco };
        }
        if (!accepts.includes(dataClass)) return { allowed: false, reason: refusal('class', p, dataClass) };
        if (dataClass !== 'personal')
          return { allowed: true, body: req, decision: 'allowed', legalBasis: LEGAL.notPersonal };
        if (inMorocco) return { allowed: true, body: req, decision: 'allowed', legalBasis: LEGAL.inMorocco };
        if (policy.personalAbroad === 'refuse') return { allowed: false, reason: refusal('personal', p, '') };
        if (policy.personalAbroad === 'allow')
          return {
            allowed: true,
            body: req,
            decision: 'allowed_transfer',
            legalBasis: LEGAL.transferAllowed,
          };
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
        dataClass,
        forTarget,
        onResponseText(text: string) {
          const unexpected = new Set<string>();
          for (const e of detectPii(text)) if (!requestKeys.has(keyOf(e))) unexpected.add(e.type);
          return { unexpectedPii: [...unexpected] };
        },
      };
    },
  };
}
