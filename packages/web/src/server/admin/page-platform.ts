import { LOCALES } from '../../i18n/locales.js';
import { formatDate, formatNumber } from '../formats.js';
import { html, type SafeHtml } from '../html.js';
import { listOf } from './api-client.js';
import { barChart } from './charts.js';
import { type AdminPageContext, csrfField, table, unavailable } from './context.js';

type Row = Record<string, unknown>;
const s = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
const first = (row: Row, ...keys: string[]): unknown =>
  keys.map((k) => row[k]).find((v) => v !== undefined && v !== null);

function countryName(code: string, locale: AdminPageContext['locale']): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([LOCALES[locale].lang, 'fr'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function statusClass(status: string): string {
  if (/^(healthy|ok|active|resolved|closed|done|completed)$/i.test(status)) return 'status-ok';
  if (/^(down|error|failed|broken|rejected)$/i.test(status)) return 'status-bad';
  return 'status-warn';
}

export async function renderProvidersPage(c: AdminPageContext): Promise<SafeHtml> {
  const { t, locale } = c;
  const [providers, models] = await Promise.all([
    c.api.get<unknown>('/admin/v1/providers'),
    c.api.get<unknown>('/admin/v1/models'),
  ]);
  const healthLabel = (status: string) =>
    status === 'healthy'
      ? t('admin.providers.healthy')
      : status === 'down' || status === 'degraded'
        ? t('admin.providers.cooling')
        : t('admin.providers.unknown');
  const providerRows = listOf<Row>(providers.ok ? providers.data : []).map((p) => {
    const status = s(p.status);
    const classes = Array.isArray(p.data_classes) ? p.data_classes.map(s) : [];
    return html`<tr><td dir="ltr"><code>${s(p.id)}</code></td><td>${s(p.type)}</td><td>${countryName(s(p.location), locale)} <bdi dir="ltr">(${s(p.location)})</bdi></td>
<td>${classes.length > 0 ? classes.map((x) => dataClassLabel(c, x)).join(', ') : t('admin.providers.defaultPolicy')}</td><td class="${statusClass(status)}">${healthLabel(status)} <bdi dir="ltr">(${status})</bdi></td></tr>`;
  });
  const targetRows: SafeHtml[] = [];
  for (const m of listOf<Row>(models.ok ? models.data : [])) {
    const targets = Array.isArray(m.targets) ? (m.targets as Row[]) : [];
    if (targets.length === 0) {
      targetRows.push(
        html`<tr><td dir="ltr"><code>${s(m.id)}</code></td><td>${s(m.owned_by)}</td><td>—</td><td>—</td><td class="${statusClass(s(m.status))}">${s(m.status)}</td><td>—</td></tr>`,
      );
    }
    for (const target of targets) {
      const state = s(target.state);
      targetRows.push(html`<tr><td dir="ltr"><code>${s(m.id)}</code></td><td>${s(m.owned_by)}</td><td dir="ltr">${s(target.provider)}/${s(target.upstream_model)}</td>
<td>${target.location ? countryName(s(target.location), locale) : '—'}</td><td class="${statusClass(state)}">${state === 'healthy' ? t('admin.providers.healthy') : state === 'cooldown' ? t('admin.providers.cooling') : state}</td>
<td>${target.cooldown_until ? formatDate(s(target.cooldown_until), locale, true) : '—'}</td></tr>`);
    }
  }
  return html`<h1>${t('admin.nav.providers')}</h1>
<h2>${t('admin.providers.title')}</h2>
${providers.ok ? '' : unavailable(t, providers.message)}
${table(t('admin.providers.title'), [t('admin.providers.id'), t('admin.providers.type'), t('admin.providers.location'), t('admin.providers.dataClasses'), t('admin.providers.health')], providerRows, t)}
<h2>${t('admin.models.title')}</h2>
${models.ok ? '' : unavailable(t, models.message)}
${table(t('admin.models.title'), [t('admin.models.id'), t('admin.models.owner'), t('admin.models.targets'), t('admin.providers.location'), t('admin.providers.health'), t('admin.providers.cooldown')], targetRows, t)}`;
}

function dataClassLabel(c: AdminPageContext, value: string): string {
  switch (value) {
    case 'public':
      return c.t('dataClass.public');
    case 'internal':
      return c.t('dataClass.internal');
    case 'personal':
      return c.t('dataClass.personal');
    case 'sensitive':
      return c.t('dataClass.sensitive');
    default:
      return value;
  }
}

const AUDIT_FILTERS = [
  'decision',
  'provider',
  'location',
  'model',
  'org_id',
  'key_id',
  'request_id',
] as const;

export async function renderAuditPage(c: AdminPageContext): Promise<SafeHtml> {
  const { t, locale, query } = c;
  const params = new URLSearchParams({ limit: '200' });
  for (const f of AUDIT_FILTERS) if (query[f]) params.set(f, query[f]!.slice(0, 200));
  const [entries, verify] = await Promise.all([
    c.api.get<unknown>(`/admin/v1/audit?${params}`),
    c.session.identity.role === 'admin' ? c.api.get<Row>('/admin/v1/audit/verify') : Promise.resolve(null),
  ]);
  const search = (query.q ?? '').trim().toLowerCase().slice(0, 200);
  const rows = listOf<Row>(entries.ok ? entries.data : []).filter(
    (e) => !search || JSON.stringify(e).toLowerCase().includes(search),
  );
  let chain: SafeHtml = html`<p class="status-warn">${t('admin.audit.chainUnknown')}</p>`;
  if (verify?.ok) {
    const v = verify.data;
    const bad = v.firstBad as Row | undefined;
    chain =
      v.ok === true
        ? html`<p class="status-ok" role="status">${t('admin.audit.chainValid', { count: formatNumber(Number(v.count ?? 0), locale) })}</p>`
        : html`<p class="status-bad" role="alert">${t('admin.audit.chainBroken', { at: s(bad?.seq ?? '?') })} <bdi dir="ltr">${s(bad?.message)}</bdi></p>`;
  }
  const field = (name: string, label: string) =>
    html`<div><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" value="${query[name] ?? ''}" dir="ltr" maxlength="200"></div>`;
  const tableRows = rows.map((e) => {
    const actor = (e.actor ?? {}) as Row;
    const flags = Array.isArray(e.flags) ? e.flags.map(s).join(', ') : '';
    return html`<tr><td>${formatDate(s(e.ts), locale, true)}</td><td dir="ltr"><code>${s(first(actor, 'keyId', 'key_id') ?? '—')}</code></td>
<td dir="ltr">${s(e.endpoint)} · ${s(e.model)}${e.provider ? ` → ${s(e.provider)}` : ''}${e.destinationCountry ? ` (${s(e.destinationCountry)})` : ''}</td>
<td dir="ltr"><span class="${statusClass(s(e.status))}">${s(e.status)}</span> · ${s(e.decision)} · ${s(e.dataClass)}${e.legalBasis ? ` · ${s(e.legalBasis)}` : ''}${flags ? ` · ${flags}` : ''}</td>
<td dir="ltr"><code>${s(e.seq)}</code> <code title="${s(e.hash)}">${s(e.hash).slice(0, 12)}</code></td></tr>`;
  });
  return html`<h1>${t('admin.audit.title')}</h1>
<section class="panel" aria-labelledby="chain-title"><h2 id="chain-title">${t('admin.audit.chain')}</h2>${chain}</section>
<form class="inline-form panel" method="get" action="/admin/audit" role="search">
<div><label for="f-q">${t('admin.audit.search')}</label><input id="f-q" type="search" name="q" value="${query.q ?? ''}" dir="auto" maxlength="200"></div>
${field('decision', t('admin.audit.event'))}
${field('provider', t('admin.providers.id'))}
${field('location', t('admin.privacy.country'))}
${field('model', t('admin.models.id'))}
<button type="submit">${t('admin.apply')}</button>
</form>
${entries.ok ? '' : unavailable(t, entries.message)}
${table(t('admin.audit.title'), [t('admin.audit.time'), t('admin.audit.actor'), t('admin.audit.event'), t('admin.audit.details'), t('admin.audit.chain')], tableRows, t)}`;
}

export async function renderPrivacyPage(c: AdminPageContext): Promise<SafeHtml> {
  const { t, locale } = c;
  const summary = await c.api.get<Row>('/admin/v1/console/privacy');
  const counts = (key: string) =>
    new Map(
      Object.entries(
        summary.ok && summary.data[key] && typeof summary.data[key] === 'object'
          ? (summary.data[key] as Record<string, number>)
          : {},
      ),
    );
  const detections = counts('detections_by_type');
  const transfers = counts('transfers_by_country');
  const num = (n: number) => formatNumber(n, locale);
  const detectionRows = [...detections]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => html`<tr><td dir="ltr">${type}</td><td class="num">${num(n)}</td></tr>`);
  const transferRows = [...transfers]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([country, n]) =>
        html`<tr><td>${countryName(country, locale)} <bdi dir="ltr">(${country})</bdi></td><td class="num">${num(n)}</td></tr>`,
    );
  const requestRows = listOf<Row>(summary.ok ? summary.data.subject_requests : []).map((r) => {
    const status = s(r.status);
    return html`<tr><td dir="ltr"><code>${s(r.id)}</code></td><td>${requestTypeLabel(c, s(r.type))}</td>
<td class="${statusClass(status)}">${status}</td><td>${formatDate(s(r.created_at), locale, true)}</td></tr>`;
  });
  return html`<h1>${t('admin.privacy.title')}</h1>
${summary.ok ? '' : unavailable(t, summary.message)}
<p class="hint">${t('admin.privacy.window', { from: formatDate(summary.ok ? s(summary.data.from) : null, locale) })}</p>
<div class="grid-2">
<section aria-labelledby="pv-detections"><h2 id="pv-detections">${t('admin.privacy.detections')}</h2>
${detections.size > 0 ? barChart({ title: t('admin.privacy.detections'), data: [...detections].map(([label, value]) => ({ label, value })), format: num }) : ''}
${table(t('admin.privacy.detections'), [t('admin.privacy.type'), { text: t('admin.privacy.count'), num: true }], detectionRows, t)}</section>
<section aria-labelledby="pv-transfers"><h2 id="pv-transfers">${t('admin.privacy.transfers')}</h2>
${table(t('admin.privacy.transfers'), [t('admin.privacy.country'), { text: t('admin.privacy.count'), num: true }], transferRows, t)}</section>
</div>
<h2>${t('admin.privacy.requests')}</h2>
${table(t('admin.privacy.requests'), ['#', t('admin.privacy.type'), t('admin.privacy.status'), t('admin.privacy.received')], requestRows, t)}`;
}

function requestTypeLabel(c: AdminPageContext, type: string): string {
  switch (type) {
    case 'erase':
      return c.t('admin.privacy.erase');
    case 'export':
      return c.t('admin.privacy.export');
    case 'find':
      return c.t('admin.privacy.find');
    default:
      return type;
  }
}

const TICKET_STATUSES = ['open', 'in_progress', 'closed'] as const;

/** Unanswered questions grouped by their text (case and spacing folded), most frequent first. */
export function groupUnanswered(rows: Row[]): { question: string; count: number; last: string }[] {
  const groups = new Map<string, { question: string; count: number; last: string }>();
  for (const row of rows) {
    const question = s(first(row, 'question', 'query', 'text')).trim();
    if (!question) continue;
    const key = question.toLowerCase().replace(/\s+/g, ' ');
    const when = s(first(row, 'created_at', 'createdAt'));
    const group = groups.get(key);
    if (group) {
      group.count += Number(first(row, 'count') ?? 1);
      if (when > group.last) group.last = when;
    } else groups.set(key, { question, count: Number(first(row, 'count') ?? 1), last: when });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.last.localeCompare(a.last));
}

export async function renderQualityPage(c: AdminPageContext): Promise<SafeHtml> {
  const { t, locale } = c;
  const [feedback, tickets, unanswered] = await Promise.all([
    c.api.getFirst<unknown>(['/admin/v1/assistant/feedback?limit=200']),
    c.api.getFirst<unknown>(['/admin/v1/assistant/tickets?limit=200', '/admin/v1/assistant/escalations']),
    c.api.getFirst<unknown>(['/admin/v1/assistant/unanswered?limit=200']),
  ]);
  const statusLabel = (status: string) =>
    status === 'open'
      ? t('admin.quality.statusOpen')
      : status === 'in_progress'
        ? t('admin.quality.statusInProgress')
        : status === 'closed'
          ? t('admin.quality.statusClosed')
          : status;
  const feedbackRows = listOf<Row>(feedback.ok ? feedback.data : []).map((f) => {
    const positive = s(first(f, 'rating', 'vote')) === 'up';
    const procedures = Array.isArray(f.procedure_ids) ? f.procedure_ids.map(s) : [];
    return html`<tr><td>${formatDate(s(first(f, 'created_at', 'createdAt')), locale, true)}</td><td class="${positive ? 'status-ok' : 'status-bad'}">${positive ? t('feedback.up') : t('feedback.down')}</td>
<td dir="ltr">${procedures.map((id, i) => html`${i > 0 ? ', ' : ''}<a href="/procedures/${encodeURIComponent(id)}">${id}</a>`)}</td><td dir="auto">${s(f.comment)}</td></tr>`;
  });
  const ticketRows = listOf<Row>(tickets.ok ? tickets.data : []).map((e) => {
    const id = s(first(e, 'id', 'ticket_id'));
    const status = s(first(e, 'status', 'state'));
    return html`<tr><td dir="ltr"><code>${id.slice(0, 12)}</code></td><td>${formatDate(s(first(e, 'created_at', 'createdAt')), locale, true)}</td>
<td dir="auto">${s(first(e, 'question', 'summary'))}</td><td dir="auto"><bdi>${s(e.contact)}</bdi></td><td class="${statusClass(status === 'closed' ? 'closed' : status)}">${statusLabel(status)}</td>
<td><form class="inline-form" method="post" action="/admin/tickets/${encodeURIComponent(id)}/status">
${csrfField(c.session)}
<label class="visually-hidden" for="st-${id}">${t('admin.quality.status')}</label>
<select id="st-${id}" name="status">${TICKET_STATUSES.map((st) => html`<option value="${st}"${st === status ? html` selected` : ''}>${statusLabel(st)}</option>`)}</select>
<button type="submit" class="secondary">${t('admin.apply')}</button></form></td></tr>`;
  });
  const unansweredRows = groupUnanswered(listOf<Row>(unanswered.ok ? unanswered.data : [])).map(
    (u) =>
      html`<tr><td dir="auto">${u.question}</td><td class="num">${formatNumber(u.count, locale)}</td><td>${formatDate(u.last, locale, true)}</td></tr>`,
  );
  return html`<h1>${t('admin.quality.title')}</h1>
<h2>${t('admin.quality.feedback')}</h2>
${feedback.ok ? '' : unavailable(t, feedback.message)}
${table(t('admin.quality.feedback'), [t('admin.quality.when'), t('admin.quality.rating'), t('admin.quality.procedures'), t('admin.quality.comment')], feedbackRows, t)}
<h2>${t('admin.quality.escalations')}</h2>
${tickets.ok ? '' : unavailable(t, tickets.message)}
${table(t('admin.quality.escalations'), [t('admin.quality.ticket'), t('admin.quality.when'), t('admin.quality.question'), t('admin.quality.contact'), t('admin.quality.status'), t('admin.actions')], ticketRows, t)}
<h2>${t('admin.quality.unanswered')}</h2>
${unanswered.ok ? '' : unavailable(t, unanswered.message)}
${table(t('admin.quality.unanswered'), [t('admin.quality.question'), { text: t('admin.quality.count'), num: true }, t('admin.quality.when')], unansweredRows, t)}`;
}
