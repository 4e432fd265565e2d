import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The citizen app must stay usable on cheap phones over slow mobile data. */
export const CITIZEN_BUDGET_BYTES = 120 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleReport {
  files: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
  budgetBytes: number;
  withinBudget: boolean;
}

/**
 * Measures every JavaScript file the citizen app can load: the entry chunk, its static imports and
 * its lazily loaded chunks (message catalogs), all gzipped at level 9 as served.
 */
export function measureCitizenBundle(
  clientDir: string,
  entry = 'index.html',
  budgetBytes = CITIZEN_BUDGET_BYTES,
): BundleReport {
  const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  if (!manifest[entry]) throw new Error(`entry ${entry} not found in the Vite manifest`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) return;
    seen.add(key);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  const files = [...seen]
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(clientDir, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const totalGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, totalBytes, totalGzipBytes, budgetBytes, withinBudget: totalGzipBytes <= budgetBytes };
}

export function formatBundleReport(report: BundleReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = report.files.map(
    (f) => `  ${f.file.padEnd(44)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gz`,
  );
  lines.push(
    `citizen bundle: ${kb(report.totalBytes)} raw, ${kb(report.totalGzipBytes)} gzipped ` +
      `(budget ${kb(report.budgetBytes)}): ${report.withinBudget ? 'OK' : 'OVER BUDGET'}`,
  );
  return lines.join('\n');
}
