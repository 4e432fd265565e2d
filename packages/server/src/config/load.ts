import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { issuePath } from '../errors.js';
import { defaultProvidersFromEnv } from './defaults.js';
import { configSchema, type KhidmaConfig } from './schema.js';

/** A configuration problem, naming the file and the field, raised before the server listens. */
export class ConfigError extends Error {
  readonly field: string | null;
  constructor(message: string, field: string | null = null) {
    super(message);
    this.name = 'ConfigError';
    this.field = field;
  }
}

export interface LoadConfigOptions {
  /** Path of a .json, .yaml or .yml file; default KHIDMA_CONFIG; none = embedded defaults. */
  path?: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads, validates and resolves the configuration (env: references, env-derived providers). */
export function loadConfig(opts: LoadConfigOptions = {}): KhidmaConfig {
  const env = opts.env ?? process.env;
  const path = opts.path ?? env.KHIDMA_CONFIG;
  let raw: unknown = {};
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read config file ${path}: ${(err as Error).message}`);
    }
    raw = parseConfigText(text, extname(path).toLowerCase(), path);
  }
  return resolveConfig(raw, env, path ?? 'configuration');
}

export function parseConfigText(text: string, ext: string, source = 'config'): unknown {
  try {
    if (ext === '.json') return JSON.parse(text);
    return parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError(
      `${source} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    );
  }
}

/** Validates an already-parsed configuration object. */
export function resolveConfig(
  raw: unknown,
  env: NodeJS.ProcessEnv = process.env,
  source = 'configuration',
): KhidmaConfig {
  const res = configSchema.safeParse(raw);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    const field = issuePath(issue.path);
    throw new ConfigError(
      `invalid ${source}: ${field ? `field "${field}": ` : ''}${issue.message}`,
      field || null,
    );
  }
  const cfg = res.data;
  if (cfg.providers.length === 0 && cfg.models.length === 0) {
    const defaults = defaultProvidersFromEnv(env);
    cfg.providers = defaults.providers;
    cfg.models = defaults.models;
  }
  cfg.providers.forEach((p, i) => {
    if (p.apiKey?.startsWith('env:')) {
      const name = p.apiKey.slice(4);
      const value = env[name];
      if (!value) {
        throw new ConfigError(
          `invalid ${source}: field "providers[${i}].apiKey": environment variable ${name} is not set`,
          `providers[${i}].apiKey`,
        );
      }
      p.apiKey = value;
    }
  });
  return cfg;
}
