import type { DataClass } from '../providers/types.js';

/** What a request contributes to the audit log. Never prompt or answer text. */
export interface AuditInput {
  ts?: string;
  requestId: string;
  actor: { keyId: string | null; orgId: string | null };
  endpoint: 'chat.completions' | 'embeddings';
  model: string;
  provider: string | null;
  /** Country (or region) the data was sent to, e.g. MA, EU, US. */
  destinationCountry: string | null;
  decision: string;
  legalBasis: string;
  dataClass: DataClass | 'unknown';
  status: string;
  /** Free-form machine flags, e.g. `unexpected_pii:CIN`. */
  flags?: string[];
}

export interface AuditEntry extends AuditInput {
  seq: number;
  ts: string;
  prevHash: string;
  hash: string;
}

/** Persistence for the chain; the server provides a database-backed one. */
export interface AuditStore {
  /** The last stored entry's seq and hash, or null for an empty log. */
  head(): Promise<{ seq: number; hash: string } | null>;
  /** Appends entries in order; they are already chained. */
  append(entries: AuditEntry[]): Promise<void>;
}
