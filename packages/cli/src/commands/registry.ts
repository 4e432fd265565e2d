import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  closeRun,
  DuckDbEngine,
  explainRecords,
  explanationHtml,
  explanationSvg,
  loadConfigFile,
  loadModel,
  type Progress,
  prepareRecords,
  RegistryError,
  runLinkage,
  writeOutputs,
} from '@khidma/registry';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';

const STAGE_LABELS: Record<Progress['stage'], string> = {
  inspect: 'inspect inputs',
  load: 'load',
  standardise: 'standardise',
  blocking: 'count blocking',
  compare: 'compare pairs',
  train: 'train (u, EM)',
  score: 'score',
  cluster: 'cluster',
};

/** One progress bar per stage, created when the stage starts. */
function progressBars(enabled: boolean) {
  if (!enabled) return { update: (_p: Progress) => {}, stop: () => {} };
  const multi = new cliProgress.MultiBar(
    {
      format: '{stage} |{bar}| {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    update(p: Progress) {
      let bar = bars.get(p.stage);
      if (!bar) {
        bar = multi.create(Math.max(1, p.total), 0, { stage: STAGE_LABELS[p.stage].padEnd(15) });
        bars.set(p.stage, bar);
      }
      bar.setTotal(Math.max(1, p.total));
      bar.update(p.done);
    },
    stop: () => multi.stop(),
  };
}

function fail(err: unknown): never {
  const message = err instanceof RegistryError ? err.message : (err as Error).message;
  process.stderr.write(`khidma registry: ${message}\n`);
  if (err instanceof RegistryError)
    process.stderr.write(`  fr: ${err.messageIn('fr')}\n  ar: ${err.messageIn('ar')}\n`);
  process.exit(2);
}

/** `khidma registry link|explain`: probabilistic record linkage of registries. */
export function register(program: Command): void {
  const registry = program.command('registry').description('Registry record linkage (Fellegi-Sunter on SQL)');
  registry
    .command('link')
    .description(
      'Link or deduplicate registries: writes clusters.csv, pairs.parquet, golden.csv, report.html',
    )
    .requiredOption('--config <file>', 'linkage config (JSON or YAML)')
    .requiredOption('--out <dir>', 'output directory')
    .option('--no-progress', 'hide progress bars')
    .action(async (o: { config: string; out: string; progress: boolean }) => {
      const bars = progressBars(o.progress && process.stderr.isTTY === true);
      try {
        const config = loadConfigFile(resolve(o.config));
        const run = await runLinkage(config, { onProgress: (p) => bars.update(p) });
        try {
          const files = await writeOutputs(run, resolve(o.out));
          bars.stop();
          const clusters = new Set(run.personIds).size;
          process.stdout.write(
            `${run.loaded.total} records, ${run.comparisons} comparisons, ${run.edges.left.length} links, ${clusters} clusters\n` +
              Object.values(files)
                .map((f) => `  ${f}\n`)
                .join(''),
          );
        } finally {
          await closeRun(run);
        }
      } catch (err) {
        bars.stop();
        fail(err);
      }
    });
  registry
    .command('explain')
    .description('Explain the match weight of one pair as a waterfall (JSON, and SVG/HTML with --svg/--html)')
    .requiredOption('--model <file>', 'model.json written by `registry link`')
    .requiredOption('--left <id>', 'record id, or source:record_id')
    .requiredOption('--right <id>', 'record id, or source:record_id')
    .option('--config <file>', 'linkage config (default: the one stored in the model)')
    .option('--svg <file>', 'write the waterfall chart as SVG')
    .option('--html <file>', 'write an HTML page with the chart and the table')
    .action(
      async (o: {
        model: string;
        left: string;
        right: string;
        config?: string;
        svg?: string;
        html?: string;
      }) => {
        try {
          const model = loadModel(resolve(o.model));
          const config = o.config ? loadConfigFile(resolve(o.config)) : model.config;
          if (!config)
            throw new RegistryError('invalid_model', { detail: 'no config stored; pass --config' });
          // Re-standardise the sources so the levels come from the same SQL as in linkage.
          const engine = await DuckDbEngine.open({ memoryLimit: config.engine.memoryLimit });
          try {
            await prepareRecords(engine, config);
            const e = await explainRecords(engine, model, o.left, o.right);
            if (o.svg) writeFileSync(resolve(o.svg), explanationSvg(e));
            if (o.html) writeFileSync(resolve(o.html), explanationHtml(e));
            process.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
          } finally {
            await engine.close();
          }
        } catch (err) {
          fail(err);
        }
      },
    );
}
