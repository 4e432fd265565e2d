import autocannon from 'autocannon';
import { Client } from 'undici';

export interface Target {
  name: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export function stats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p90: r(percentile(s, 90)),
    p99: r(percentile(s, 99)),
    mean: r(mean),
  };
}

export const chatBody = (stream: boolean) =>
  JSON.stringify({
    model: 'bench',
    stream,
    messages: [
      { role: 'system', content: 'You are a helpful assistant for Moroccan public services.' },
      { role: 'user', content: 'Salam, chno khassni bach njded la carte nationale?' },
    ],
  });

/**
 * Sequential requests on one keep-alive connection (concurrency 1), timed in milliseconds with
 * sub-microsecond resolution. `firstByte` stops the clock at the first body chunk (streaming TTFB).
 */
export class SerialClient {
  private readonly client: Client;
  constructor(private readonly t: Target) {
    this.client = new Client(t.origin, { pipelining: 1, keepAliveTimeout: 60_000 });
  }

  async once(body: string, firstByte: boolean): Promise<number> {
    const start = process.hrtime.bigint();
    const res = await this.client.request({
      method: 'POST',
      path: this.t.path,
      headers: { 'content-type': 'application/json', ...this.t.headers },
      body,
    });
    let elapsed = 0;
    let first = true;
    for await (const _chunk of res.body) {
      if (first && firstByte) elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      first = false;
    }
    if (!firstByte) elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${this.t.name}: HTTP ${res.statusCode}`);
    return elapsed;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/**
 * Interleaves targets in rounds so slow drifts of the machine (GC, CPU frequency, neighbours) hit
 * every target alike.
 */
export async function interleaved(
  targets: Target[],
  opts: { warmup: number; perTarget: number; round: number; stream: boolean; firstByte: boolean },
): Promise<Record<string, number[]>> {
  const clients = targets.map((t) => new SerialClient(t));
  const body = chatBody(opts.stream);
  const samples: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (const c of clients) for (let i = 0; i < opts.warmup; i++) await c.once(body, opts.firstByte);
  for (let done = 0; done < opts.perTarget; done += opts.round) {
    for (let i = 0; i < clients.length; i++) {
      const out = samples[targets[i]!.name]!;
      for (let j = 0; j < opts.round; j++) out.push(await clients[i]!.once(body, opts.firstByte));
    }
  }
  await Promise.all(clients.map((c) => c.close()));
  return samples;
}

export interface Throughput {
  connections: number;
  requestsPerSec: number;
  total: number;
  errors: number;
  non2xx: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export async function throughput(t: Target, connections: number, durationSec: number): Promise<Throughput> {
  const r = await autocannon({
    url: t.origin + t.path,
    method: 'POST',
    connections,
    pipelining: 1,
    duration: durationSec,
    headers: { 'content-type': 'application/json', ...t.headers },
    body: chatBody(false),
  });
  return {
    connections,
    requestsPerSec: Math.round(r.requests.average),
    total: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
  };
}
