import { randomUUID } from 'node:crypto';
import { AuditChain, type AuditStore } from '@khidma/gateway';
import {
  type AdminAction,
  AuthService,
  type Database,
  DbAuditStore,
  OrgService,
  openDatabase,
  recordAdminAction,
  UsageStore,
} from '@khidma/server';

export interface Stores {
  db: Database;
  auth: AuthService;
  orgs: OrgService;
  usage: UsageStore;
  audit: DbAuditStore;
  /** Records an administrative change in the audit chain, attributed to the CLI. */
  record(action: AdminAction, target: string, details?: string[]): void;
}

/**
 * Opens the same database the server uses (DATABASE_URL, else PGlite under KHIDMA_DATA_DIR),
 * applies pending migrations, runs `fn` and closes. PGlite allows one process at a time, so with the
 * embedded database stop `khidma start` first (or use PostgreSQL).
 */
export async function withStores<T>(fn: (s: Stores) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase();
  } catch (err) {
    const hint = process.env.DATABASE_URL
      ? ''
      : ' (is `khidma start` running on the same KHIDMA_DATA_DIR? The embedded database allows one process at a time)';
    throw new Error(`cannot open the database: ${(err as Error).message}${hint}`);
  }
  try {
    const orgs = new OrgService(db);
    await orgs.ensureDefault();
    const audit = new DbAuditStore(db);
    // The store re-chains onto the real head, so writing while a server also writes is safe.
    const chain = new AuditChain(audit as unknown as AuditStore, { flushIntervalMs: 60_000 });
    try {
      return await fn({
        db,
        auth: new AuthService(db),
        orgs,
        usage: new UsageStore(db),
        audit,
        record: (action, target, details) =>
          recordAdminAction(
            chain,
            { keyId: null, orgId: null, via: 'cli' },
            action,
            target,
            `cli-${randomUUID()}`,
            details,
          ),
      });
    } finally {
      await chain.close();
    }
  } finally {
    await db.close();
  }
}

/** Plain aligned table for terminals; `--json` prints machine-readable output instead. */
export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const cells = rows.map((r) => columns.map((c) => fmt(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(columns.map((c) => c.toUpperCase()))}\n`);
  for (const row of cells) process.stdout.write(`${line(row)}\n`);
}

function fmt(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function parseDate(value: string, name: string): Date {
  // "30d" / "12h" are relative to now; anything else must be an ISO 8601 date.
  const rel = /^(\d{1,5})([dhm])$/.exec(value);
  if (rel) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as 'd' | 'h' | 'm'];
    return new Date(Date.now() + Number(rel[1]) * unit);
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new Error(`${name}: expected an ISO date (2026-12-31) or a duration like 30d`);
  return new Date(t);
}
