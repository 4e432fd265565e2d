import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type ImportReport, importPath, KnowledgeBase, serializeCatalog } from '@khidma/knowledge';
import { DbKnowledgeStore } from '@khidma/server';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { printJson, withStores } from '../db.js';

/**
 * `khidma kb import PATH` and `khidma kb export`: the knowledge base in the same database as the
 * server (DATABASE_URL, else the embedded PGlite under KHIDMA_DATA_DIR). A running server picks up
 * imported content at its next start.
 */
export function register(program: Command): void {
  const kb = program
    .command('kb')
    .description('Knowledge base: import catalogs and documents, export the catalog');

  kb.command('import')
    .argument(
      '<path>',
      'file or directory: catalogs (.json .yaml .yml .csv), documents (.md .html .pdf .docx .txt)',
    )
    .description('Import procedures and documents (idempotent: unchanged content creates no new version)')
    .option('--json', 'print the report as JSON')
    .option('--no-progress', 'no progress bar')
    .action(async (path: string, o: { json?: boolean; progress: boolean }) => {
      await withStores(async ({ db }) => {
        const base = new KnowledgeBase(new DbKnowledgeStore(db));
        await base.load();
        const showBar = o.progress && !o.json && process.stderr.isTTY;
        const bar = new SingleBar({
          format: 'importing [{bar}] {value}/{total} {file}',
          hideCursor: true,
          stream: process.stderr,
        });
        let started = false;
        const report = await importPath(base, path, {
          onProgress: ({ total, done, file }) => {
            if (!showBar) return;
            if (!started) {
              bar.start(total, 0, { file: '' });
              started = true;
            }
            bar.update(done, { file });
          },
        });
        if (started) bar.stop();
        if (o.json) printJson(report);
        else printReport(report);
        if (report.issues.length) process.exitCode = 2;
      });
    });

  kb.command('export')
    .description('Print the catalog (all procedures) as JSON or YAML; importable again')
    .option('-f, --format <format>', 'json or yaml', 'json')
    .option('-o, --output <file>', 'write to a file (format from its extension) instead of stdout')
    .action(async (o: { format: string; output?: string }) => {
      const format = o.output ? (/\.ya?ml$/i.test(extname(o.output)) ? 'yaml' : 'json') : o.format;
      if (format !== 'json' && format !== 'yaml') throw new Error('--format: json or yaml');
      await withStores(async ({ db }) => {
        const base = new KnowledgeBase(new DbKnowledgeStore(db));
        await base.load();
        const catalog = base.exportCatalog();
        const text = serializeCatalog(catalog, format);
        if (o.output) {
          writeFileSync(o.output, text);
          process.stderr.write(`${catalog.procedures.length} procedures written to ${o.output}\n`);
        } else process.stdout.write(text);
      });
    });
}

function printReport(r: ImportReport): void {
  const p = r.procedures;
  const d = r.documents;
  process.stdout.write(
    `${r.files} file(s): procedures ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged; ` +
      `documents ${d.added} added, ${d.updated} updated, ${d.unchanged} unchanged (${d.chunks} chunks)\n`,
  );
  for (const i of r.issues) {
    process.stdout.write(
      `  ✗ ${i.file}${i.line ? `:${i.line}` : ''}${i.id ? ` [${i.id}]` : ''} — ${i.reason}\n`,
    );
  }
  if (r.issues.length)
    process.stdout.write(`${r.issues.length} row(s) or file(s) skipped; the rest was imported.\n`);
}
