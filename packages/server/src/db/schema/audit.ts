import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. `body` is the exact canonical JSON that was hashed, kept as
 * text so verification recomputes the same bytes; a few fields are copied into columns for filtering.
 * Never holds prompt text.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    ts: timestamp('ts', { withTimezone: true, mode: 'date' }).notNull(),
    requestId: text('request_id'),
    orgId: text('org_id'),
    keyId: text('key_id'),
    /** What happened: chat.completions, embeddings, or an administrative action. */
    action: text('action').notNull(),
    model: text('model'),
    provider: text('provider'),
    /** Destination country / region of the data (MA, EU, US…). */
    location: text('location'),
    decision: text('decision'),
    dataClass: text('data_class'),
    status: text('status'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    body: text('body').notNull(),
  },
  (t) => [
    index('audit_ts_idx').on(t.ts),
    index('audit_org_idx').on(t.orgId, t.seq),
    index('audit_request_idx').on(t.requestId),
  ],
);

export type AuditRow = typeof auditEntries.$inferSelect;
export type NewAuditRow = typeof auditEntries.$inferInsert;
