import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, pseudonymize } from '@khidma/privacy';
import { openDatabase, PrivacyStore } from '@khidma/server';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from '../src/commands/privacy.js';

const SECRET = 'cli-privacy-test-secret-0123456789';

/** Runs `khidma privacy …` in-process and returns what it printed. */
async function khidma(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const program = new Command().name('khidma').exitOverride();
    register(program);
    await program.parseAsync(['node', 'khidma', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('khidma privacy against a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-cli-privacy-'));
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.KHIDMA_DATA_DIR = dir;
    process.env.KHIDMA_SECRET = SECRET;
    delete process.env.DATABASE_URL;
    const db = await openDatabase();
    try {
      const session = createSession({ ttlMs: 3_600_000 });
      const r = pseudonymize('CIN AB123456, tél 0661234567, Mme Salma Tazi', { session });
      await new PrivacyStore(db, SECRET).saveMapping({
        session,
        entities: r.entities,
        orgId: null,
        keyId: null,
        requestId: 'req-1',
        source: 'api',
      });
    } finally {
      await db.close();
    }
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds and exports what is stored about a CIN, however it is written', async () => {
    const found = JSON.parse(await khidma('privacy', 'subject', 'find', '--cin', 'ab 123456', '--json'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'mapping', requestId: 'req-1' });
    const exported = await khidma('privacy', 'subject', 'export', '--phone', '+212 6 61 23 45 67');
    expect(exported).toContain('0661234567');
    expect(exported).not.toContain('AB123456');
  });

  it('erases only with --yes', async () => {
    expect(await khidma('privacy', 'subject', 'erase', '--cin', 'AB123456')).toContain(
      '1 record(s) would be erased',
    );
    expect(await khidma('privacy', 'subject', 'erase', '--cin', 'AB123456', '--yes')).toContain(
      'Erased 1 pseudonym mapping',
    );
    expect(JSON.parse(await khidma('privacy', 'subject', 'find', '--cin', 'AB123456', '--json'))).toEqual([]);
  });

  it('prints the processing register as CSV with transfers abroad', async () => {
    const config = join(dir, 'khidma.yaml');
    writeFileSync(
      config,
      'providers:\n  - id: openai\n    type: openai\n    location: US\n    apiKey: sk-test\n',
    );
    const csv = await khidma('privacy', 'register', '--format', 'csv', '--config', config);
    expect(csv).toContain('"openai","US","yes"');
  });
});
