import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeRun,
  explainRecords,
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
    const first = run.model.comparisons.find((c) => c.name === 'first_name')!;
    const exact = first.levels.find((l) => l.tfExact)!;
    // Mohamed is 2 of 6 RNP records: an exact match on it is worth less than the average exact match.
    const common = Math.log2(exact.m / 0.25);
    const rare = Math.log2(exact.m / 0.05);
    expect(common).toBeLessThan(rare);
    expect(matchWeightSql(run.model)).toContain('tf_l_first_name');
  });
});
