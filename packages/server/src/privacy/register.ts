import type { KhidmaConfig } from '../config/schema.js';
import { type PrivacyConfig, type PrivacyPolicy, providerClasses } from './policy.js';

/**
 * Processing register (Loi 09-08 art. 15 and CNDP declarations): purposes, data categories,
 * recipients, transfers abroad with destination countries, and retention, derived from the running
 * configuration so it cannot drift from what the gateway actually does.
 */
export interface ProcessingRegister {
  generatedAt: string;
  controller: PrivacyConfig['register'] extends infer R ? Omit<R, 'purposes'> : never;
  activities: ProcessingActivity[];
  organisations: { id: string; slug: string; policy: PrivacyPolicy }[];
}

export interface Recipient {
  provider: string;
  type: string;
  country: string;
  dataClasses: string[];
  models: string[];
  transferAbroad: boolean;
  safeguard: string;
}

export interface ProcessingActivity {
  id: string;
  name: string;
  purpose: string;
  legalBasis: string;
  dataSubjects: string[];
  dataCategories: string[];
  sensitiveData: string;
  recipients: Recipient[];
  transfersAbroad: { country: string; providers: string[]; safeguard: string }[];
  retention: {
    requestLogsDays: number;
    pseudonymMappingsDays: number;
    mappingTtlMinutes: number;
    auditDays: number | null;
  };
  security: string[];
}

const CATEGORIES = [
  'identification (CIN, passport, Massar code, vehicle plates)',
  'contact (phone, e-mail, postal address)',
  'financial (RIB, IBAN, payment card)',
  'company identifiers (ICE, IF, RC, CNSS)',
  'personal details (name, date of birth)',
  'technical (IP address)',
];

const SECURITY = [
  'personal data detected and pseudonymised before any transfer abroad',
  'pseudonym mappings sealed with AES-256-GCM under a key derived from KHIDMA_SECRET (HKDF-SHA256)',
  'data-subject identifiers stored only as keyed HMAC-SHA256 hashes',
  'hash-chained audit log of every routing decision (legal basis, destination country, data class)',
  'API keys hashed at rest, per-key scopes and quotas',
];

function safeguardFor(location: string, policy: PrivacyPolicy): string {
  if (location === 'MA') return 'processing in Morocco';
  if (policy.personalAbroad === 'refuse') return 'no personal data transferred (refused)';
  if (policy.personalAbroad === 'allow')
    return 'transfer of personal data authorised by organisation policy (CNDP authorisation required)';
  return 'pseudonymisation before transfer; identifiers remain in Morocco';
}

export function buildRegister(
  config: KhidmaConfig,
  privacy: PrivacyConfig,
  defaults: PrivacyPolicy,
  orgs: { id: string; slug: string; policy: PrivacyPolicy }[],
  now = new Date(),
): ProcessingRegister {
  const modelsByProvider = new Map<string, string[]>();
  for (const m of config.models)
    for (const t of m.targets)
      modelsByProvider.set(t.provider, [...(modelsByProvider.get(t.provider) ?? []), m.id]);
  const recipients: Recipient[] = config.providers.map((p) => ({
    provider: p.id,
    type: p.type,
    country: p.location,
    dataClasses: providerClasses(p),
    models: [...new Set(modelsByProvider.get(p.id) ?? [])],
    transferAbroad: p.location !== 'MA',
    safeguard: safeguardFor(p.location, defaults),
  }));
  const abroad = new Map<string, string[]>();
  for (const r of recipients)
    if (r.transferAbroad) abroad.set(r.country, [...(abroad.get(r.country) ?? []), r.provider]);
  const retention = {
    requestLogsDays: Math.min(defaults.retentionDays, config.retention.usageDays),
    pseudonymMappingsDays: defaults.retentionDays,
    mappingTtlMinutes: defaults.mappingTtlMinutes,
    auditDays: config.retention.auditDays,
  };
  const configured = privacy.register.purposes ?? [];
  const gatewayPurpose = configured[0];
  const { purposes: _purposes, ...controller } = privacy.register;
  const activities: ProcessingActivity[] = [
    {
      id: 'ai-gateway',
      name: 'AI assistance through the Khidma gateway',
      purpose:
        gatewayPurpose?.description ??
        gatewayPurpose?.name ??
        'answering users’ requests with language models',
      legalBasis:
        gatewayPurpose?.legalBasis ??
        'Loi 09-08 art. 4: consent of the person or necessity for the service requested',
      dataSubjects: ['citizens and customers writing to the organisation', 'staff using the service'],
      dataCategories: CATEGORIES,
      sensitiveData:
        defaults.sensitive === 'refuse'
          ? 'refused (health, religion, opinions, origin, union membership, sex life, biometrics, criminal records)'
          : 'processed only by providers located in Morocco (art. 21); refused otherwise',
      recipients,
      transfersAbroad: [...abroad].map(([country, providers]) => ({
        country,
        providers,
        safeguard: safeguardFor(country, defaults),
      })),
      retention,
      security: SECURITY,
    },
    {
      id: 'pseudonymisation-api',
      name: 'Pseudonymisation service (/v1/privacy)',
      purpose: 'detecting and pseudonymising personal data for client applications',
      legalBasis:
        'Loi 09-08 art. 4: processing on behalf of the client organisation (subcontracting, art. 23)',
      dataSubjects: ['persons named in texts submitted by client organisations'],
      dataCategories: CATEGORIES,
      sensitiveData: 'classified, never stored',
      recipients: [],
      transfersAbroad: [],
      retention,
      security: SECURITY,
    },
    ...configured.slice(1).map((p, i) => ({
      id: `purpose-${i + 2}`,
      name: p.name,
      purpose: p.description ?? p.name,
      legalBasis: p.legalBasis ?? 'Loi 09-08 art. 4',
      dataSubjects: ['as declared by the organisation'],
      dataCategories: CATEGORIES,
      sensitiveData: 'as for ai-gateway',
      recipients,
      transfersAbroad: [...abroad].map(([country, providers]) => ({
        country,
        providers,
        safeguard: safeguardFor(country, defaults),
      })),
      retention,
      security: SECURITY,
    })),
  ];
  return { generatedAt: now.toISOString(), controller, activities, organisations: orgs };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  // Quote always; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per activity and recipient (or one row for an activity without recipients). */
export function registerToCsv(r: ProcessingRegister): string {
  const header = [
    'activity',
    'name',
    'purpose',
    'legal_basis',
    'data_categories',
    'sensitive_data',
    'recipient',
    'recipient_country',
    'transfer_abroad',
    'safeguard',
    'data_classes',
    'request_logs_retention_days',
    'mappings_retention_days',
  ];
  const rows = [header.map(csvCell).join(',')];
  for (const a of r.activities) {
    const recips = a.recipients.length ? a.recipients : [null];
    for (const rec of recips)
      rows.push(
        [
          a.id,
          a.name,
          a.purpose,
          a.legalBasis,
          a.dataCategories,
          a.sensitiveData,
          rec?.provider ?? '',
          rec?.country ?? '',
          rec ? (rec.transferAbroad ? 'yes' : 'no') : 'no',
          rec?.safeguard ?? '',
          rec?.dataClasses ?? [],
          a.retention.requestLogsDays,
          a.retention.pseudonymMappingsDays,
        ]
          .map(csvCell)
          .join(','),
      );
  }
  return `${rows.join('\r\n')}\r\n`;
}
