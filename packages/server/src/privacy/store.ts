import {
  hashIdentifier,
  openSession,
  type PiiEntity,
  type PseudonymSession,
  PseudonymSessionExpiredError,
  SUBJECT_TYPES,
  type SubjectType,
  sealSession,
} from '@khidma/privacy';
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { privacyMappings, privacySubjectRefs, usageRecords } from '../db/schema/index.js';

export interface SubjectQuery {
  cin?: string;
  phone?: string;
  email?: string;
}

export interface SubjectRecord {
  kind: string;
  ref: string;
  orgId: string | null;
  createdAt: string;
  requestId?: string | null;
  source?: string;
  expiresAt?: string;
  types?: Record<string, number>;
}

const SUBJECT_FIELDS: Record<keyof SubjectQuery, SubjectType> = {
  cin: 'CIN',
  phone: 'PHONE',
  email: 'EMAIL',
};

/**
 * Persistence for pseudonym mappings and data-subject references. Identifiers are only ever stored as
 * keyed hashes; mapping contents only sealed.
 */
export class PrivacyStore {
  constructor(
    private readonly db: Database,
    private readonly secret: string,
  ) {}

  subjectHashes(q: SubjectQuery): string[] {
    const out: string[] = [];
    for (const [field, type] of Object.entries(SUBJECT_FIELDS) as [keyof SubjectQuery, SubjectType][]) {
      const v = q[field]?.trim();
      if (v) out.push(hashIdentifier(type, v, this.secret));
    }
    return out;
  }

  /** Seals and stores a mapping with the keyed hashes of the CIN, phone and e-mail values it holds. */
  async saveMapping(m: {
    session: PseudonymSession;
    entities: PiiEntity[];
    orgId: string | null;
    keyId: string | null;
    requestId: string | null;
    source: 'gateway' | 'api';
  }): Promise<void> {
    const types: Record<string, number> = {};
    for (const e of m.session.byPlaceholder.values()) types[e.type] = (types[e.type] ?? 0) + 1;
    await this.db.orm
      .insert(privacyMappings)
      .values({
        id: m.session.id,
        orgId: m.orgId,
        keyId: m.keyId,
        requestId: m.requestId,
        source: m.source,
        types,
        sealed: sealSession(m.session, this.secret),
        createdAt: new Date(m.session.createdAt),
        expiresAt: new Date(m.session.expiresAt),
      })
      .onConflictDoUpdate({
        target: privacyMappings.id,
        set: { sealed: sealSession(m.session, this.secret), types, expiresAt: new Date(m.session.expiresAt) },
      });
    await this.indexSubjects('mapping', m.session.id, m.orgId, m.entities);
  }

  /** Records keyed hashes of the subject identifiers among `entities` for a stored record. */
  async indexSubjects(
    kind: string,
    ref: string,
    orgId: string | null,
    entities: { type: string; text: string }[],
  ): Promise<number> {
    const hashes = new Set<string>();
    for (const e of entities)
      if ((SUBJECT_TYPES as readonly string[]).includes(e.type))
        hashes.add(hashIdentifier(e.type as SubjectType, e.text, this.secret));
    if (hashes.size === 0) return 0;
    await this.db.orm
      .insert(privacySubjectRefs)
      .values([...hashes].map((hash) => ({ hash, kind, ref, orgId })))
      .onConflictDoNothing();
    return hashes.size;
  }

  /** Loads a mapping for restoration; null when absent, of another organisation, or expired. */
  async loadSession(id: string, orgId: string | null, now = Date.now()): Promise<PseudonymSession | null> {
    const [row] = await this.db.orm.select().from(privacyMappings).where(eq(privacyMappings.id, id)).limit(1);
    if (!row || (orgId !== null && row.orgId !== orgId)) return null;
    try {
      return openSession(row.sealed, { secret: this.secret, now });
    } catch (err) {
      if (err instanceof PseudonymSessionExpiredError) return null;
      throw err;
    }
  }

  async find(q: SubjectQuery, orgId: string | null): Promise<SubjectRecord[]> {
    const hashes = this.subjectHashes(q);
    if (hashes.length === 0) return [];
    const where =
      orgId === null
        ? inArray(privacySubjectRefs.hash, hashes)
        : and(inArray(privacySubjectRefs.hash, hashes), eq(privacySubjectRefs.orgId, orgId));
    const refs = await this.db.orm.select().from(privacySubjectRefs).where(where);
    const seen = new Set<string>();
    const unique = refs.filter((r) => !seen.has(`${r.kind}:${r.ref}`) && seen.add(`${r.kind}:${r.ref}`));
    const mappingIds = unique.filter((r) => r.kind === 'mapping').map((r) => r.ref);
    const mappings = mappingIds.length
      ? await this.db.orm.select().from(privacyMappings).where(inArray(privacyMappings.id, mappingIds))
      : [];
    const byId = new Map(mappings.map((m) => [m.id, m]));
    return unique.map((r) => {
      const m = byId.get(r.ref);
      return {
        kind: r.kind,
        ref: r.ref,
        orgId: r.orgId,
        createdAt: r.createdAt.toISOString(),
        ...(m
          ? { requestId: m.requestId, source: m.source, expiresAt: m.expiresAt.toISOString(), types: m.types }
          : {}),
      };
    });
  }

  /**
   * Everything stored about the subject: each record's metadata, the subject's own values held in it
   * (other people's values are counted, never shown), and the request log rows of those requests.
   */
  async export(q: SubjectQuery, orgId: string | null, now = Date.now()) {
    const records = await this.find(q, orgId);
    const wanted = new Set(this.subjectHashes(q));
    const out = [];
    for (const r of records) {
      if (r.kind !== 'mapping') {
        out.push({ ...r, content: null });
        continue;
      }
      const [row] = await this.db.orm
        .select()
        .from(privacyMappings)
        .where(eq(privacyMappings.id, r.ref))
        .limit(1);
      let values: { type: string; value: string }[] | null = null;
      let others = 0;
      if (row) {
        try {
          // Access rights cover expired-but-not-yet-purged mappings too: open as of their creation.
          const session = openSession(row.sealed, { secret: this.secret, now: row.createdAt.getTime() });
          values = [];
          for (const e of session.byPlaceholder.values()) {
            const mine =
              (SUBJECT_TYPES as readonly string[]).includes(e.type) &&
              wanted.has(hashIdentifier(e.type as SubjectType, e.value, this.secret));
            if (mine) values.push({ type: e.type, value: e.value });
            else others++;
          }
        } catch {
          values = null;
        }
      }
      const usage = r.requestId
        ? await this.db.orm.select().from(usageRecords).where(eq(usageRecords.requestId, r.requestId))
        : [];
      out.push({
        ...r,
        subjectValues: values,
        otherValuesWithheld: others,
        requestLog: usage.map(usageForExport),
      });
    }
    return { generatedAt: new Date(now).toISOString(), records: out };
  }

  /** Deletes every mapping tied to the subject and its references; returns what was removed. */
  async erase(
    q: SubjectQuery,
    orgId: string | null,
  ): Promise<{ mappings: number; references: number; otherRecords: SubjectRecord[] }> {
    const records = await this.find(q, orgId);
    const mappingIds = records.filter((r) => r.kind === 'mapping').map((r) => r.ref);
    let mappings = 0;
    if (mappingIds.length) {
      const deleted = await this.db.orm
        .delete(privacyMappings)
        .where(inArray(privacyMappings.id, mappingIds))
        .returning({ id: privacyMappings.id });
      mappings = deleted.length;
      await this.db.orm
        .delete(privacySubjectRefs)
        .where(and(eq(privacySubjectRefs.kind, 'mapping'), inArray(privacySubjectRefs.ref, mappingIds)));
    }
    const hashes = this.subjectHashes(q);
    const refs = hashes.length
      ? await this.db.orm
          .delete(privacySubjectRefs)
          .where(
            orgId === null
              ? inArray(privacySubjectRefs.hash, hashes)
              : and(inArray(privacySubjectRefs.hash, hashes), eq(privacySubjectRefs.orgId, orgId)),
          )
          .returning({ hash: privacySubjectRefs.hash })
      : [];
    return {
      mappings,
      references: refs.length + mappingIds.length,
      otherRecords: records.filter((r) => r.kind !== 'mapping'),
    };
  }

  /**
   * Retention: removes expired mappings, mappings and request logs older than `retentionDays` for the
   * given organisation (null = records without organisation), and dangling references.
   */
  async purge(
    orgId: string | null,
    retentionDays: number,
    now = Date.now(),
  ): Promise<{ mappings: number; usage: number }> {
    const cutoff = new Date(now - retentionDays * 86_400_000);
    const orgCond = orgId === null ? undefined : eq(privacyMappings.orgId, orgId);
    const old = await this.db.orm
      .delete(privacyMappings)
      .where(
        and(orgCond, or(lt(privacyMappings.createdAt, cutoff), lt(privacyMappings.expiresAt, new Date(now)))),
      )
      .returning({ id: privacyMappings.id });
    if (old.length)
      await this.db.orm.delete(privacySubjectRefs).where(
        and(
          eq(privacySubjectRefs.kind, 'mapping'),
          inArray(
            privacySubjectRefs.ref,
            old.map((r) => r.id),
          ),
        ),
      );
    const usage =
      orgId === null
        ? []
        : await this.db.orm
            .delete(usageRecords)
            .where(and(eq(usageRecords.orgId, orgId), lt(usageRecords.ts, cutoff)))
            .returning({ id: usageRecords.id });
    return { mappings: old.length, usage: usage.length };
  }
}

function usageForExport(u: typeof usageRecords.$inferSelect) {
  return {
    requestId: u.requestId,
    ts: u.ts.toISOString(),
    endpoint: u.endpoint,
    model: u.model,
    provider: u.provider,
    status: u.status,
  };
}
