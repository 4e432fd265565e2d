import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthService, openDatabase } from '@khidma/server';
import { createTestApp } from '@khidma/server/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/program.js';

/** Runs `khidma …` in-process and returns what it printed. */
async function khidma(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'khidma', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('khidma keys against a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-cli-'));
  const saved = { ...process.env };

  beforeAll(() => {
    process.env.KHIDMA_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates an organisation and a scoped key, prints the secret once, lists and revokes it', async () => {
    expect(await khidma('orgs', 'create', '--name', 'Commune de Fès', '--slug', 'fes')).toContain(
      'Created organisation fes',
    );

    const created = JSON.parse(
      await khidma(
        'keys',
        'create',
        '--name',
        'guichet',
        '--org',
        'fes',
        '--scopes',
        'chat,embed',
        '--rpm',
        '30',
        '--json',
      ),
    );
    expect(created.key).toMatch(/^kh_\w{8}_\w{32}$/);
    expect(created).toMatchObject({
      name: 'guichet',
      role: 'member',
      scopes: ['chat', 'embed'],
      limits: { rpm: 30 },
      status: 'active',
    });

    const listing = await khidma('keys', 'list', '--org', 'fes');
    expect(listing).toContain(created.prefix);
    expect(listing).not.toContain(created.key);

    expect(await khidma('keys', 'revoke', created.prefix)).toContain(`Revoked ${created.id}`);

    const db = await openDatabase();
    try {
      expect(await new AuthService(db).authenticate(created.key)).toBeNull();
    } finally {
      await db.close();
    }
    const all = JSON.parse(await khidma('keys', 'list', '--all', '--json'));
    expect(all.find((k: { id: string }) => k.id === created.id).status).toBe('revoked');
  });

  it('refuses to open the embedded database while another holder has it open', async () => {
    const db = await openDatabase();
    try {
      await expect(khidma('keys', 'list')).rejects.toThrow(/in use by process \d+/);
    } finally {
      await db.close();
    }
    expect(await khidma('keys', 'list', '--all')).toContain('PREFIX');
  });

  it('goes through the running server’s admin API when the embedded database is held by it', async () => {
    const t = await createTestApp({ database: { url: '', dataDir: join(dir, 'pgdata') } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    process.env.KHIDMA_URL = `http://127.0.0.1:${port}`;
    process.env.KHIDMA_ADMIN_TOKEN = t.adminToken;
    try {
      const created = JSON.parse(
        await khidma('keys', 'create', '--name', 'via-api', '--org', 'fes', '--json'),
      );
      expect(created).toMatchObject({ object: 'api_key', name: 'via-api', role: 'member' });
      expect(await t.ctx.auth.authenticate(created.key)).not.toBeNull();
      expect(await khidma('keys', 'list', '--org', 'fes')).toContain(created.prefix);
      expect(await khidma('keys', 'revoke', created.prefix)).toContain('through the running server');
      expect(await t.ctx.auth.authenticate(created.key)).toBeNull();
    } finally {
      delete process.env.KHIDMA_URL;
      delete process.env.KHIDMA_ADMIN_TOKEN;
      await t.close();
    }
  });

  it('refuses an unknown organisation and an invalid role with a clear message', async () => {
    await expect(khidma('keys', 'create', '--name', 'x', '--org', 'nowhere')).rejects.toThrow(
      /no organisation "nowhere"/,
    );
    await expect(khidma('keys', 'create', '--name', 'x', '--role', 'root')).rejects.toThrow(
      /--role must be one of/,
    );
  });

  it('records its administrative changes in the audit chain, verifies it, and reports usage as CSV', async () => {
    // org create, key create, key revoke from the CLI; key create and revoke through the server's API.
    expect(await khidma('audit', 'verify')).toContain('Audit log intact: 5 entries verified.');
    const entries = JSON.parse(await khidma('audit', 'list', '--json'));
    expect(entries.map((e: { endpoint: string }) => e.endpoint)).toEqual([
      'admin.key.revoke',
      'admin.key.create',
      'admin.key.revoke',
      'admin.key.create',
      'admin.org.create',
    ]);
    expect(await khidma('usage', '--csv', '--group-by', 'model')).toBe(
      'model,requests,errors,prompt_tokens,completion_tokens,total_tokens,cost_mad\r\n',
    );
  });
});
