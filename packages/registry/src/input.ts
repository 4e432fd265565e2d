import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FieldConfig, SourceConfig } from './config.js';
import { detectDelimiter, readCsvRows } from './csv.js';
import { RegistryError } from './errors.js';

export interface InspectedSource {
  source: SourceConfig;
  format: 'csv' | 'parquet';
  /** Path of a UTF-8 file to load (a transcoded copy when the source is not UTF-8). */
  path: string;
  delimiter: string;
  header: string[];
  /** Standard field name -> column in the file. */
  columnOf: Record<string, string>;
}

function formatOf(source: SourceConfig): 'csv' | 'parquet' {
  if (source.format) return source.format;
  return /\.parquet$/i.test(source.path) ? 'parquet' : 'csv';
}

/** Validates the whole file as UTF-8 in a streaming pass (cheap next to linkage). */
async function assertUtf8(source: SourceConfig, path: string): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      decoder.decode(chunk as Buffer, { stream: true });
      offset += (chunk as Buffer).length;
    }
    decoder.decode();
  } catch {
    throw new RegistryError('not_utf8', {
      source: source.name,
      detail: `invalid byte near offset ${offset}`,
    });
  }
}

async function transcode(source: SourceConfig, encoding: string): Promise<string> {
  // Sources in a legacy encoding are converted once into a UTF-8 temporary copy.
  const decoder = new TextDecoder(encoding);
  const parts: string[] = [];
  for await (const chunk of createReadStream(source.path))
    parts.push(decoder.decode(chunk as Buffer, { stream: true }));
  parts.push(decoder.decode());
  const out = join(tmpdir(), `khidma-${process.pid}-${source.name}-${Date.now()}.csv`);
  writeFileSync(out, parts.join(''));
  return out;
}

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const end = text.search(/\r?\n/);
    return end === -1 ? text : text.slice(0, end);
  } finally {
    closeSync(fd);
  }
}

/** Checks one source before any heavy work: file, encoding, columns and non-emptiness. */
export async function inspectSource(
  source: SourceConfig,
  fields: FieldConfig[],
  describeParquet: (path: string) => Promise<{ columns: string[]; rows: number }>,
): Promise<InspectedSource> {
  if (!existsSync(source.path) || !statSync(source.path).isFile())
    throw new RegistryError('file_not_found', { source: source.name, detail: source.path });
  const format = formatOf(source);
  const columnOf: Record<string, string> = {};
  for (const f of fields) columnOf[f.name] = source.columns?.[f.name] ?? f.name;
  let header: string[];
  let path = source.path;
  let delimiter = source.delimiter ?? ',';
  if (format === 'parquet') {
    const described = await describeParquet(path);
    if (described.rows === 0) throw new RegistryError('empty_input', { source: source.name });
    header = described.columns;
  } else {
    const encoding = (source.encoding ?? 'utf-8').toLowerCase();
    if (encoding === 'utf-8' || encoding === 'utf8') await assertUtf8(source, path);
    else path = await transcode(source, encoding);
    if (statSync(path).size === 0) throw new RegistryError('empty_input', { source: source.name });
    const line = firstLine(path);
    delimiter = source.delimiter ?? detectDelimiter(line);
    header = line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
    let hasRow = false;
    let n = 0;
    for await (const _row of readCsvRows(path, delimiter)) {
      if (++n >= 2) {
        hasRow = true;
        break;
      }
    }
    if (!hasRow) throw new RegistryError('empty_input', { source: source.name });
  }
  for (const column of [source.id, ...Object.values(columnOf)]) {
    if (!header.includes(column)) throw new RegistryError('missing_column', { source: source.name, column });
  }
  return { source, format, path, delimiter, header, columnOf };
}
