import { formatNumber } from '../formats.js';
import { html, type SafeHtml } from '../html.js';
import { type AdminApi, listOf } from './api-client.js';
import { barChart } from './charts.js';
import { type AdminPageContext, table, unavailable } from './context.js';

interface Bucket {
  day?: string;
  model?: string;
  org_id?: string | null;
  key_id?: string | null;
  requests: number;
  total_tokens: number;
  cost_mad: number;
}
interface UsageDto {
  data: Bucket[];
  totals?: { requests: number; total_tokens: number; cost_mad: number };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
function isDay(value: string | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value);
}

/**
 * The period asked for, defaulting to the last 30 days; only real dates pass to the API, and a
 * reversed range is put in order.
 */
export function usagePeriod(query: Record<string, string>, now = new Date()): { from: string; to: string } {
  const to = isDay(query.to) ? query.to : now.toISOString().slice(0, 10);
  const fromDefault = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const from = isDay(query.from) ? query.from : fromDefault;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The API's `to` is exclusive: the day after the chosen last day. */
function apiRange(period: { from: string; to: string }): string {
  const next = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString();
  return `from=${encodeURIComponent(`${period.from}T00:00:00.000Z`)}&to=${encodeURIComponent(next)}`;
}

export function usageCsvUrl(period: { from: string; to: string }, groupBy: string): string {
  return `/admin/v1/usage?${apiRange(period)}&group_by=${encodeURIComponent(groupBy)}&format=csv`;
}

async function fetchGroup(api: AdminApi, period: { from: string; to: string }, group: string) {
  return api.get<UsageDto>(`/admin/v1/usage?${apiRange(period)}&group_by=${group}`);
}

export async function renderUsagePage(c: AdminPageContext): Promise<SafeHtml> {
  const { t, locale } = c;
  const period = usagePeriod(c.query);
  const [[byDay, byModel, byOrg, byKey], orgs, keys] = await Promise.all([
    Promise.all(['day', 'model', 'org', 'key'].map((g) => fetchGroup(c.api, period, g))),
    c.api.get<unknown>('/admin/v1/orgs'),
    c.api.get<unknown>('/admin/v1/keys?include_revoked=true'),
  ]);
  // Show names with the ids: an operator recognises "Wilaya de Rabat", not "org_01J…".
  const orgNames = new Map(
    listOf<{ id: string; name: string }>(orgs.ok ? orgs.data : []).map((o) => [o.id, o.name]),
  );
  const keyNames = new Map(
    listOf<{ id: string; name: string; prefix: string }>(keys.ok ? keys.data : []).map((k) => [
      k.id,
      `${k.name} (${k.prefix})`,
    ]),
  );
  if (!byDay?.ok) {
    return html`<h1>${t('admin.usage.title')}</h1>${unavailable(t, byDay?.message ?? '')}`;
  }
  // Column headers say "(MAD)": amounts are plain numbers, with more decimals for small sums.
  const mad = (n: number) => formatNumber(n, locale, n !== 0 && n < 1 ? 4 : 2);
  const num = (n: number) => formatNumber(n, locale);
  const days = fillDays(period, byDay.data.data);
  const cols = [
    { text: t('admin.usage.requests'), num: true },
    { text: t('admin.usage.tokens'), num: true },
    { text: t('admin.usage.cost'), num: true },
  ];
  const rowsFor = (buckets: Bucket[], label: (b: Bucket) => string) =>
    buckets.map(
      (b) =>
        html`<tr><td dir="auto"><bdi>${label(b)}</bdi></td><td class="num">${num(b.requests)}</td><td class="num">${num(b.total_tokens)}</td><td class="num">${mad(b.cost_mad)}</td></tr>`,
    );
  const totals = byDay.data.totals ?? { requests: 0, total_tokens: 0, cost_mad: 0 };
  const section = (
    title: string,
    key: string,
    column: string,
    result: typeof byModel,
    label: (b: Bucket) => string,
  ) =>
    html`<section aria-labelledby="usage-${key}"><h2 id="usage-${key}">${title}</h2>${
      result?.ok
        ? table(title, [column, ...cols], rowsFor(result.data.data, label), t)
        : unavailable(t, result?.message ?? '')
    }<p><a href="/admin/usage.csv?from=${period.from}&amp;to=${period.to}&amp;group_by=${key}" download>${t('admin.usage.export')} (${title})</a></p></section>`;

  return html`<h1>${t('admin.usage.title')}</h1>
<form class="inline-form panel" method="get" action="/admin/usage">
<div><label for="from">${t('admin.usage.from')}</label><input type="date" id="from" name="from" value="${period.from}"></div>
<div><label for="to">${t('admin.usage.to')}</label><input type="date" id="to" name="to" value="${period.to}"></div>
<button type="submit">${t('admin.apply')}</button>
</form>
<p class="panel" role="status"><strong>${t('admin.usage.total')}:</strong> ${t('admin.usage.requests')} <bdi>${num(totals.requests)}</bdi> · ${t('admin.usage.tokens')} <bdi>${num(totals.total_tokens)}</bdi> · ${t('admin.usage.cost')} <bdi>${mad(totals.cost_mad)}</bdi></p>
<div class="grid-2">
${barChart({ title: t('admin.usage.chartTokens'), data: days.map((d) => ({ label: d.day!, value: d.total_tokens })), format: num })}
${barChart({ title: t('admin.usage.chartCost'), data: days.map((d) => ({ label: d.day!, value: d.cost_mad })), format: mad, alt: true })}
</div>
${section(t('admin.usage.byDay'), 'day', t('admin.quality.when'), byDay, (b) => b.day ?? '')}
${section(t('admin.usage.byModel'), 'model', t('admin.models.id'), byModel, (b) => b.model ?? '—')}
${section(t('admin.usage.byOrg'), 'org', t('admin.keys.org'), byOrg, (b) => (b.org_id ? (orgNames.get(b.org_id) ?? b.org_id) : '—'))}
${section(t('admin.usage.byKey'), 'key', t('admin.keys.name'), byKey, (b) => (b.key_id ? (keyNames.get(b.key_id) ?? b.key_id) : '—'))}`;
}

/** One bucket per day of the period (zero when nothing happened), capped at 92 days for the chart. */
function fillDays(period: { from: string; to: string }, buckets: Bucket[]): Bucket[] {
  const byDay = new Map(buckets.map((b) => [b.day, b]));
  const out: Bucket[] = [];
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const end = Date.parse(`${period.to}T00:00:00Z`);
  for (let ts = Math.max(start, end - 91 * 86_400_000); ts <= end; ts += 86_400_000) {
    const day = new Date(ts).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, requests: 0, total_tokens: 0, cost_mad: 0 });
  }
  return out;
}
