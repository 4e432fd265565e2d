import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Pseudonym mappings (the originals behind ⟦CIN_1⟧ placeholders), sealed with AES-256-GCM under a key
 * derived from KHIDMA_SECRET. Never readable in clear from the database; purged after their TTL and
 * the organisation's retention period.
 */
export const privacyMappings = pgTable(
  'privacy_mappings',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id'),
    keyId: text('key_id'),
    requestId: text('request_id'),
    /** gateway (a chat request sent abroad) | api (POST /v1/privacy/pseudonymize) */
    source: text('source').notNull(),
    /** Counts per identifier type, e.g. {"CIN":1,"PERSON":2} (no values). */
    types: jsonb('types').$type<Record<string, number>>().notNull().default({}),
    sealed: text('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('privacy_mappings_org_created_idx').on(t.orgId, t.createdAt),
    index('privacy_mappings_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Keyed hashes (HMAC-SHA256 under KHIDMA_SECRET) of the CIN numbers, phones and e-mails found in a stored
 * record, so data-subject requests find every record of a person without storing the identifier itself.
 */
export const privacySubjectRefs = pgTable(
  'privacy_subject_refs',
  {
    hash: text('hash').notNull(),
    /** Kind of record: mapping (privacy_mappings.id) or any kind another package registers. */
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    orgId: text('org_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hash, t.kind, t.ref] }),
    index('privacy_subject_refs_ref_idx').on(t.kind, t.ref),
  ],
);

export type PrivacyMappingRow = typeof privacyMappings.$inferSelect;
