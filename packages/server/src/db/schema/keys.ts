import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import type { QuotaLimits } from './quotas.js';

export type Role = 'admin' | 'org-admin' | 'member';

/**
 * API keys. Only the SHA-256 of the full key is kept; `prefix` is the public, displayable part
 * (`kh_<prefix>_…`) used to recognise a key in listings and logs.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull().unique(),
    hash: text('hash').notNull().unique(),
    role: text('role').$type<Role>().notNull().default('member'),
    /** Public model ids this key may call; null = every model. */
    scopes: jsonb('scopes').$type<string[] | null>(),
    limits: jsonb('limits').$type<QuotaLimits>().notNull().default({}),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_keys_org_idx').on(t.orgId)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;
