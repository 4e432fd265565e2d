/** One row per request, whatever happened to it. */
export interface UsageRecord {
  requestId: string;
  /** ISO time the request arrived. */
  ts: string;
  keyId: string | null;
  orgId: string | null;
  endpoint: 'chat.completions' | 'embeddings';
  /** Public model name the client asked for. */
  model: string;
  provider: string | null;
  upstreamModel: string | null;
  stream: boolean;
  status: 'ok' | 'error' | 'client_aborted';
  httpStatus: number;
  errorCode: string | null;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Whether tokens came from the provider's `usage` or from an estimate (provider sent none). */
  usageSource: 'provider' | 'estimate' | 'none';
  costMad: number;
  latencyMs: number;
  ttftMs: number | null;
  attempts: number;
}

export interface UsageSink {
  write(records: UsageRecord[]): Promise<void>;
}

export interface UsageMeterOptions {
  /** Flush when this many records are waiting (default 200). */
  batchSize?: number;
  /** Flush at least this often (default 250 ms). */
  flushIntervalMs?: number;
  /**
   * Rows per sink write (default 50). Building a large insert is synchronous work in most database
   * drivers; smaller writes, awaited one after the other, keep each event-loop pause short (p99).
   */
  writeChunkSize?: number;
  /** Records kept while the sink is failing before the oldest are dropped (default 50 000). */
  maxBuffered?: number;
  onError?: (e: unknown, dropped: number) => void;
  /** Runs before each flush: lets the gateway record accounting it deferred past the response. */
  beforeFlush?: () => void;
}

/**
 * Buffers usage records and writes them in batches on a timer, so the request path only pushes onto
 * an array. Failed batches are retried on the next flush (bounded buffer).
 */
export class UsageMeter {
  private buffer: UsageRecord[] = [];
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly batchSize: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly sink: UsageSink,
    private readonly opts: UsageMeterOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 200;
    this.maxBuffered = opts.maxBuffered ?? 50_000;
    this.timer = setInterval(() => void this.flush(), opts.flushIntervalMs ?? 250);
    this.timer.unref();
  }

  record(r: UsageRecord): void {
    this.buffer.push(r);
    if (this.buffer.length >= this.batchSize && !this.flushing) void this.flush();
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything buffered so far; concurrent callers share the same flush. */
  async flush(): Promise<void> {
    this.opts.beforeFlush?.();
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async drain(): Promise<void> {
    const chunk = this.opts.writeChunkSize ?? 50;
    const all = this.buffer;
    this.buffer = [];
    for (let i = 0; i < all.length; i += chunk) {
      const batch = all.length <= chunk ? all : all.slice(i, i + chunk);
      try {
        await this.sink.write(batch);
      } catch (e) {
        this.buffer = all.slice(i).concat(this.buffer);
        const overflow = this.buffer.length - this.maxBuffered;
        if (overflow > 0) this.buffer.splice(0, overflow);
        this.opts.onError?.(e, Math.max(0, overflow));
        return;
      }
    }
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
}

/** A sink keeping records in memory: for tests and for running without a database. */
export class MemoryUsageSink implements UsageSink {
  readonly records: UsageRecord[] = [];
  async write(records: UsageRecord[]): Promise<void> {
    this.records.push(...records);
  }
}
