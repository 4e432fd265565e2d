import { randomUUID } from 'node:crypto';
import type {
  ImportRecord,
  KnowledgeDocument,
  KnowledgeStore,
  Procedure,
  StoredDocument,
  StoredProcedure,
  UpsertOutcome,
} from '@khidma/knowledge';
import { redact } from '@khidma/privacy';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import {
  assistantFeedback,
  assistantTickets,
  assistantUnanswered,
  kbDocuments,
  kbImports,
  kbProcedures,
  kbProcedureVersions,
  kbVectors,
} from '../db/schema/knowledge.js';

/** The knowledge store on Khidma's database (PGlite or PostgreSQL), via Drizzle. */
export class DbKnowledgeStore implements KnowledgeStore {
  constructor(private readonly db: Database) {}

  async loadProcedures(): Promise<StoredProcedure[]> {
    const rows = await this.db.orm.select().from(kbProcedures);
    return rows.map((r) => ({
      procedure: r.data as Procedure,
      version: r.version,
      hash: r.hash,
      source: r.source,
    }));
  }

  async loadDocuments(): Promise<StoredDocument[]> {
    const rows = await this.db.orm.select().from(kbDocuments);
    return rows.map((r) => ({ document: r.data as KnowledgeDocument, version: r.version, hash: r.hash }));
  }

  async upsertProcedure(
    p: Procedure,
    hash: string,
    source: string,
  ): Promise<{ outcome: UpsertOutcome; version: number }> {
    return this.db.orm.transaction(async (tx) => {
      const [prev] = await tx.select().from(kbProcedures).where(eq(kbProcedures.id, p.id)).for('update');
      if (prev?.hash === hash) return { outcome: 'unchanged' as const, version: prev.version };
      const version = (prev?.version ?? 0) + 1;
      const row = {
        id: p.id,
        version,
        hash,
        source,
        data: p,
        sample: p.sample === true,
        updatedAt: new Date(),
      };
      if (prev) await tx.update(kbProcedures).set(row).where(eq(kbProcedures.id, p.id));
      else {
        // Two instances seeding the same empty database at once: the second insert is a no-op.
        const inserted = await tx
          .insert(kbProcedures)
          .values(row)
          .onConflictDoNothing()
          .returning({ id: kbProcedures.id });
        if (inserted.length === 0) return { outcome: 'unchanged' as const, version: 1 };
      }
      await tx
        .insert(kbProcedureVersions)
        .values({ procedureId: p.id, version, hash, source, data: p })
        .onConflictDoNothing();
      return { outcome: prev ? ('updated' as const) : ('added' as const), version };
    });
  }

  async insertMany(items: { procedure: Procedure; hash: string; source: string }[]): Promise<number> {
    if (items.length === 0) return 0;
    return this.db.orm.transaction(async (tx) => {
      const inserted = await tx
        .insert(kbProcedures)
        .values(
          items.map((i) => ({
            id: i.procedure.id,
            version: 1,
            hash: i.hash,
            source: i.source,
            data: i.procedure,
            sample: i.procedure.sample === true,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: kbProcedures.id });
      const fresh = new Set(inserted.map((r) => r.id));
      const versions = items
        .filter((i) => fresh.has(i.procedure.id))
        .map((i) => ({
          procedureId: i.procedure.id,
          version: 1,
          hash: i.hash,
          source: i.source,
          data: i.procedure,
        }));
      if (versions.length) await tx.insert(kbProcedureVersions).values(versions).onConflictDoNothing();
      return inserted.length;
    });
  }

  async upsertDocument(
    d: KnowledgeDocument,
    hash: string,
  ): Promise<{ outcome: UpsertOutcome; version: number }> {
    const [prev] = await this.db.orm.select().from(kbDocuments).where(eq(kbDocuments.id, d.id));
    if (prev?.hash === hash) return { outcome: 'unchanged', version: prev.version };
    const version = (prev?.version ?? 0) + 1;
    const row = {
      id: d.id,
      version,
      hash,
      title: d.title,
      sourcePath: d.sourcePath,
      data: d,
      updatedAt: new Date(),
    };
    if (prev) await this.db.orm.update(kbDocuments).set(row).where(eq(kbDocuments.id, d.id));
    else await this.db.orm.insert(kbDocuments).values(row).onConflictDoNothing();
    return { outcome: prev ? 'updated' : 'added', version };
  }

  async deleteProcedure(id: string): Promise<boolean> {
    const rows = await this.db.orm
      .delete(kbProcedures)
      .where(eq(kbProcedures.id, id))
      .returning({ id: kbProcedures.id });
    return rows.length > 0;
  }

  async recordImport(r: ImportRecord): Promise<void> {
    await this.db.orm.insert(kbImports).values({ ...r, issues: r.issues });
  }

  async listImports(limit = 50) {
    return this.db.orm.select().from(kbImports).orderBy(desc(kbImports.id)).limit(limit);
  }

  async procedureVersions(id: string) {
    return this.db.orm
      .select()
      .from(kbProcedureVersions)
      .where(eq(kbProcedureVersions.procedureId, id))
      .orderBy(desc(kbProcedureVersions.version));
  }

  async loadVectors(model: string): Promise<Map<string, { hash: string; vector: number[] }>> {
    const rows = await this.db.orm.select().from(kbVectors).where(eq(kbVectors.model, model));
    return new Map(rows.map((r) => [r.key, { hash: r.hash, vector: r.vector as number[] }]));
  }

  async saveVectors(model: string, rows: { key: string; hash: string; vector: number[] }[]): Promise<void> {
    if (!rows.length) return;
    await this.db.orm.delete(kbVectors).where(
      and(
        eq(kbVectors.model, model),
        inArray(
          kbVectors.key,
          rows.map((r) => r.key),
        ),
      ),
    );
    await this.db.orm.insert(kbVectors).values(rows.map((r) => ({ model, ...r })));
  }
}

export interface FeedbackInput {
  answerId: string;
  rating: 'up' | 'down';
  comment?: string | undefined;
  language?: string | undefined;
  procedureIds?: string[] | undefined;
  orgId?: string | null | undefined;
  keyId?: string | null | undefined;
}

export interface TicketInput {
  question: string;
  transcript: { role: string; content: string }[];
  language?: string | undefined;
  contact?: string | undefined;
  answerId?: string | undefined;
  procedureIds?: string[] | undefined;
  orgId?: string | null | undefined;
  keyId?: string | null | undefined;
}

/** Personal data never needs to reach these tables except the contact the citizen chose to give. */
const clean = (text: string) => redact(text.slice(0, 4000));

/** Feedback, escalation tickets and unanswered questions of the citizen assistant. */
export class AssistantStore {
  constructor(private readonly db: Database) {}

  async addFeedback(f: FeedbackInput) {
    const row = {
      id: randomUUID(),
      answerId: f.answerId,
      rating: f.rating,
      comment: f.comment ? clean(f.comment) : null,
      language: f.language ?? null,
      procedureIds: f.procedureIds ?? [],
      orgId: f.orgId ?? null,
      keyId: f.keyId ?? null,
    };
    const [saved] = await this.db.orm.insert(assistantFeedback).values(row).returning();
    return saved!;
  }

  async addTicket(t: TicketInput) {
    const row = {
      id: randomUUID(),
      status: 'open',
      question: clean(t.question),
      transcript: t.transcript.slice(-20).map((m) => ({ role: m.role, content: clean(m.content) })),
      language: t.language ?? null,
      contact: t.contact ? t.contact.slice(0, 300) : null,
      answerId: t.answerId ?? null,
      procedureIds: t.procedureIds ?? [],
      orgId: t.orgId ?? null,
      keyId: t.keyId ?? null,
    };
    const [saved] = await this.db.orm.insert(assistantTickets).values(row).returning();
    return saved!;
  }

  async setTicketStatus(id: string, status: 'open' | 'in_progress' | 'closed', orgId?: string) {
    const cond = orgId
      ? and(eq(assistantTickets.id, id), eq(assistantTickets.orgId, orgId))
      : eq(assistantTickets.id, id);
    const [row] = await this.db.orm
      .update(assistantTickets)
      .set({ status, updatedAt: new Date() })
      .where(cond)
      .returning();
    return row;
  }

  async addUnanswered(question: string, language: string, confidence: number): Promise<void> {
    await this.db.orm.insert(assistantUnanswered).values({ question: clean(question), language, confidence });
  }

  async listFeedback(opts: {
    limit: number;
    before?: Date | undefined;
    rating?: string | undefined;
    orgId?: string | undefined;
  }) {
    const where: SQL[] = [];
    if (opts.orgId) where.push(eq(assistantFeedback.orgId, opts.orgId));
    if (opts.before) where.push(lt(assistantFeedback.createdAt, opts.before));
    if (opts.rating) where.push(eq(assistantFeedback.rating, opts.rating));
    return this.db.orm
      .select()
      .from(assistantFeedback)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(assistantFeedback.createdAt))
      .limit(opts.limit);
  }

  async listTickets(opts: {
    limit: number;
    status?: string | undefined;
    before?: Date | undefined;
    orgId?: string | undefined;
  }) {
    const where: SQL[] = [];
    if (opts.orgId) where.push(eq(assistantTickets.orgId, opts.orgId));
    if (opts.status) where.push(eq(assistantTickets.status, opts.status));
    if (opts.before) where.push(lt(assistantTickets.createdAt, opts.before));
    return this.db.orm
      .select()
      .from(assistantTickets)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(assistantTickets.createdAt))
      .limit(opts.limit);
  }

  async listUnanswered(opts: { limit: number; before?: Date | undefined }) {
    return this.db.orm
      .select()
      .from(assistantUnanswered)
      .where(opts.before ? lt(assistantUnanswered.createdAt, opts.before) : undefined)
      .orderBy(desc(assistantUnanswered.createdAt))
      .limit(opts.limit);
  }
}
