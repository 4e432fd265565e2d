import { bigserial, boolean, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Exactly one row per API request that reached the gateway (success, failure or client abort). */
export const usageRecords = pgTable(
  'usage_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: text('request_id').notNull().unique(),
    ts: timestamp('ts', { withTimezone: true, mode: 'date' }).notNull(),
    orgId: text('org_id'),
    keyId: text('key_id'),
    endpoint: text('endpoint').notNull(),
    /** Public model id asked for by the client. */
    model: text('model').notNull(),
    provider: text('provider'),
    upstreamModel: text('upstream_model'),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    totalTokens: integer('total_tokens').notNull().default(0),
    costMad: numeric('cost_mad', { precision: 18, scale: 6, mode: 'number' }).notNull().default(0),
    /** ok | error | client_aborted */
    status: text('status').notNull(),
    httpStatus: integer('http_status'),
    errorCode: text('error_code'),
    stream: boolean('stream').notNull().default(false),
    /** provider (the upstream's own `usage`) | estimate | none */
    usageSource: text('usage_source').notNull().default('provider'),
    latencyMs: integer('latency_ms'),
    ttftMs: integer('ttft_ms'),
    attempts: integer('attempts').notNull().default(1),
  },
  (t) => [
    index('usage_ts_idx').on(t.ts),
    index('usage_org_ts_idx').on(t.orgId, t.ts),
    index('usage_key_ts_idx').on(t.keyId, t.ts),
  ],
);

export type UsageRow = typeof usageRecords.$inferSelect;
export type NewUsageRow = typeof usageRecords.$inferInsert;
