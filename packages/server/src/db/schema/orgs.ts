import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { QuotaLimits } from './quotas.js';

/** Organisations (tenants): an administration, a ministry department or a startup. */
export const orgs = pgTable('orgs', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Quota limits applying to the whole organisation (null fields = config defaults). */
  limits: jsonb('limits').$type<QuotaLimits>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
});

export type OrgRow = typeof orgs.$inferSelect;
export type NewOrgRow = typeof orgs.$inferInsert;
