import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Instance-wide key/value settings (e.g. the SHA-256 of the generated admin token). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
