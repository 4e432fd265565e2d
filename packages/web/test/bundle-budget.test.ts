import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CITIZEN_BUDGET_BYTES,
  formatBundleReport,
  measureCitizenBundle,
} from '../src/build/bundle-budget.js';
import { ensureWebBuild } from './helpers/ensure-build.js';

describe('citizen bundle budget', () => {
  let clientDir = '';
  beforeAll(async () => {
    clientDir = await ensureWebBuild();
  });

  it('keeps the citizen app at or under 120 KB of gzipped JavaScript', () => {
    const report = measureCitizenBundle(clientDir);
    console.log(formatBundleReport(report));
    expect(report.files.length).toBeGreaterThan(1);
    expect(report.budgetBytes).toBe(120 * 1024);
    expect(report.totalGzipBytes).toBeLessThanOrEqual(CITIZEN_BUDGET_BYTES);
    expect(report.withinBudget).toBe(true);
  });

  it('does not count the admin console script in the citizen bundle', () => {
    const report = measureCitizenBundle(clientDir);
    expect(report.files.some((f) => f.file.startsWith('admin'))).toBe(false);
  });

  describe('on a bundle over budget', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khidma-budget-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports it as over budget', () => {
      mkdirSync(join(dir, '.vite'));
      // Random bytes do not compress: 200 KB stays ~200 KB gzipped.
      writeFileSync(join(dir, 'main.js'), randomBytes(200 * 1024).toString('base64'));
      writeFileSync(
        join(dir, '.vite', 'manifest.json'),
        JSON.stringify({ 'index.html': { file: 'main.js', isEntry: true } }),
      );
      const report = measureCitizenBundle(dir);
      expect(report.withinBudget).toBe(false);
      expect(formatBundleReport(report)).toContain('OVER BUDGET');
    });
  });
});
