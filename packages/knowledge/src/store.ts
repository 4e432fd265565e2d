import type { KnowledgeDocument, Procedure } from './catalog/types.js';

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';

export interface StoredProcedure {
  procedure: Procedure;
  version: number;
  hash: string;
  source: string;
}

export interface StoredDocument {
  document: KnowledgeDocument;
  version: number;
  hash: string;
}

export interface ImportRecord {
  source: string;
  format: string;
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  issues: { file: string; line: number; id?: string; reason: string }[];
}

/**
 * Persistence of the knowledge base. The server implements it on its database (Drizzle, PGlite or
 * PostgreSQL); `MemoryKnowledgeStore` serves tests and the CLI's dry runs. Upserts are idempotent on the
 * content hash: same content → 'unchanged' and no new version.
 */
export interface KnowledgeStore {
  loadProcedures(): Promise<StoredProcedure[]>;
  loadDocuments(): Promise<StoredDocument[]>;
  upsertProcedure(
    p: Procedure,
    hash: string,
    source: string,
  ): Promise<{ outcome: UpsertOutcome; version: number }>;
  upsertDocument(d: KnowledgeDocument, hash: string): Promise<{ outcome: UpsertOutcome; version: number }>;
  deleteProcedure(id: string): Promise<boolean>;
  recordImport(r: ImportRecord): Promise<void>;
  /** Optional fast path for seeding an empty store: inserts version 1 of many procedures at once. */
  insertMany?(items: { procedure: Procedure; hash: string; source: string }[]): Promise<number>;
  /** Embedding vectors by entry key and model (dense retrieval); optional. */
  loadVectors?(model: string): Promise<Map<string, { hash: string; vector: number[] }>>;
  saveVectors?(model: string, rows: { key: string; hash: string; vector: number[] }[]): Promise<void>;
}

export class MemoryKnowledgeStore implements KnowledgeStore {
  readonly procedures = new Map<string, StoredProcedure & { history: Procedure[] }>();
  readonly documents = new Map<string, StoredDocument>();
  readonly imports: ImportRecord[] = [];
  private readonly vectors = new Map<string, Map<string, { hash: string; vector: number[] }>>();

  async loadProcedures(): Promise<StoredProcedure[]> {
    return [...this.procedures.values()].map(({ history: _h, ...rest }) => rest);
  }
  async loadDocuments(): Promise<StoredDocument[]> {
    return [...this.documents.values()];
  }
  async upsertProcedure(p: Procedure, hash: string, source: string) {
    const prev = this.procedures.get(p.id);
    if (prev?.hash === hash) return { outcome: 'unchanged' as const, version: prev.version };
    const version = (prev?.version ?? 0) + 1;
    this.procedures.set(p.id, {
      procedure: p,
      version,
      hash,
      source,
      history: [...(prev?.history ?? []), p],
    });
    return { outcome: prev ? ('updated' as const) : ('added' as const), version };
  }
  async upsertDocument(d: KnowledgeDocument, hash: string) {
    const prev = this.documents.get(d.id);
    if (prev?.hash === hash) return { outcome: 'unchanged' as const, version: prev.version };
    const version = (prev?.version ?? 0) + 1;
    this.documents.set(d.id, { document: d, version, hash });
    return { outcome: prev ? ('updated' as const) : ('added' as const), version };
  }
  async deleteProcedure(id: string): Promise<boolean> {
    return this.procedures.delete(id);
  }
  async recordImport(r: ImportRecord): Promise<void> {
    this.imports.push(r);
  }
  async loadVectors(model: string) {
    return new Map(this.vectors.get(model) ?? []);
  }
  async saveVectors(model: string, rows: { key: string; hash: string; vector: number[] }[]) {
    const m = this.vectors.get(model) ?? new Map();
    for (const r of rows) m.set(r.key, { hash: r.hash, vector: r.vector });
    this.vectors.set(model, m);
  }
}
