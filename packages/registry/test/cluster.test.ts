import { describe, expect, it } from 'vitest';
import {
  assignStableIds,
  buildGoldenRecords,
  clusterSizes,
  connectedComponents,
  oneToOneEdges,
} from '../src/index.js';

describe('clustering', () => {
  it('joins transitive links into one component named by its smallest uid', () => {
    const cluster = connectedComponents(6, { left: [4, 1, 2], right: [5, 2, 3], weight: [9, 9, 9] });
    expect(Array.from(cluster)).toEqual([0, 1, 1, 1, 4, 4]);
    expect(clusterSizes(cluster)).toEqual(
      new Map([
        [1, 1],
        [3, 1],
        [2, 1],
      ]),
    );
  });

  it('keeps each record in at most one link per other source in one-to-one mode', () => {
    // uids 0-1 in source 0, 2-3 in source 1; record 0 has two candidates, the stronger wins.
    const edges = oneToOneEdges({ left: [0, 0, 1], right: [2, 3, 3], weight: [5, 8, 7] }, (u) =>
      u < 2 ? 0 : 1,
    );
    const kept = Array.from(edges.left, (l, i) => [l, edges.right[i]]);
    expect(kept).toEqual([[0, 3]]);
  });
});

describe('stable person ids', () => {
  const keys = ['A:1', 'A:2', 'B:1', 'B:2'];

  it('issues fresh ids on the first run', () => {
    const ids = assignStableIds(keys, Int32Array.from([0, 1, 0, 1]), new Map());
    expect(ids).toEqual(['P000000001', 'P000000002', 'P000000001', 'P000000002']);
  });

  it('keeps ids across runs even when cluster numbering changes', () => {
    const previous = new Map([
      ['A:1', 'P000000007'],
      ['B:1', 'P000000007'],
      ['A:2', 'P000000003'],
    ]);
    const ids = assignStableIds(keys, Int32Array.from([1, 0, 1, 0]), previous);
    expect(ids).toEqual(['P000000007', 'P000000003', 'P000000007', 'P000000003']);
  });

  it('gives the larger part of a split cluster the old id and the other part a new one', () => {
    const previous = new Map(keys.map((k) => [k, 'P000000001']));
    const ids = assignStableIds(keys, Int32Array.from([0, 0, 0, 3]), previous);
    expect(ids.slice(0, 3)).toEqual(['P000000001', 'P000000001', 'P000000001']);
    expect(ids[3]).toBe('P000000002');
  });
});

describe('golden records', () => {
  const input = {
    source: ['RNP', 'RSU', 'RSU', 'RNP'],
    recordId: ['1', '7', '8', '2'],
    values: {
      name: ['Mohamed', 'Mohammed', 'Mohamed', 'Fatima'],
      cin: [null, 'AB123', 'AB124', 'C9'],
    },
    personId: ['P1', 'P1', 'P1', 'P2'],
  };

  it('applies survivorship rules and records where each field came from', () => {
    const golden = buildGoldenRecords(
      input,
      { sourcePriority: ['RSU', 'RNP'], fields: { cin: { rule: 'source_priority' } } },
      ['name', 'cin'],
    );
    const p1 = golden.find((g) => g.personId === 'P1')!;
    expect(p1.records).toBe(3);
    expect(p1.sources).toEqual(['RNP', 'RSU']);
    expect(p1.fields.name).toEqual({ value: 'Mohamed', from: 'RSU:8' });
    expect(p1.fields.cin).toEqual({ value: 'AB123', from: 'RSU:7' });
  });

  it('prefers the longest value when asked', () => {
    const golden = buildGoldenRecords(input, { fields: { name: { rule: 'longest' } } }, ['name']);
    expect(golden.find((g) => g.personId === 'P1')!.fields.name!.value).toBe('Mohammed');
  });
});
