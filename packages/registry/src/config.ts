import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RegistryError } from './errors.js';

/** Kinds of field, each with its own standardisation and default comparison levels. */
export const FIELD_KINDS = ['name', 'date', 'id', 'place', 'text', 'exact'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const SUPPORTED_ENCODINGS = ['utf-8', 'latin1', 'windows-1252', 'windows-1256', 'utf-16le'] as const;

const sourceSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,30}$/, 'source names are short identifiers'),
  path: z.string().min(1),
  format: z.enum(['csv', 'parquet']).optional(),
  delimiter: z.string().min(1).max(4).optional(),
  encoding: z.string().optional(),
  id: z.string().min(1),
  /** Standard field name -> column name in this source, when they differ. */
  columns: z.record(z.string(), z.string()).optional(),
  /** Sources known to hold no duplicates allow one-to-one linking. */
  noDuplicates: z.boolean().optional(),
});

const fieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'field names are lowercase identifiers'),
  kind: z.enum(FIELD_KINDS),
  /** Date fields: order of the parts in the raw strings. */
  dateOrder: z.enum(['ymd', 'dmy', 'mdy']).optional(),
});

const comparisonSchema = z.object({
  field: z.string(),
  /** Name comparisons: the other name field, to detect swapped first/last names. */
  swapWith: z.string().optional(),
  termFrequency: z.boolean().optional(),
  /** Jaro-Winkler thresholds, best first. */
  thresholds: z.array(z.number().gt(0).lt(1)).max(4).optional(),
});

const goldenFieldSchema = z.object({
  rule: z.enum(['most_frequent', 'longest', 'source_priority', 'first_non_null', 'most_recent']),
  /** For most_recent: a field holding a date or timestamp used to order records. */
  orderBy: z.string().optional(),
});

export const configSchema = z.object({
  name: z.string().default('linkage'),
  linkType: z.enum(['dedupe', 'link', 'link_and_dedupe']),
  sources: z.array(sourceSchema).min(1).max(16),
  fields: z.array(fieldSchema).min(1),
  comparisons: z.array(comparisonSchema).min(1),
  blocking: z.array(z.union([z.string(), z.array(z.string()).min(1)])).min(1),
  maxComparisons: z.number().int().positive().default(200_000_000),
  threshold: z.number().gt(0).lt(1).default(0.9),
  oneToOne: z.boolean().default(false),
  training: z
    .object({
      uPairs: z.number().int().positive().default(500_000),
      maxIterations: z.number().int().positive().default(100),
      tolerance: z.number().positive().default(1e-6),
    })
    .default({ uPairs: 500_000, maxIterations: 100, tolerance: 1e-6 }),
  golden: z
    .object({
      sourcePriority: z.array(z.string()).optional(),
      fields: z.record(z.string(), goldenFieldSchema).optional(),
    })
    .default({}),
  engine: z
    .object({
      kind: z.enum(['duckdb', 'postgres']).default('duckdb'),
      memoryLimit: z.string().default('3GB'),
      tempDirectory: z.string().optional(),
      threads: z.number().int().positive().optional(),
      /** Chunks per side for prediction; chunk jobs run in worker processes when workers > 1. */
      chunks: z.number().int().positive().max(64).default(1),
      workers: z.number().int().nonnegative().optional(),
      databaseUrl: z.string().optional(),
    })
    .default({ kind: 'duckdb', memoryLimit: '3GB', chunks: 1 }),
  /** Previous run's person-id mapping (CSV source,record_id,person_id) for stable ids. */
  previousMapping: z.string().optional(),
});

export type LinkConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FieldConfig = z.infer<typeof fieldSchema>;
export type ComparisonConfig = z.infer<typeof comparisonSchema>;

/** Validates a config object; cross-references are checked here so errors come before any work. */
export function parseConfig(input: unknown, baseDir = process.cwd()): LinkConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RegistryError('invalid_config', {
      detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    });
  }
  const config = parsed.data;
  const fieldNames = new Set(config.fields.map((f) => f.name));
  for (const c of config.comparisons) {
    if (!fieldNames.has(c.field))
      throw new RegistryError('invalid_config', { detail: `unknown field ${c.field}` });
    if (c.swapWith && !fieldNames.has(c.swapWith))
      throw new RegistryError('invalid_config', { detail: `unknown field ${c.swapWith}` });
  }
  if (config.linkType === 'dedupe' && config.sources.length !== 1)
    throw new RegistryError('invalid_config', { detail: 'dedupe takes exactly one source' });
  if (config.linkType !== 'dedupe' && config.sources.length < 2)
    throw new RegistryError('invalid_config', { detail: `${config.linkType} needs at least two sources` });
  const names = new Set<string>();
  for (const s of config.sources) {
    if (names.has(s.name))
      throw new RegistryError('invalid_config', { detail: `duplicate source ${s.name}` });
    names.add(s.name);
    if (s.encoding && !(SUPPORTED_ENCODINGS as readonly string[]).includes(s.encoding.toLowerCase()))
      throw new RegistryError('unknown_encoding', { source: s.name, detail: s.encoding });
    s.path = isAbsolute(s.path) ? s.path : resolve(baseDir, s.path);
  }
  if (config.previousMapping && !isAbsolute(config.previousMapping))
    config.previousMapping = resolve(baseDir, config.previousMapping);
  return config;
}

/** Finds the repository root (the folder holding the workspace package.json) for relative data paths. */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    } catch {
      // no package.json here; keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/** Loads a JSON or YAML config file; relative paths resolve from the repository root. */
export function loadConfigFile(file: string, baseDir?: string): LinkConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RegistryError('file_not_found', { detail: file });
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new RegistryError('invalid_config', { detail: (err as Error).message });
  }
  return parseConfig(raw, baseDir ?? findRepoRoot(dirname(resolve(file))));
}
