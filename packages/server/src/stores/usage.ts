import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { type NewUsageRow, usageRecords } from '../db/schema/index.js';

export type UsageGroup = 'day' | 'month' | 'model' | 'provider' | 'org' | 'key';

export interface UsageQuery {
  from?: Date;
  to?: Date;
  orgId?: string;
  keyId?: string;
  model?: string;
  groupBy?: UsageGroup[];
}

export interface UsageBucket {
  day?: string;
  month?: string;
  model?: string;
  provider?: string | null;
  org_id?: string | null;
  key_id?: string | null;
  requests: number;
  errors: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_mad: number;
}

const GROUP_EXPR: Record<UsageGroup, SQL> = {
  day: sql`to_char(${usageRecords.ts} at time zone 'UTC', 'YYYY-MM-DD')`,
  month: sql`to_char(${usageRecords.ts} at time zone 'UTC', 'YYYY-MM')`,
  model: sql`${usageRecords.model}`,
  provider: sql`${usageRecords.provider}`,
  org: sql`${usageRecords.orgId}`,
  key: sql`${usageRecords.keyId}`,
};
const GROUP_FIELD: Record<UsageGroup, keyof UsageBucket> = {
  day: 'day',
  month: 'month',
  model: 'model',
  provider: 'provider',
  org: 'org_id',
  key: 'key_id',
};

/** Usage records: written in batches by the gateway's meter, aggregated for /v1/usage and the CLI. */
export class UsageStore {
  constructor(private readonly db: Database) {}

  /** Inserts a batch; a record already stored (same request id) is ignored, so retries never double-count. */
  async insert(rows: NewUsageRow[]): Promise<void> {
    if (rows.length === 0) return;
    // One JSON parameter instead of drizzle's multi-row VALUES: building and binding 20 params per row
    // dominated CPU under load and blocked the event loop on PGlite (see CONTRACTS perf note).
    await this.db.orm.execute(sql`
      insert into usage_records (request_id, ts, org_id, key_id, endpoint, model, provider,
        upstream_model, prompt_tokens, completion_tokens, total_tokens, cost_mad, status, http_status,
        error_code, stream, usage_source, latency_ms, ttft_ms, attempts)
      select x."requestId", x.ts, x."orgId", x."keyId", x.endpoint, x.model, x.provider,
        x."upstreamModel", coalesce(x."promptTokens", 0), coalesce(x."completionTokens", 0),
        coalesce(x."totalTokens", 0), coalesce(x."costMad", 0), x.status, x."httpStatus",
        x."errorCode", coalesce(x.stream, false), coalesce(x."usageSource", 'provider'),
        x."latencyMs", x."ttftMs", coalesce(x.attempts, 1)
      from json_to_recordset(${JSON.stringify(rows)}::json) as x("requestId" text, ts timestamptz,
        "orgId" text, "keyId" text, endpoint text, model text, provider text, "upstreamModel" text,
        "promptTokens" integer, "completionTokens" integer, "totalTokens" integer, "costMad" numeric,
        status text, "httpStatus" integer, "errorCode" text, stream boolean, "usageSource" text,
        "latencyMs" integer, "ttftMs" integer, attempts integer)
      on conflict (request_id) do nothing`);
  }

  async aggregate(q: UsageQuery): Promise<UsageBucket[]> {
    const groups = q.groupBy ?? [];
    const where = this.where(q);
    const selection: Record<string, SQL> = {
      requests: sql<number>`count(*)::int`,
      errors: sql<number>`(count(*) filter (where ${usageRecords.status} <> 'ok'))::int`,
      prompt_tokens: sql<number>`coalesce(sum(${usageRecords.promptTokens}), 0)::bigint`,
      completion_tokens: sql<number>`coalesce(sum(${usageRecords.completionTokens}), 0)::bigint`,
      total_tokens: sql<number>`coalesce(sum(${usageRecords.totalTokens}), 0)::bigint`,
      cost_mad: sql<string>`coalesce(sum(${usageRecords.costMad}), 0)`,
    };
    groups.forEach((g, i) => {
      selection[`g${i}`] = GROUP_EXPR[g];
    });
    const groupExprs = groups.map((g) => GROUP_EXPR[g]);
    const base = this.db.orm.select(selection).from(usageRecords).where(where);
    const rows = (
      groupExprs.length
        ? await base.groupBy(...groupExprs).orderBy(...groupExprs.map((e) => asc(e)))
        : await base
    ) as Record<string, unknown>[];
    return rows.map((r) => {
      const b: UsageBucket = {
        requests: Number(r.requests),
        errors: Number(r.errors),
        prompt_tokens: Number(r.prompt_tokens),
        completion_tokens: Number(r.completion_tokens),
        total_tokens: Number(r.total_tokens),
        cost_mad: round6(Number(r.cost_mad)),
      };
      groups.forEach((g, i) => {
        (b as unknown as Record<string, unknown>)[GROUP_FIELD[g]] = r[`g${i}`] ?? null;
      });
      return b;
    });
  }

  /** Raw records, newest first (for exports). */
  async list(q: UsageQuery & { limit?: number }) {
    return this.db.orm
      .select()
      .from(usageRecords)
      .where(this.where(q))
      .orderBy(asc(usageRecords.ts))
      .limit(Math.min(q.limit ?? 10_000, 100_000));
  }

  /** Spend of an organisation or key since `since` (e.g. the first day of the month), in MAD. */
  async spentMad(filter: { orgId?: string; keyId?: string }, since: Date): Promise<number> {
    const [row] = await this.aggregate({ ...filter, from: since });
    return row?.cost_mad ?? 0;
  }

  /** Deletes records older than the retention horizon; returns how many. */
  async prune(before: Date): Promise<number> {
    const rows = await this.db.orm
      .delete(usageRecords)
      .where(lt(usageRecords.ts, before))
      .returning({ id: usageRecords.id });
    return rows.length;
  }

  private where(q: UsageQuery): SQL | undefined {
    const parts: SQL[] = [];
    if (q.from) parts.push(gte(usageRecords.ts, q.from));
    if (q.to) parts.push(lt(usageRecords.ts, q.to));
    if (q.orgId) parts.push(eq(usageRecords.orgId, q.orgId));
    if (q.keyId) parts.push(eq(usageRecords.keyId, q.keyId));
    if (q.model) parts.push(eq(usageRecords.model, q.model));
    return parts.length ? and(...parts) : undefined;
  }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

const CSV_COLUMNS: (keyof UsageBucket)[] = [
  'day',
  'month',
  'org_id',
  'key_id',
  'model',
  'provider',
  'requests',
  'errors',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'cost_mad',
];

/** RFC 4180 CSV of usage buckets; only the grouping columns present are emitted. */
export function usageToCsv(buckets: UsageBucket[], groups: UsageGroup[]): string {
  const groupCols = groups.map((g) => GROUP_FIELD[g]);
  const cols = CSV_COLUMNS.filter((c) => groupCols.includes(c) || !Object.values(GROUP_FIELD).includes(c));
  const lines = [cols.join(',')];
  for (const b of buckets) lines.push(cols.map((c) => csvCell(b[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote when needed; neutralise spreadsheet formulas (=, +, -, @) in text cells.
  const safe = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
