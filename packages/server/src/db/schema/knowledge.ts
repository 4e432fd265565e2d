import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Knowledge base (owner: knowledge). The search index is rebuilt in memory from these tables at start.

/** Current version of each catalogued procedure (the validated JSON of @khidma/knowledge's Procedure). */
export const kbProcedures = pgTable('kb_procedures', {
  id: text('id').primaryKey(),
  version: integer('version').notNull(),
  /** SHA-256 of the canonical JSON: an import of identical content creates no new version. */
  hash: text('hash').notNull(),
  source: text('source').notNull(),
  data: jsonb('data').notNull(),
  sample: boolean('sample').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Every version ever imported, for audit and rollback. */
export const kbProcedureVersions = pgTable(
  'kb_procedure_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    procedureId: text('procedure_id').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    source: text('source').notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_procedure_versions_uq').on(t.procedureId, t.version)],
);

/** Imported documents (Markdown, HTML, PDF, DOCX) with their structure-aware chunks. */
export const kbDocuments = pgTable('kb_documents', {
  id: text('id').primaryKey(),
  version: integer('version').notNull(),
  hash: text('hash').notNull(),
  title: text('title').notNull(),
  sourcePath: text('source_path').notNull(),
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** One row per `khidma kb import` run, with the rejected rows and their reasons. */
export const kbImports = pgTable('kb_imports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  source: text('source').notNull(),
  format: text('format').notNull(),
  added: integer('added').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  failed: integer('failed').notNull(),
  issues: jsonb('issues').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Dense vectors per index entry and embedding model, recomputed only when the text hash changes. */
export const kbVectors = pgTable(
  'kb_vectors',
  {
    model: text('model').notNull(),
    key: text('key').notNull(),
    hash: text('hash').notNull(),
    vector: jsonb('vector').notNull(),
  },
  (t) => [primaryKey({ columns: [t.model, t.key] })],
);

/** Citizen feedback on an answer (thumbs up/down + optional comment, personal data redacted). */
export const assistantFeedback = pgTable(
  'assistant_feedback',
  {
    id: text('id').primaryKey(),
    answerId: text('answer_id').notNull(),
    rating: text('rating').notNull(),
    comment: text('comment'),
    language: text('language'),
    procedureIds: jsonb('procedure_ids').notNull().default([]),
    orgId: text('org_id'),
    keyId: text('key_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('assistant_feedback_created_idx').on(t.createdAt)],
);

/** Escalations to a human agent. The transcript is stored with personal data redacted. */
export const assistantTickets = pgTable(
  'assistant_tickets',
  {
    id: text('id').primaryKey(),
    status: text('status').notNull().default('open'),
    question: text('question').notNull(),
    transcript: jsonb('transcript').notNull(),
    language: text('language'),
    /** How the citizen asked to be contacted (kept as given: the agent needs it; never logged). */
    contact: text('contact'),
    answerId: text('answer_id'),
    procedureIds: jsonb('procedure_ids').notNull().default([]),
    orgId: text('org_id'),
    keyId: text('key_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('assistant_tickets_status_idx').on(t.status, t.createdAt)],
);

/** Questions the assistant refused (out of scope or low confidence), redacted, to grow the catalog. */
export const assistantUnanswered = pgTable(
  'assistant_unanswered',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    question: text('question').notNull(),
    language: text('language'),
    confidence: real('confidence').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('assistant_unanswered_created_idx').on(t.createdAt)],
);
