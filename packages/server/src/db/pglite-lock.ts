import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

const heldHere = new Set<string>();

/**
 * PGlite does not stop two processes from opening the same directory, and two writers corrupt it.
 * A pid file next to the data directory makes the second opener fail with a clear message instead;
 * a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  if (heldHere.has(path)) throw new Error(inUse(dataDir, process.pid));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new Error(inUse(dataDir, pid));
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dataDir: string, pid: number): string {
  return `the embedded database ${dataDir} is in use by process ${pid} (a running \`khidma start\`?). Stop it, use the admin API, or set DATABASE_URL to share PostgreSQL.`;
}
