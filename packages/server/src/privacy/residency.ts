import type { ProviderInfo } from '@khidma/gateway';
import type { DataClass } from '@khidma/privacy';
import type { PrivacyPolicy } from './policy.js';

/** Legal bases recorded in the audit chain, for what was sent and for what was refused. */
export const LEGAL = {
  notPersonal: 'no personal data detected (Loi 09-08 not applicable)',
  inMorocco: 'Loi 09-08 art. 4: processing in Morocco for the declared purpose',
  pseudonymisedAbroad:
    'Loi 09-08 art. 43: only pseudonymised data leaves Morocco; identifiers stay in Morocco',
  transferAllowed:
    'Loi 09-08 art. 43-44: transfer abroad allowed by the organisation policy (CNDP authorisation)',
  sensitiveInMorocco:
    'Loi 09-08 art. 21: sensitive data processed in Morocco only, with consent or CNDP authorisation',
  refusedSensitive:
    'Loi 09-08 art. 21 and 43: sensitive data may not be transferred abroad without CNDP authorisation; refused',
  refusedPersonal:
    'Loi 09-08 art. 43-44: the organisation has no authorisation to transfer personal data abroad; refused',
  refusedClass:
    'Loi 09-08 art. 23-24: the provider (processor) is not authorised for this data class; refused',
  refusedOpaque:
    'Loi 09-08 art. 43: token-id inputs cannot be inspected or pseudonymised, so they may not leave Morocco; refused',
};

/** What the policy says for one target; `pseudonymise` means: send only the pseudonymised body. */
export type Residency =
  | { kind: 'refuse'; reason: string; legalBasis: string }
  | { kind: 'send'; decision: 'allowed' | 'allowed_transfer'; legalBasis: string }
  | { kind: 'pseudonymise' };

/** Refusal texts: English, French, Arabic, Darija and Tamazight, because they reach end users. */
function refusal(kind: 'sensitive' | 'personal' | 'class' | 'opaque', p: ProviderInfo, detail: string) {
  const where = `'${p.id}' is located in ${p.location}`;
  if (kind === 'sensitive')
    return `sensitive data (${detail}) may only be processed by providers hosted in Morocco; ${where} / données sensibles : traitement au Maroc uniquement / المعطيات الحساسة لا تعالج إلا داخل المغرب / هاد المعطيات حساسة وما كتخرجش من المغرب / ⵉⵙⴼⴽⴰ ⵓⵙⵍⵉⴳⵏ: ⵖⴰⵙ ⴳ ⵍⵎⵖⵔⵉⴱ (data_residency_refused)`;
  if (kind === 'personal')
    return `this organisation does not allow personal data to leave Morocco; ${where} / données personnelles : pas de transfert hors du Maroc / لا يسمح بنقل المعطيات الشخصية خارج المغرب / المعطيات الشخصية ما كتخرجش من المغرب (data_residency_refused)`;
  if (kind === 'opaque')
    return `token-id inputs cannot be checked for personal data, send text instead; ${where} / entrées en jetons non vérifiables, envoyez du texte / لا يمكن فحص المدخلات المرمزة، أرسل نصا / صيفط النص ماشي الأرقام ديال التوكن (data_residency_refused)`;
  return `provider '${p.id}' does not accept ${detail} data / ce fournisseur n'accepte pas les données « ${detail} » / هذا المزود لا يقبل هذا الصنف من المعطيات (data_class_not_allowed)`;
}

export interface ResidencyInput {
  dataClass: DataClass;
  /** Special categories found, for the refusal message. */
  categories: string;
  policy: PrivacyPolicy;
  /** Data classes this provider accepts. */
  accepts: readonly DataClass[];
  /** The body cannot be pseudonymised (embedding inputs given as token ids). */
  opaque?: boolean;
}

/** The Loi 09-08 residency policy of ADR 0022 for one candidate target. */
export function residencyFor(p: ProviderInfo, i: ResidencyInput): Residency {
  const inMorocco = p.location === 'MA';
  const refuse = (kind: Parameters<typeof refusal>[0], detail: string, legalBasis: string): Residency => ({
    kind: 'refuse',
    reason: refusal(kind, p, detail),
    legalBasis,
  });
  if (i.dataClass === 'sensitive') {
    if (i.policy.sensitive === 'refuse' || !inMorocco)
      return refuse('sensitive', i.categories, LEGAL.refusedSensitive);
    if (!i.accepts.includes('sensitive')) return refuse('class', 'sensitive', LEGAL.refusedClass);
    return { kind: 'send', decision: 'allowed', legalBasis: LEGAL.sensitiveInMorocco };
  }
  if (!i.accepts.includes(i.dataClass)) return refuse('class', i.dataClass, LEGAL.refusedClass);
  if (i.dataClass !== 'personal') return { kind: 'send', decision: 'allowed', legalBasis: LEGAL.notPersonal };
  if (inMorocco) return { kind: 'send', decision: 'allowed', legalBasis: LEGAL.inMorocco };
  if (i.policy.personalAbroad === 'refuse') return refuse('personal', '', LEGAL.refusedPersonal);
  if (i.policy.personalAbroad === 'allow')
    return { kind: 'send', decision: 'allowed_transfer', legalBasis: LEGAL.transferAllowed };
  if (i.opaque) return refuse('opaque', '', LEGAL.refusedOpaque);
  return { kind: 'pseudonymise' };
}

/** Collects the legal bases of refusals so a refused request's audit entry states why. */
export function refusalLog(): { add(basis: string): void; basis(): string | undefined } {
  const bases = new Set<string>();
  return {
    add: (b) => bases.add(b),
    basis: () => (bases.size > 0 ? [...bases].join('; ') : undefined),
  };
}
