import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ADMIN_TOKEN = 'khadm_sdk_suite_token_0123456789abcdef';

export interface Khidma {
  url: string;
  baseURL: string;
  /** Calls the admin API with the master token; throws on non-2xx. */
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  createOrg(slug: string, limits?: Record<string, number>): Promise<{ id: string }>;
  createKey(opts: {
    org: string;
    scopes?: string[] | null;
    limits?: Record<string, number>;
    role?: string;
  }): Promise<{ id: string; key: string }>;
  /** Waits until batched usage and audit writes have reached the database. */
  settle(): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Spawns a real `khidma start` (the CLI, from TypeScript sources) on an ephemeral port with an
 * embedded PGlite database in a temporary directory, and waits for it to listen.
 */
export async function startKhidma(config: unknown, env: NodeJS.ProcessEnv = {}): Promise<Khidma> {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-sdk-'));
  const configPath = join(dir, 'khidma.json');
  writeFileSync(configPath, JSON.stringify(config));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KHIDMA_ADMIN_TOKEN: ADMIN_TOKEN,
    KHIDMA_DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'warn',
    LOG_REQUESTS: '0',
    ...env,
  };
  // Embedded database and in-process limits unless the suite asks otherwise.
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  if (!('REDIS_URL' in env)) delete childEnv.REDIS_URL;
  delete childEnv.OPENAI_API_KEY;
  delete childEnv.MISTRAL_API_KEY;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      'packages/cli/src/bin.ts',
      'start',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--config',
      configPath,
    ],
    { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`khidma start did not listen in time:\n${output}`)),
      90_000,
    );
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`khidma start exited with ${code}:\n${output}`));
    });
  }).catch((e: unknown) => {
    // Leave nothing behind when the server never came up.
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });

  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };

  return {
    url,
    baseURL: `${url}/v1`,
    admin,
    createOrg: (slug, limits) =>
      admin('POST', '/admin/v1/orgs', { name: slug, slug, ...(limits ? { limits } : {}) }),
    createKey: (o) =>
      admin('POST', '/admin/v1/keys', {
        name: `sdk-${o.org}`,
        org_id: o.org,
        role: o.role ?? 'member',
        scopes: o.scopes ?? null,
        ...(o.limits ? { limits: o.limits } : {}),
      }),
    settle: () => new Promise((r) => setTimeout(r, 700)),
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A gateway configuration pointing public models at mock upstreams. */
export function mockConfig(openaiUrl: string, mistralUrl: string, extra: Record<string, unknown> = {}) {
  return {
    providers: [
      { id: 'local', type: 'openai-compatible', baseUrl: openaiUrl, location: 'MA', timeoutMs: 3_000 },
      { id: 'backup', type: 'openai-compatible', baseUrl: openaiUrl, location: 'MA', timeoutMs: 5_000 },
      {
        id: 'mistral',
        type: 'mistral',
        baseUrl: mistralUrl,
        apiKey: 'sk-mistral-test',
        location: 'EU',
        timeoutMs: 5_000,
      },
    ],
    models: [
      { id: 'chat', targets: [{ provider: 'local', model: 'qwen2.5:7b' }] },
      // Separate public models so each fallback scenario starts with a healthy primary.
      ...['ha-500', 'ha-429', 'ha-timeout'].map((id) => ({
        id,
        targets: [
          { provider: 'local', model: 'primary', weight: 1_000_000 },
          { provider: 'backup', model: 'secondary', weight: 0.000001 },
        ],
      })),
      { id: 'mistral-small-latest', targets: [{ provider: 'mistral', model: 'mistral-small-latest' }] },
      { id: 'embed', type: 'embeddings', targets: [{ provider: 'local', model: 'bge-m3' }] },
      { id: 'mistral-embed', type: 'embeddings', targets: [{ provider: 'mistral', model: 'mistral-embed' }] },
    ],
    prices: { 'local/qwen2.5:7b': { inputPer1M: 2, outputPer1M: 4 } },
    ...extra,
  };
}
