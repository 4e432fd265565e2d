import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeRun,
  explainRecords,
  explainVector,
  explanationSvg,
  type LinkRun,
  loadModel,
  matchWeightSql,
  runLinkage,
  writeOutputs,
} from '../src/index.js';
import { peopleConfig, peopleFixture, tempDir } from './helpers.js';

describe('linkage pipeline on a cross-script fixture', () => {
  let run: LinkRun;
  const out = tempDir();
  beforeAll(async () => {
    run = await runLinkage(peopleConfig(peopleFixture(tempDir()), { oneToOne: true }));
    await writeOutputs(run, out);
  });
  afterAll(() => closeRun(run));

  it('links the same people written in Arabic script and in Latin letters', () => {
    const idOf = (key: string) => run.personIds[run.keys.indexOf(key)];
    for (const k of ['1', '2', '3', '4', '5']) expect(idOf(`RNP:a${k}`)).toBe(idOf(`RSU:b${k}`));
    expect(idOf('RNP:a6')).not.toBe(idOf('RSU:b6'));
  });

  it('writes clusters, golden records, a report and a reloadable model', () => {
    const clusters = readFileSync(join(out, 'clusters.csv'), 'utf8').split('\n');
    expect(clusters[0]).toBe('source,record_id,cluster_id');
    expect(clusters.filter(Boolean)).toHaveLength(13);
    expect(readFileSync(join(out, 'golden.csv'), 'utf8')).toContain('first_name_from');
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('<svg');
    expect(report).toContain('m and u parameters');
    const model = loadModel(join(out, 'model.json'));
    expect(model.comparisons).toHaveLength(5);
    expect(matchWeightSql(model)).toBe(matchWeightSql(run.model));
  });

  it('explains a pair with contributions that add up to the SQL match weight', async () => {
    const e = await explainRecords(run.engine, run.model, 'RNP:a1', 'RSU:b1');
    const [row] = await run.engine.query<{ w: number }>(
      `select match_weight as w from scored s join rec l on l.uid = s.uid_l join rec r on r.uid = s.uid_r
       where l.record_id = 'a1' and r.record_id = 'b1'`,
    );
    const sum = e.priorWeight + e.contributions.reduce((a, c) => a + c.weight + c.tfAdjustment, 0);
    expect(sum).toBeCloseTo(e.matchWeight, 9);
    expect(e.matchWeight).toBeCloseTo(row!.w, 6);
    expect(e.contributions.find((c) => c.comparison === 'cin')!.level).toBe('exact');
    expect(explanationSvg(e)).toMatch(/^<svg[\s\S]*match weight[\s\S]*<\/svg>$/);
  });

  it('lowers the weight of an exact match on a common name (term frequency)', () => {
    const i = run.model.comparisons.findIndex((c) => c.name === 'first_name');
    const exact = run.model.comparisons[i]!.levels.findIndex((l) => l.tfExact);
    const gammas = run.model.comparisons.map((c) => c.levels.length - 1);
    gammas[i] = exact;
    const withTf = (tf: number) =>
      explainVector(
        run.model,
        gammas,
        run.model.comparisons.map((_, k) => (k === i ? [tf, tf] : [])),
        { left: [], right: [] },
        { left: 'x', right: 'y' },
      ).contributions[i]!;
    const common = withTf(0.3);
    const rare = withTf(0.001);
    expect(common.tfAdjustment).toBeLessThan(rare.tfAdjustment);
    expect(common.weight + common.tfAdjustment).toBeCloseTo(Math.log2(Math.max(common.m, 1e-3) / 0.3), 9);
    expect(matchWeightSql(run.model)).toContain('tf_l_first_name');
  });

  it('keeps person ids stable when the linkage runs again with the previous mapping', async () => {
    const again = await runLinkage({
      ...peopleConfig(peopleFixture(tempDir()), { oneToOne: true }),
      previousMapping: join(out, 'clusters.csv'),
    });
    try {
      expect(again.personIds).toEqual(run.personIds);
    } finally {
      await closeRun(again);
    }
  });
});
