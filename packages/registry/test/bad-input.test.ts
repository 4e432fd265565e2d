import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, RegistryError, runLinkage } from '../src/index.js';
import { PEOPLE_HEADER, peopleConfig, peopleFixture, tempDir, writeCsv } from './helpers.js';

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RegistryError) return err;
    throw err;
  }
  throw new Error('expected a RegistryError');
}

describe('bad input stops before heavy work with a clear message', () => {
  it('names the missing column and the source', async () => {
    const dir = tempDir();
    const files = peopleFixture(dir);
    files.b = writeCsv(
      dir,
      'nocin.csv',
      ['id', 'first_name', 'last_name', 'dob', 'city'],
      [['b1', 'A', 'B', '1980', 'X']],
    );
    const err = await failure(runLinkage(peopleConfig(files)));
    expect(err.code).toBe('missing_column');
    expect(err.message).toBe('Source RSU: missing column "cin"');
    expect(err.messageIn('fr')).toContain('colonne manquante');
    expect(err.messageIn('ar')).toContain('مفقود');
  });

  it('refuses a file that is not UTF-8', async () => {
    const dir = tempDir();
    const files = peopleFixture(dir);
    files.a = join(dir, 'latin1.csv');
    writeFileSync(
      files.a,
      Buffer.from(`${PEOPLE_HEADER.join(',')}\na1,Ren\xe9,Dupont,1980,X1,Rabat\n`, 'latin1'),
    );
    const err = await failure(runLinkage(peopleConfig(files)));
    expect(err.code).toBe('not_utf8');
    expect(err.message).toContain('RNP');
  });

  it('reads a declared legacy encoding instead', async () => {
    const dir = tempDir();
    const files = peopleFixture(dir);
    const path = join(dir, 'latin1.csv');
    writeFileSync(
      path,
      Buffer.from(`${PEOPLE_HEADER.join(',')}\na1,Ren\xe9,Dupont,1980,X1,Rabat\n`, 'latin1'),
    );
    const config = peopleConfig(files);
    config.sources[0] = { ...config.sources[0]!, path, encoding: 'latin1' };
    config.blocking = [['cin']];
    const run = await runLinkage(config);
    expect(run.loaded.counts[0]).toBe(1);
    await run.engine.close();
  });

  it('rejects an unknown encoding name in the config', () => {
    const files = peopleFixture(tempDir());
    const base = peopleConfig(files);
    expect(() =>
      parseConfig({ ...base, sources: [{ ...base.sources[0], encoding: 'klingon-8' }, base.sources[1]] }),
    ).toThrow(/unknown encoding "klingon-8"/);
  });

  it('refuses an empty input', async () => {
    const dir = tempDir();
    const files = peopleFixture(dir);
    files.b = writeCsv(dir, 'empty.csv', PEOPLE_HEADER, []);
    const err = await failure(runLinkage(peopleConfig(files)));
    expect(err.code).toBe('empty_input');
    expect(err.message).toBe('Source RSU: no records');
  });

  it('refuses a blocking rule above the maximum number of comparisons, counted in SQL', async () => {
    const files = peopleFixture(tempDir());
    const config = peopleConfig(files, { blocking: [['cin'], ['city']], maxComparisons: 0 + 1 });
    config.blocking = [['cin'], ['l.source = r.source'] as unknown as string[]];
    const err = await failure(runLinkage({ ...config, blocking: [['cin'], 'l.source = r.source'] }));
    expect(err.code).toBe('too_many_comparisons');
    expect(err.params.count).toBeGreaterThan(1);
    expect(err.message).toMatch(/would generate \d+ comparisons, above the maximum of 1/);
  });

  it('rejects blocking rules outside the safe grammar', async () => {
    const files = peopleFixture(tempDir());
    const config = peopleConfig(files);
    const err = await failure(runLinkage({ ...config, blocking: ['l.cin = r.cin; drop table rec'] }));
    expect(err.code).toBe('invalid_config');
  });
});
