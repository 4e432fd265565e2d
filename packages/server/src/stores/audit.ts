import { hashEntry } from '@khidma/gateway';
import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { type AuditRow, auditEntries } from '../db/schema/index.js';

/**
 * The gateway's audit entry (see @khidma/gateway audit/types.ts), structurally: the store keeps the
 * exact entry as JSON in `body` and copies a few fields into columns for filtering.
 */
export interface StoredAuditEntry {
  seq: number;
  ts: string;
  prevHash: string;
  hash: string;
  requestId?: string;
  actor?: { keyId: string | null; orgId: string | null };
  endpoint?: string;
  model?: string;
  provider?: string | null;
  destinationCountry?: string | null;
  decision?: string;
  dataClass?: string;
  status?: string;
  [field: string]: unknown;
}

export interface AuditFilter {
  orgId?: string;
  keyId?: string;
  model?: string;
  provider?: string;
  location?: string;
  decision?: string;
  requestId?: string;
  from?: Date;
  to?: Date;
  /** Entries with seq greater than this (pagination cursor). */
  afterSeq?: number;
  limit?: number;
  order?: 'asc' | 'desc';
}

/** Database side of the hash chain: append-only (no update or delete method exists). */
export class DbAuditStore {
  constructor(private readonly db: Database) {}

  async head(): Promise<{ seq: number; hash: string } | null> {
    const [row] = await this.db.orm
      .select({ seq: auditEntries.seq, hash: auditEntries.hash })
      .from(auditEntries)
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    return row ?? null;
  }

  /**
   * Appends a batch. The common case (the batch continues the stored head) is one statement whose
   * guard checks the head in SQL, with no transaction round trips (a locked transaction costs ~20 ms
   * on PGlite). When the guard fails, or a concurrent writer won the race for the same seq (primary
   * key violation), the batch goes through the locked path, which re-chains it onto the real head
   * (seq, prevHash and hash recomputed) so the table stays one valid chain.
   */
  async append(entries: StoredAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const first = entries[0]!;
    try {
      const res = await this.db.orm.execute(sql`${insertEntries(entries)}
        where not exists (select 1 from audit_entries a where a.seq >= ${first.seq})
          and (${first.seq}::bigint = 1 or exists (select 1 from audit_entries a
            where a.seq = ${first.seq - 1} and a.hash = ${first.prevHash}))
        order by x.seq`);
      if (affectedRows(res) === entries.length) return;
    } catch (e) {
      // Unique violation on seq: a concurrent writer took these numbers (drizzle wraps the driver error).
      const err = e as { code?: string; cause?: { code?: string } };
      if ((err.code ?? err.cause?.code) !== '23505') throw e;
    }
    await this.appendLocked(entries);
  }

  private async appendLocked(entries: StoredAuditEntry[]): Promise<void> {
    await this.db.orm.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
      const [head] = await tx
        .select({ seq: auditEntries.seq, hash: auditEntries.hash })
        .from(auditEntries)
        .orderBy(desc(auditEntries.seq))
        .limit(1);
      const first = entries[0]!;
      const continues = head ? first.seq === head.seq + 1 && first.prevHash === head.hash : first.seq === 1;
      const batch = continues ? entries : rechain(entries, head ?? null);
      await tx.execute(sql`${insertEntries(batch)} order by x.seq`);
    });
  }

  async list(f: AuditFilter = {}): Promise<StoredAuditEntry[]> {
    const rows = await this.db.orm
      .select()
      .from(auditEntries)
      .where(where(f))
      .orderBy(f.order === 'desc' ? desc(auditEntries.seq) : asc(auditEntries.seq))
      .limit(Math.min(f.limit ?? 100, 1000));
    return rows.map(rowToEntry);
  }

  /**
   * Streams the whole chain in storage order, in pages, for verification. Each entry is rebuilt from
   * `body`; a column that disagrees with the body is reported through `columnMismatch`.
   */
  async *scan(pageSize = 1000): AsyncGenerator<{ entry: StoredAuditEntry; columnMismatch: string | null }> {
    let after = 0;
    for (;;) {
      const rows = await this.db.orm
        .select()
        .from(auditEntries)
        .where(gt(auditEntries.seq, after))
        .orderBy(asc(auditEntries.seq))
        .limit(pageSize);
      for (const row of rows) yield { entry: rowToEntry(row), columnMismatch: columnMismatch(row) };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }
}

const AUDIT_LOCK_KEY = 7_020_240_502;
const GENESIS = '0'.repeat(64);

/** Re-links entries onto `head`, recomputing each hash exactly as the gateway's chain does. */
function rechain(
  entries: StoredAuditEntry[],
  head: { seq: number; hash: string } | null,
): StoredAuditEntry[] {
  let prev = head ?? { seq: 0, hash: GENESIS };
  return entries.map((e) => {
    const { hash: _old, ...rest } = e;
    const linked = { ...rest, seq: prev.seq + 1, prevHash: prev.hash };
    const hash = hashEntry(linked as unknown as Parameters<typeof hashEntry>[0]);
    prev = { seq: linked.seq, hash };
    return { ...linked, hash };
  });
}

/**
 * `insert … select … from json_to_recordset($1)`: one JSON parameter for the whole batch, much cheaper
 * than drizzle's multi-row VALUES. `body` is extracted as text, so the stored JSON is byte-for-byte
 * the string that was hashed.
 */
function insertEntries(entries: StoredAuditEntry[]): SQL {
  return sql`insert into audit_entries (seq, ts, request_id, org_id, key_id, action, model, provider,
      location, decision, data_class, status, prev_hash, hash, body)
    select x.seq, x.ts, x."requestId", x."orgId", x."keyId", x.action, x.model, x.provider,
      x.location, x.decision, x."dataClass", x.status, x."prevHash", x.hash, x.body
    from json_to_recordset(${JSON.stringify(entries.map(toRow))}::json) as x(seq bigint,
      ts timestamptz, "requestId" text, "orgId" text, "keyId" text, action text, model text,
      provider text, location text, decision text, "dataClass" text, status text,
      "prevHash" text, hash text, body text)`;
}

/** Rows written by a statement: node-postgres says `rowCount`, PGlite `affectedRows`. */
function affectedRows(res: unknown): number {
  const r = res as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

function toRow(e: StoredAuditEntry) {
  return {
    seq: e.seq,
    // Already ISO 8601 (the chain writes it), which timestamptz parses as is.
    ts: e.ts,
    requestId: e.requestId ?? null,
    orgId: e.actor?.orgId ?? null,
    keyId: e.actor?.keyId ?? null,
    action: e.endpoint ?? 'unknown',
    model: e.model ?? null,
    provider: e.provider ?? null,
    location: e.destinationCountry ?? null,
    decision: e.decision ?? null,
    dataClass: e.dataClass ?? null,
    status: e.status ?? null,
    prevHash: e.prevHash,
    hash: e.hash,
    body: JSON.stringify(e),
  };
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.orgId) parts.push(eq(auditEntries.orgId, f.orgId));
  if (f.keyId) parts.push(eq(auditEntries.keyId, f.keyId));
  if (f.model) parts.push(eq(auditEntries.model, f.model));
  if (f.provider) parts.push(eq(auditEntries.provider, f.provider));
  if (f.location) parts.push(eq(auditEntries.location, f.location));
  if (f.decision) parts.push(eq(auditEntries.decision, f.decision));
  if (f.requestId) parts.push(eq(auditEntries.requestId, f.requestId));
  if (f.from) parts.push(gte(auditEntries.ts, f.from));
  if (f.to) parts.push(lt(auditEntries.ts, f.to));
  if (f.afterSeq !== undefined) {
    parts.push(f.order === 'desc' ? lt(auditEntries.seq, f.afterSeq) : gt(auditEntries.seq, f.afterSeq));
  }
  return parts.length ? and(...parts) : undefined;
}

function rowToEntry(row: AuditRow): StoredAuditEntry {
  try {
    return JSON.parse(row.body) as StoredAuditEntry;
  } catch {
    // A body that no longer parses was tampered with; keep the row visible so verify reports it.
    return { seq: row.seq, ts: row.ts.toISOString(), prevHash: row.prevHash, hash: '' };
  }
}

/** Columns are copies for filtering; if one was changed without the body, the row was edited. */
function columnMismatch(row: AuditRow): string | null {
  let e: StoredAuditEntry;
  try {
    e = JSON.parse(row.body) as StoredAuditEntry;
  } catch {
    return 'body';
  }
  const pairs: [string, unknown, unknown][] = [
    ['seq', row.seq, e.seq],
    ['hash', row.hash, e.hash],
    ['prev_hash', row.prevHash, e.prevHash],
    ['org_id', row.orgId, e.actor?.orgId ?? null],
    ['key_id', row.keyId, e.actor?.keyId ?? null],
    ['model', row.model, e.model ?? null],
    ['provider', row.provider, e.provider ?? null],
    ['location', row.location, e.destinationCountry ?? null],
    ['decision', row.decision, e.decision ?? null],
    ['ts', row.ts.getTime(), Date.parse(e.ts)],
  ];
  for (const [name, col, body] of pairs) if (col !== body) return name;
  return null;
}
