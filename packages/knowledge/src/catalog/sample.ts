import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify as stringifyYaml } from 'yaml';
import { parseCatalog, type RowIssue } from './parse.js';
import type { Catalog, CatalogMeta } from './types.js';

/** Directory of the project-authored sample catalog (works from src/ and from dist/). */
export const SAMPLE_CATALOG_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));

/**
 * Loads the sample catalog shipped with the package. It is SAMPLE DATA TO VERIFY: every procedure has
 * `sample: true` and the catalog meta says so. Throws if a shipped file is invalid (a packaging bug).
 */
export function loadSampleCatalog(dir = SAMPLE_CATALOG_DIR): Catalog {
  let meta: CatalogMeta = { name: 'khidma-sample-catalog', version: '0', sample: true };
  const procedures: Catalog['procedures'] = [];
  const issues: (RowIssue & { file: string })[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const parsed = parseCatalog(
      readFileSync(`${dir}/${file}`, 'utf8'),
      file.endsWith('.json') ? 'json' : 'yaml',
    );
    if (parsed.meta) meta = parsed.meta;
    procedures.push(...parsed.procedures.map((p) => p.procedure));
    issues.push(...parsed.issues.map((i) => ({ ...i, file })));
  }
  if (issues.length) {
    throw new Error(
      `invalid sample catalog: ${issues.map((i) => `${i.file}:${i.line} ${i.reason}`).join('; ')}`,
    );
  }
  return { meta, procedures };
}

/** Serialises a catalog for `khidma kb export`; both formats import back unchanged. */
export function serializeCatalog(catalog: Catalog, format: 'json' | 'yaml'): string {
  return format === 'yaml'
    ? stringifyYaml(catalog, { lineWidth: 0 })
    : `${JSON.stringify(catalog, null, 2)}\n`;
}
