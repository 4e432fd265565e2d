import { canonicalJson, GENESIS_HASH, sha256Hex } from './canonical.js';
import { fastAuditCanonical } from './fast-canonical.js';
import type { AuditEntry, AuditInput, AuditStore } from './types.js';

/** The hash of an entry: SHA-256 over the canonical JSON of every field except `hash` itself. */
export function hashEntry(e: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const fast = fastAuditCanonical(e as unknown as Record<string, unknown>);
  if (fast !== null) return sha256Hex(fast);
  const { hash: _ignored, ...rest } = e;
  return sha256Hex(canonicalJson(rest));
}

export interface AuditChainOptions {
  batchSize?: number;
  /** Entries per store append (default 50): short synchronous work per write, see UsageMeter. */
  writeChunkSize?: number;
  flushIntervalMs?: number;
  onError?: (e: unknown) => void;
  /** Runs before each flush: lets the gateway record accounting it deferred past the response. */
  beforeFlush?: () => void;
}

/**
 * Appends hash-chained entries (ADR 0012). `record()` only queues; a single flusher assigns seq and
 * prevHash in order and writes batches, so appends are serialised without blocking requests.
 * A failed write keeps the batch (already chained) and retries it before anything newer.
 */
export class AuditChain {
  private queue: AuditInput[] = [];
  private unwritten: AuditEntry[] = [];
  private head: { seq: number; hash: string } | null | undefined;
  private running: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: AuditStore,
    private readonly opts: AuditChainOptions = {},
  ) {
    this.timer = setInterval(() => void this.flush(), opts.flushIntervalMs ?? 250);
    this.timer.unref();
  }

  record(input: AuditInput): void {
    // Every field present (null rather than missing) so a database round trip hashes identically.
    this.queue.push({
      ...input,
      ts: input.ts ?? new Date().toISOString(),
      actor: { keyId: input.actor.keyId ?? null, orgId: input.actor.orgId ?? null },
      provider: input.provider ?? null,
      destinationCountry: input.destinationCountry ?? null,
      flags: input.flags ?? [],
    });
    if (this.queue.length >= (this.opts.batchSize ?? 200)) void this.flush();
  }

  get pending(): number {
    return this.queue.length + this.unwritten.length;
  }

  async flush(): Promise<void> {
    this.opts.beforeFlush?.();
    while (this.running) await this.running;
    if (this.queue.length === 0 && this.unwritten.length === 0) return;
    this.running = this.writeOnce().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  /** Stops the timer and writes everything, including records that arrive while writing. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    let before = -1;
    while (this.pending > 0 && this.pending !== before) {
      before = this.pending;
      await this.flush();
    }
  }

  private async writeOnce(): Promise<void> {
    const chunk = this.opts.writeChunkSize ?? 50;
    // Take the queue as it is (no repeated splicing of a long array); later entries wait for the next flush.
    const inputs = this.queue;
    this.queue = [];
    let next = 0;
    try {
      if (this.head === undefined) this.head = await this.store.head();
      while (this.unwritten.length > 0 || next < inputs.length) {
        // Entries already chained (a failed write) go first, so order and links never change.
        if (this.unwritten.length === 0) {
          this.chain(inputs.slice(next, next + chunk));
          next += chunk;
        }
        const batch = this.unwritten.length <= chunk ? this.unwritten : this.unwritten.slice(0, chunk);
        await this.store.append(batch);
        this.unwritten = batch === this.unwritten ? [] : this.unwritten.slice(batch.length);
      }
    } catch (e) {
      if (next < inputs.length) this.queue = inputs.slice(next).concat(this.queue);
      this.opts.onError?.(e);
    }
  }

  private chain(inputs: AuditInput[]): void {
    let prev = this.head ?? null;
    for (const input of inputs) {
      const entry = {
        ...input,
        ts: input.ts as string,
        seq: (prev?.seq ?? 0) + 1,
        prevHash: prev?.hash ?? GENESIS_HASH,
      };
      const full = entry as AuditEntry;
      full.hash = hashEntry(entry);
      this.unwritten.push(full);
      prev = { seq: full.seq, hash: full.hash };
    }
    this.head = prev;
  }
}

/** An in-memory store, for tests and for running without a database. */
export class MemoryAuditStore implements AuditStore {
  readonly entries: AuditEntry[] = [];
  async head() {
    const last = this.entries.at(-1);
    return last ? { seq: last.seq, hash: last.hash } : null;
  }
  async append(entries: AuditEntry[]) {
    this.entries.push(...entries);
  }
}
