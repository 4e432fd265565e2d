import {
  AUDIENCES,
  type Audience,
  CATEGORIES,
  type Category,
  type Fee,
  type LegalReference,
  type LocalizedText,
  type OnlineChannel,
  type Procedure,
  TEXT_LANGS,
} from './types.js';

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const ID_RE = /^[a-z0-9][a-z0-9-]{1,79}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 4000;
const MAX_LIST = 60;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects issues while walking an untrusted object; each reader returns a safe default on failure. */
class Reader {
  readonly issues: ValidationIssue[] = [];
  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  text(v: unknown, path: string, required: readonly string[] = []): LocalizedText {
    if (typeof v === 'string') v = { fr: v };
    if (!isObj(v)) {
      this.fail(path, 'expected an object of language → text, e.g. { fr: "…", ar: "…" }');
      return {};
    }
    const out: LocalizedText = {};
    for (const [k, val] of Object.entries(v)) {
      if (!(TEXT_LANGS as readonly string[]).includes(k)) {
        this.fail(`${path}.${k}`, `unknown language key (allowed: ${TEXT_LANGS.join(', ')})`);
        continue;
      }
      if (val === null || val === undefined || val === '') continue;
      if (typeof val !== 'string') this.fail(`${path}.${k}`, 'expected a string');
      else if (val.length > MAX_TEXT) this.fail(`${path}.${k}`, `longer than ${MAX_TEXT} characters`);
      else out[k as keyof LocalizedText] = val.trim();
    }
    for (const k of required) {
      if (!out[k as keyof LocalizedText]) this.fail(`${path}.${k}`, 'required');
    }
    return out;
  }

  list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T, required = false): T[] {
    if (v === undefined || v === null) {
      if (required) this.fail(path, 'required');
      return [];
    }
    if (!Array.isArray(v)) {
      this.fail(path, 'expected a list');
      return [];
    }
    if (v.length > MAX_LIST) this.fail(path, `more than ${MAX_LIST} items`);
    return v.slice(0, MAX_LIST).map((x, i) => item(x, `${path}[${i}]`));
  }

  url(v: unknown, path: string, required = false): string | undefined {
    if (v === undefined || v === null || v === '') {
      if (required) this.fail(path, 'required');
      return undefined;
    }
    if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v)) {
      this.fail(path, 'expected an http(s) URL');
      return undefined;
    }
    return v;
  }
}

function readFee(r: Reader, v: unknown, path: string): Fee {
  if (typeof v === 'number') v = { amountMad: v };
  if (!isObj(v)) {
    r.fail(path, 'expected { amountMad, label? }');
    return { amountMad: 0 };
  }
  const amount = typeof v.amountMad === 'string' ? Number(v.amountMad) : v.amountMad;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    r.fail(`${path}.amountMad`, 'expected a non-negative number of dirhams');
  }
  const fee: Fee = { amountMad: typeof amount === 'number' && Number.isFinite(amount) ? amount : 0 };
  if (v.label !== undefined) fee.label = r.text(v.label, `${path}.label`);
  return fee;
}

/** Validates one procedure from untrusted input (YAML, JSON, CSV row, API body). */
export function validateProcedure(input: unknown): ValidationResult<Procedure> {
  const r = new Reader();
  if (!isObj(input)) return { ok: false, issues: [{ path: '', message: 'expected an object' }] };
  const v = input;
  const id = typeof v.id === 'string' ? v.id.trim() : '';
  if (!ID_RE.test(id)) r.fail('id', 'expected a lowercase kebab-case id (a-z, 0-9, -), 2–80 characters');

  const admin = isObj(v.administration) ? v.administration : {};
  if (!isObj(v.administration)) r.fail('administration', 'required object { id, name }');
  const adminId = typeof admin.id === 'string' ? admin.id : '';
  if (isObj(v.administration) && !adminId) r.fail('administration.id', 'required');

  const audience = r.list(v.audience, 'audience', (x, p) => {
    if (!(AUDIENCES as readonly unknown[]).includes(x)) r.fail(p, `expected one of ${AUDIENCES.join(', ')}`);
    return x as Audience;
  });
  if (audience.length === 0) r.fail('audience', 'at least one audience');
  if (!(CATEGORIES as readonly unknown[]).includes(v.category)) {
    r.fail('category', `expected one of ${CATEGORIES.join(', ')}`);
  }

  const channelsIn = isObj(v.channels) ? v.channels : {};
  const online = r.list(channelsIn.online, 'channels.online', (x, p): OnlineChannel => {
    const o = typeof x === 'string' ? { url: x } : isObj(x) ? x : {};
    const ch: OnlineChannel = { url: r.url(o.url, `${p}.url`, true) ?? '' };
    if (o.label !== undefined) ch.label = r.text(o.label, `${p}.label`);
    return ch;
  });
  const offices = r.list(channelsIn.offices, 'channels.offices', (x, p) => r.text(x, p));

  const lastVerified = typeof v.lastVerified === 'string' ? v.lastVerified : '';
  if (!DATE_RE.test(lastVerified) || Number.isNaN(Date.parse(lastVerified))) {
    r.fail('lastVerified', 'expected a date YYYY-MM-DD');
  }

  const procedure: Procedure = {
    id,
    title: r.text(v.title, 'title', ['fr', 'ar']),
    summary: r.text(v.summary ?? {}, 'summary'),
    administration: {
      id: adminId,
      name: r.text(admin.name ?? {}, 'administration.name'),
    },
    audience,
    category: v.category as Category,
    keywords: r.list(v.keywords, 'keywords', (x, p) => {
      if (typeof x !== 'string' || x.length > 200) r.fail(p, 'expected a short string');
      return String(x);
    }),
    documents: r.list(v.documents, 'documents', (x, p) => r.text(x, p)),
    steps: r.list(v.steps, 'steps', (x, p) => r.text(x, p)),
    channels: { online, offices },
    legalReferences: r.list(v.legalReferences, 'legalReferences', (x, p): LegalReference => {
      const o = typeof x === 'string' ? { title: { fr: x } } : isObj(x) ? x : {};
      const ref: LegalReference = { title: r.text(o.title, `${p}.title`) };
      const url = r.url(o.url, `${p}.url`);
      if (url) ref.url = url;
      return ref;
    }),
    sourceUrl: r.url(v.sourceUrl, 'sourceUrl', true) ?? '',
    lastVerified,
  };
  const website = r.url(admin.website, 'administration.website');
  if (website) procedure.administration.website = website;
  if (typeof admin.phone === 'string' && admin.phone) procedure.administration.phone = admin.phone;
  if (v.fees !== undefined && v.fees !== null) {
    procedure.fees = r.list(v.fees, 'fees', (x, p) => readFee(r, x, p));
    if (procedure.fees.length === 0) delete procedure.fees;
  }
  if (v.processingTime !== undefined && v.processingTime !== null) {
    procedure.processingTime = r.text(v.processingTime, 'processingTime');
  }
  if (v.sample === true) procedure.sample = true;
  return r.issues.length ? { ok: false, issues: r.issues } : { ok: true, value: procedure };
}

export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
