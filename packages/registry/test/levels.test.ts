import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparisons, DuckDbEngine, type Engine, gammaSql, prepareRecords } from '../src/index.js';
import { peopleConfig, peopleFixture, tempDir } from './helpers.js';

const files = peopleFixture(tempDir());
const config = peopleConfig(files);
const specs = buildComparisons(config.fields, config.comparisons);

async function levelOf(engine: Engine, comparison: string, left: string, right: string): Promise<string> {
  const spec = specs.find((s) => s.name === comparison)!;
  const [row] = await engine.query<{ g: number }>(
    `select ${gammaSql(spec)} as g from rec l, rec r where l.record_id = '${left}' and r.record_id = '${right}'`,
  );
  return spec.levels[row!.g]!.label;
}

describe('comparison levels on DuckDB', () => {
  let engine: DuckDbEngine;
  beforeAll(async () => {
    engine = await DuckDbEngine.open({ memoryLimit: '256MB' });
    await prepareRecords(engine, config);
  });
  afterAll(() => engine.close());

  it('finds the same name across Arabic script and Latin spellings', async () => {
    expect(['exact', 'same transliteration']).toContain(await levelOf(engine, 'first_name', 'a1', 'b1'));
    expect(['exact', 'same transliteration']).toContain(await levelOf(engine, 'last_name', 'a1', 'b1'));
  });

  it('puts unrelated names in the else level', async () => {
    expect(await levelOf(engine, 'first_name', 'a2', 'b6')).toBe('else');
  });

  it('recognises a day/month swap', async () => {
    expect(await levelOf(engine, 'date_of_birth', 'a4', 'b4')).toBe('day/month swapped');
    expect(await levelOf(engine, 'date_of_birth', 'a1', 'b1')).toBe('exact');
  });

  it('recognises an ID one typo away and null IDs', async () => {
    expect(await levelOf(engine, 'cin', 'a5', 'b5')).toBe('one typo');
    expect(await levelOf(engine, 'cin', 'a3', 'b3')).toBe('null');
    expect(await levelOf(engine, 'cin', 'a1', 'b1')).toBe('exact');
  });

  it('matches a city written in Arabic script and in French', async () => {
    expect(await levelOf(engine, 'city', 'a1', 'b1')).toBe('exact');
  });

  it('orders levels so the first true condition wins', () => {
    const name = specs.find((s) => s.name === 'first_name')!;
    expect(name.levels.map((l) => l.label)).toEqual([
      'null',
      'exact',
      'swapped with last_name',
      'same transliteration',
      'same skeleton',
      'jaro-winkler >= 0.92',
      'jaro-winkler >= 0.8',
      'else',
    ]);
  });
});
