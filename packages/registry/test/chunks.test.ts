import { describe, expect, it } from 'vitest';
import { closeRun, runLinkage } from '../src/index.js';
import { peopleConfig, peopleFixture, tempDir } from './helpers.js';

async function scored(chunks: number, workers: number) {
  const base = peopleConfig(peopleFixture(tempDir()));
  const run = await runLinkage({ ...base, engine: { ...base.engine, chunks, workers } });
  try {
    const rows = await run.engine.query(
      'select uid_l, uid_r, match_weight from scored order by uid_l, uid_r',
    );
    return { rows, personIds: run.personIds };
  } finally {
    await closeRun(run);
  }
}

describe('chunked prediction', () => {
  it('gives the same pairs and clusters in chunks run by worker processes as in one pass', async () => {
    const single = await scored(1, 1);
    const chunked = await scored(2, 2);
    expect(chunked.rows.length).toBe(single.rows.length);
    chunked.rows.forEach((row, i) => {
      expect(row.uid_l).toBe(single.rows[i]!.uid_l);
      expect(Number(row.match_weight)).toBeCloseTo(Number(single.rows[i]!.match_weight), 9);
    });
    expect(chunked.personIds).toEqual(single.personIds);
  });

  it('gives the same result in chunks run in-process', async () => {
    const single = await scored(1, 1);
    const chunked = await scored(3, 1);
    expect(chunked.rows).toEqual(single.rows);
  });
});
