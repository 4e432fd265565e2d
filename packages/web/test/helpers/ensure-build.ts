import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const WEB_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const CLIENT_DIR = join(WEB_DIR, 'dist', 'client');
const LOCK = join(WEB_DIR, 'dist', '.build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate(): boolean {
  const index = join(CLIENT_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    ...['src/client', 'src/i18n', 'src/messages', 'src/shared'].map((d) => newestSource(join(WEB_DIR, d))),
    statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs >= sources;
}

/**
 * Builds the client with Vite when dist/client is missing or older than its sources, so `npm test`
 * works on a fresh clone. Test files run in parallel processes: a lock directory serialises builds.
 */
export async function ensureWebBuild(): Promise<string> {
  if (upToDate()) return CLIENT_DIR;
  mkdirSync(join(WEB_DIR, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another process is building; a lock older than 3 minutes is stale.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for the web build lock');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!upToDate()) {
      // Build next to the live directory and swap it in, so servers of parallel suites starting now
      // never read a half-written build.
      const staging = join(WEB_DIR, 'dist', `.client-${process.pid}`);
      await run(
        process.execPath,
        [
          join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--logLevel',
          'warn',
          '--outDir',
          staging,
        ],
        { cwd: WEB_DIR, timeout: 170_000 },
      );
      rmSync(CLIENT_DIR, { recursive: true, force: true });
      renameSync(staging, CLIENT_DIR);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return CLIENT_DIR;
}
