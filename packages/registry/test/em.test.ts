import { describe, expect, it } from 'vitest';
import {
  applyU,
  buildComparisons,
  initialParams,
  type Pattern,
  parseConfig,
  rng,
  runEm,
} from '../src/index.js';

/** Draws agreement patterns from known m, u and prior. */
function simulate(m: number[][], u: number[][], prior: number, n: number, seed: number): Pattern[] {
  const random = rng(seed);
  const pick = (p: number[]) => {
    let x = random();
    for (let i = 0; i < p.length; i++) {
      x -= p[i]!;
      if (x <= 0) return i;
    }
    return p.length - 1;
  };
  const counts = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const dist = random() < prior ? m : u;
    const key = dist.map((p) => pick(p)).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, c]) => ({ gammas: k.split(',').map(Number), n: c }));
}

describe('Fellegi-Sunter EM', () => {
  const config = parseConfig({
    linkType: 'dedupe',
    sources: [{ name: 'S', path: 'x.csv', id: 'id' }],
    fields: [
      { name: 'a', kind: 'exact' },
      { name: 'b', kind: 'exact' },
      { name: 'c', kind: 'exact' },
    ],
    comparisons: [{ field: 'a' }, { field: 'b' }, { field: 'c' }],
    blocking: [['a']],
  });
  const specs = buildComparisons(config.fields, config.comparisons);
  // Levels: null, exact, else.  m/u over all three (null gets 0).
  const m = [
    [0, 0.9, 0.1],
    [0, 0.85, 0.15],
    [0, 0.95, 0.05],
  ];
  const u = [
    [0, 0.05, 0.95],
    [0, 0.1, 0.9],
    [0, 0.02, 0.98],
  ];

  it('converges and recovers the m probabilities and the prior', () => {
    const params = initialParams(specs);
    applyU(params, simulate(u, u, 0, 200_000, 7), 0);
    const result = runEm(params, simulate(m, u, 0.2, 100_000, 11), 0.1, {
      maxIterations: 200,
      tolerance: 1e-7,
    });
    expect(result.converged).toBe(true);
    expect(result.prior).toBeCloseTo(0.2, 1);
    params.forEach((c, i) => {
      expect(c.levels[1]!.m).toBeCloseTo(m[i]![1]!, 1);
    });
    const changes = result.history.map((h) => h.maxChange);
    expect(changes.at(-1)!).toBeLessThan(changes[0]!);
  });
});
