import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeRun,
  DuckDbEngine,
  type LinkConfig,
  type LinkRun,
  loadConfigFile,
  PostgresEngine,
  rng,
  runLinkage,
} from '../src/index.js';
import { peopleConfig, peopleFixture, tempDir } from './helpers.js';

const url = process.env.DATABASE_URL;
if (!url) console.warn('engines.test: DATABASE_URL is not set, skipping the PostgreSQL parity suites');
const febrl1 = resolve(__dirname, '../../../../shared/data/registry/febrl/dataset1.csv');
if (!existsSync(febrl1)) console.warn(`engines.test: ${febrl1} is absent, skipping the FEBRL parity suite`);

async function scoredPairs(run: LinkRun) {
  const g = run.model.comparisons.map((c) => `g_${c.name}`).join(', ');
  return run.engine.query(`select uid_l, uid_r, ${g}, match_weight from scored order by uid_l, uid_r`);
}

async function bothEngines(config: LinkConfig) {
  const duck = await runLinkage(config, { engine: await DuckDbEngine.open({ memoryLimit: '512MB' }) });
  const pgEngine = await PostgresEngine.open({ url: url! });
  const pg = await runLinkage(config, { engine: pgEngine });
  return { duck, pg };
}

async function expectSameResults(duck: LinkRun, pg: LinkRun) {
  const a = await scoredPairs(duck);
  const b = await scoredPairs(pg);
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) {
    const { match_weight: wa, ...levelsA } = a[i]!;
    const { match_weight: wb, ...levelsB } = b[i]!;
    expect(levelsB).toEqual(levelsA);
    expect(Number(wb)).toBeCloseTo(Number(wa), 9);
  }
  expect(pg.model.prior).toBeCloseTo(duck.model.prior, 9);
  for (const [i, c] of pg.model.comparisons.entries())
    for (const [j, l] of c.levels.entries()) {
      expect(l.m).toBeCloseTo(duck.model.comparisons[i]!.levels[j]!.m, 9);
      expect(l.u).toBeCloseTo(duck.model.comparisons[i]!.levels[j]!.u, 9);
    }
  expect(pg.personIds).toEqual(duck.personIds);
}

describe.skipIf(!url)('PostgreSQL engine', () => {
  let pg: PostgresEngine;
  let duck: DuckDbEngine;
  beforeAll(async () => {
    pg = await PostgresEngine.open({ url: url! });
    duck = await DuckDbEngine.open({ memoryLimit: '256MB' });
  });
  afterAll(async () => {
    await pg.close();
    await duck.close();
  });

  it('computes the same Jaro-Winkler and Levenshtein values as DuckDB on ASCII strings', async () => {
    const random = rng(5);
    const word = () =>
      Array.from({ length: 1 + Math.floor(random() * 9) }, () => 'abcdeho'[Math.floor(random() * 7)]).join(
        '',
      );
    const pairs = Array.from({ length: 150 }, () => [word(), word()] as const);
    const values = pairs.map(([a, b]) => `('${a}', '${b}')`).join(', ');
    const sql = `select a, b, jaro_winkler_similarity(a, b) as jw, levenshtein(a, b) as lev
      from (values ${values}) as t(a, b) order by a, b`;
    const fromDuck = await duck.query(sql);
    const fromPg = await pg.query(sql);
    fromDuck.forEach((row, i) => {
      expect(Number(fromPg[i]!.jw)).toBeCloseTo(Number(row.jw), 12);
      expect(Number(fromPg[i]!.lev)).toBe(Number(row.lev));
    });
  });

  it('gives the same levels, weights and clusters as DuckDB on the cross-script fixture', async () => {
    const config = peopleConfig(peopleFixture(tempDir()));
    const { duck: d, pg: p } = await bothEngines(config);
    try {
      await expectSameResults(d, p);
    } finally {
      await d.engine.close();
      await p.engine.close();
    }
  });
});

describe.skipIf(!url || !existsSync(febrl1))('PostgreSQL and DuckDB on FEBRL1 (golden)', () => {
  it('produce the same levels, weights and clusters', async () => {
    const base = loadConfigFile(resolve(__dirname, '../../../examples/registry/febrl3.json'));
    const config: LinkConfig = {
      ...base,
      sources: [{ ...base.sources[0]!, name: 'F1', path: febrl1 }],
      training: { uPairs: 20_000, maxIterations: 100, tolerance: 1e-6 },
    };
    const { duck: d, pg: p } = await bothEngines(config);
    try {
      await expectSameResults(d, p);
      expect(new Set(d.personIds).size).toBeLessThan(d.loaded.total);
    } finally {
      await closeRun(d);
      await d.engine.close().catch(() => {});
      await p.engine.close();
    }
  }, 120_000);
});
