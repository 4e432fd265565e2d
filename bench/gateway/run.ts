/**
 * Gateway benchmark: the same mock upstream on loopback, hit directly, through Khidma (auth, quotas,
 * usage and audit on) and through Portkey's open-source gateway. Writes bench/results/gateway.{json,md}
 * (gateway-pglite.{json,md} with KHIDMA_BENCH_DB=pglite).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  interleaved,
  type LatencyStats,
  stats,
  type Target,
  type Throughput,
  throughput,
} from './measure.js';
import { cpuMs, type Proc, peakRssMiB, ROOT, spawnUntil } from './procs.js';

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 1_000 : 6_000;
const WARMUP = QUICK ? 200 : 1_000;
const TTFB_N = QUICK ? 500 : 2_000;
const DURATION = QUICK ? 3 : 5;
const ROUNDS = QUICK ? 1 : 3;
const OUT = process.env.KHIDMA_BENCH_DB === 'pglite' ? 'gateway-pglite' : 'gateway';
const ADMIN = 'khadm_bench_token_0123456789abcdef0123';

const procs: Proc[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'khidma-bench-'));

async function main() {
  // Load average (1, 5, 15 min) before anything starts: the machine is shared, so runs are comparable
  // only at similar load.
  const loadStart = loadavg().map((x) => Math.round(x * 100) / 100);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`gateway bench: ${N} requests per target at c=1 after ${WARMUP} warm-up, ${DURATION}s throughput runs`);

  const mock = await spawnUntil(
    'mock',
    ['--conditions=source', '--import', 'tsx', 'bench/gateway/mock-server.ts'],
    /MOCK_PORT=(\d+)/,
  );
  procs.push(mock.proc);
  const mockUrl = `http://127.0.0.1:${mock.match}`;

  const configPath = join(tmp, 'khidma.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      providers: [{ id: 'local', type: 'openai-compatible', baseUrl: `${mockUrl}/v1`, location: 'MA' }],
      models: [{ id: 'bench', targets: [{ provider: 'local', model: 'mock-chat' }] }],
      prices: { 'local/mock-chat': { inputPer1M: 1, outputPer1M: 2 } },
    }),
  );
  const database = await benchDatabase();
  log(`khidma database: ${database.kind}`);
  const khidmaEnv = {
    KHIDMA_ADMIN_TOKEN: ADMIN,
    KHIDMA_DATA_DIR: join(tmp, 'data'),
    LOG_LEVEL: 'warn',
    LOG_REQUESTS: '0',
    DATABASE_URL: database.url,
    REDIS_URL: '',
    NODE_ENV: 'production',
  };
  const serverArgs = ['--port', '0', '--host', '127.0.0.1', '--config', configPath];
  const listening = /listening on (http:\/\/[\d.]+:\d+)/;
  let launcher = 'khidma start';
  const khidma = await spawnUntil(
    'khidma',
    // The compiled CLI, as `npm start` and `npx khidma start` run it (`npm run bench:gateway` builds first).
    ['packages/cli/bin/khidma.js', 'start', ...serverArgs],
    listening,
    khidmaEnv,
  ).catch(async (e) => {
    log(`khidma start failed (${String(e).split('\n').slice(0, 3).join(' ')}); using startServer directly`);
    launcher = 'startServer (CLI unavailable)';
    return spawnUntil(
      'khidma',
      ['--conditions=source', '--import', 'tsx', 'bench/gateway/khidma-server.ts', ...serverArgs],
      listening,
      khidmaEnv,
    );
  });
  procs.push(khidma.proc);
  const khidmaUrl = khidma.match;
  const key = await createBenchKey(khidmaUrl);

  // Portkey prints the port it was given, so pick a free one first.
  const pkPort = await freePort();
  const portkey = await spawnUntil(
    'portkey',
    ['node_modules/@portkey-ai/gateway/build/start-server.js', `--port=${pkPort}`, '--headless'],
    /Ready for connections/,
  );
  procs.push(portkey.proc);
  const portkeyUrl = `http://127.0.0.1:${pkPort}`;

  const bare = await spawnUntil(
    'bare',
    ['--import', 'tsx', 'bench/gateway/bare-proxy.ts', mockUrl],
    /BARE_PORT=(\d+)/,
  );
  procs.push(bare.proc);

  const targets: Target[] = [
    { name: 'direct', origin: mockUrl, path: '/v1/chat/completions', headers: {} },
    {
      name: 'bare-proxy',
      origin: `http://127.0.0.1:${bare.match}`,
      path: '/v1/chat/completions',
      headers: {},
    },
    {
      name: 'khidma',
      origin: khidmaUrl,
      path: '/v1/chat/completions',
      headers: { authorization: `Bearer ${key}` },
    },
    {
      name: 'portkey',
      origin: portkeyUrl,
      path: '/v1/chat/completions',
      headers: {
        authorization: 'Bearer sk-bench',
        'x-portkey-provider': 'openai',
        'x-portkey-custom-host': `${mockUrl}/v1`,
      },
    },
  ];

  log('latency at concurrency 1 …');
  const lat = await interleaved(targets, {
    warmup: WARMUP,
    perTarget: N,
    round: 500,
    stream: false,
    firstByte: false,
  });
  log('time to first streamed byte …');
  const ttfb = await interleaved(targets, {
    warmup: WARMUP / 4,
    perTarget: TTFB_N,
    round: 250,
    stream: true,
    firstByte: true,
  });
  const latency = Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, stats(v)])) as Record<
    string,
    LatencyStats
  >;
  const firstByte = Object.fromEntries(Object.entries(ttfb).map(([k, v]) => [k, stats(v)])) as Record<
    string,
    LatencyStats
  >;

  const tput: Record<string, Throughput[]> = {};
  // CPU time per request is robust to other load on the machine, unlike wall-clock figures.
  const pids: Record<string, number | undefined> = {
    direct: mock.proc.child.pid,
    'bare-proxy': bare.proc.child.pid,
    khidma: khidma.proc.child.pid,
    portkey: portkey.proc.child.pid,
  };
  // Throughput runs are interleaved in rounds (every target at c=16, then at c=64, ROUNDS times) and the
  // median round is reported, so a slow spell of this shared machine does not land on one target only.
  const cpuUsed: Record<string, number> = {};
  const served: Record<string, number> = {};
  const rounds: Record<string, Throughput[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of [16, 64]) {
      for (const t of targets) {
        log(`throughput ${t.name} c=${c} (round ${round + 1}/${ROUNDS}) …`);
        const before = cpuMs(pids[t.name]);
        const r = await throughput(t, c, DURATION);
        const after = cpuMs(pids[t.name]);
        if (before !== null && after !== null) cpuUsed[t.name] = (cpuUsed[t.name] ?? 0) + after - before;
        served[t.name] = (served[t.name] ?? 0) + r.total;
        const key = `${t.name}@${c}`;
        rounds[key] = [...(rounds[key] ?? []), r];
      }
    }
  }
  const cpuPerRequest: Record<string, number | null> = {};
  for (const t of targets) {
    tput[t.name] = [16, 64].map((c) => medianRound(rounds[`${t.name}@${c}`]!));
    const used = cpuUsed[t.name];
    cpuPerRequest[t.name] =
      used === undefined ? null : Math.round((used / Math.max(1, served[t.name] ?? 0)) * 1000) / 1000;
  }
  const load = loadavg()[0];
  // Peak RSS includes start-up (PGlite's initdb on a fresh data directory); the current RSS after the
  // runs is the steady-state footprint.
  const rssNow = peakRssMiB(khidma.proc.child.pid, 'VmRSS');
  const rss = {
    mock: peakRssMiB(mock.proc.child.pid),
    'bare-proxy': peakRssMiB(bare.proc.child.pid),
    khidma: peakRssMiB(khidma.proc.child.pid),
    portkey: peakRssMiB(portkey.proc.child.pid),
  };
  const usageCheck = await fetchJson(`${khidmaUrl}/admin/v1/usage`, ADMIN);
  await database.drop();
  report({
    launcher,
    database: database.kind,
    load,
    loadStart,
    cpuPerRequest,
    latency,
    firstByte,
    tput,
    rss,
    rssNow,
    usageRequests: (usageCheck as { totals?: { requests?: number } }).totals?.requests ?? null,
  });
}

/**
 * Production-like storage: a throw-away PostgreSQL database when a server is reachable (DATABASE_URL or
 * the local default), else embedded PGlite. `KHIDMA_BENCH_DB=pglite` forces the embedded one.
 */
async function benchDatabase(): Promise<{
  kind: 'postgres' | 'pglite';
  url: string;
  drop: () => Promise<void>;
}> {
  const none = { kind: 'pglite' as const, url: '', drop: async () => {} };
  if (process.env.KHIDMA_BENCH_DB === 'pglite') return none;
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `khidma_bench_${process.pid}`;
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    await admin.end().catch(() => {});
    return none;
  }
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    drop: async () => {
      const c = new pg.default.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function createBenchKey(url: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  await post('/admin/v1/orgs', { name: 'Bench', slug: 'bench' });
  // Quotas are on, with limits high enough never to trigger: the limiter runs on every request.
  const key = await post('/admin/v1/keys', {
    name: 'bench',
    org_id: 'bench',
    limits: { rpm: 100_000_000, tpm: 1_000_000_000, tpd: 1_000_000_000, monthly_budget_mad: 1_000_000 },
  });
  return String(key.key);
}

async function fetchJson(url: string, token: string): Promise<unknown> {
  await new Promise((r) => setTimeout(r, 1_000));
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return res.ok ? res.json() : null;
}

interface Report {
  launcher: string;
  database: string;
  load: number | undefined;
  loadStart: number[];
  cpuPerRequest: Record<string, number | null>;
  latency: Record<string, LatencyStats>;
  firstByte: Record<string, LatencyStats>;
  tput: Record<string, Throughput[]>;
  rss: Record<string, number | null>;
  rssNow: number | null;
  usageRequests: number | null;
}

function report(r: Report) {
  const d = r.latency.direct!;
  const added = (x: LatencyStats) => ({ p50: round(x.p50 - d.p50), p99: round(x.p99 - d.p99) });
  const tb = r.firstByte.direct!;
  const addedTtfb = (x: LatencyStats) => round(x.p50 - tb.p50);
  const rps = (name: string, c: number) => r.tput[name]!.find((t) => t.connections === c)!;
  const ratio = (c: number) =>
    round(rps('khidma', c).requestsPerSec / Math.max(1, rps('portkey', c).requestsPerSec));
  const summary = {
    khidmaAddedMs: added(r.latency.khidma!),
    bareProxyAddedMs: added(r.latency['bare-proxy']!),
    portkeyAddedMs: added(r.latency.portkey!),
    khidmaAddedTtfbMs: addedTtfb(r.firstByte.khidma!),
    portkeyAddedTtfbMs: addedTtfb(r.firstByte.portkey!),
    throughputRatioVsPortkey: { c16: ratio(16), c64: ratio(64) },
    cpuMsPerRequest: r.cpuPerRequest,
    targets: { addedP50Ms: 0.3, addedP99Ms: 1.5, addedTtfbMs: 1, throughputRatio: 3 },
  };
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    requestsPerTarget: N,
    quick: QUICK,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, `bench/results/${OUT}.json`),
    `${JSON.stringify({ meta, summary, ...r }, null, 2)}\n`,
  );
  const row = (name: string) => {
    const l = r.latency[name]!;
    const f = r.firstByte[name]!;
    const a = name === 'direct' ? { p50: 0, p99: 0 } : added(l);
    const t16 = rps(name, 16);
    const t64 = rps(name, 64);
    return `| ${name} | ${l.p50} | ${l.p99} | ${a.p50} | ${a.p99} | ${f.p50} | ${name === 'direct' ? 0 : addedTtfb(f)} | ${t16.requestsPerSec} (${t16.errors + t16.non2xx} err) | ${t64.requestsPerSec} (${t64.errors + t64.non2xx} err) | ${r.cpuPerRequest[name] ?? 'n/a'} | ${r.rss[name === 'direct' ? 'mock' : name] ?? 'n/a'} |`;
  };
  const md = [
    '# Gateway benchmark',
    '',
    `${meta.date} · Node ${meta.node} · ${meta.cpus} × ${meta.cpu} · ${N} sequential requests per target after ${WARMUP} warm-up (interleaved in rounds of 500) · throughput: ${ROUNDS} interleaved rounds of ${DURATION} s per target and concurrency, median round shown (errors summed over rounds).`,
    `Same mock upstream on loopback for all; Khidma runs as \`${r.launcher}\` with API-key auth, quotas (in-process limiter), usage metering and the audit chain on, storing into ${r.database === 'postgres' ? 'PostgreSQL (a fresh database on this machine)' : 'embedded PGlite'}.`,
    '',
    '| target | p50 ms | p99 ms | added p50 | added p99 | TTFB p50 ms | added TTFB | req/s c=16 | req/s c=64 | CPU ms/req | peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    row('direct'),
    row('bare-proxy'),
    row('khidma'),
    row('portkey'),
    '',
    `Khidma vs Portkey throughput: ×${summary.throughputRatioVsPortkey.c16} at c=16, ×${summary.throughputRatioVsPortkey.c64} at c=64.`,
    `Targets: added p50 ≤ 0.3 ms (${summary.khidmaAddedMs.p50}), added p99 ≤ 1.5 ms (${summary.khidmaAddedMs.p99}), added TTFB ≤ 1 ms (${summary.khidmaAddedTtfbMs}), throughput ≥ 3× Portkey.`,
    `bare-proxy is node:http + one undici request and nothing else: the cost of the extra hop alone on this machine. Khidma adds ${round(summary.khidmaAddedMs.p50 - summary.bareProxyAddedMs.p50)} ms (p50) on top of it.`,
    `Usage rows recorded by Khidma during the run: ${r.usageRequests ?? 'n/a'}. The direct row's CPU and RSS are the mock upstream's.`,
    `Khidma RSS after the runs (steady state, peak includes start-up): ${r.rssNow ?? 'n/a'} MiB.`,
    `Load average (1/5/15 min) at the start: ${r.loadStart.join(' / ')}; 1-minute load average at the end of the throughput runs: ${r.load?.toFixed(2) ?? 'n/a'} on ${meta.cpus} cores (other work on the machine inflates wall-clock figures; CPU ms per request does not depend on it).`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, `bench/results/${OUT}.md`), md);
  process.stdout.write(`\n${md}\n`);
}

/** The round with the median rate; errors and non-2xx answers are summed over all rounds. */
function medianRound(runs: Throughput[]): Throughput {
  const sorted = [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  return {
    ...mid,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

try {
  await main();
} finally {
  for (const p of procs.reverse()) await p.stop();
  rmSync(tmp, { recursive: true, force: true });
}
