import { closeRun, loadConfigFile, runLinkage, writeOutputs } from './src/index.js';

const cfg = loadConfigFile(process.argv[2]!);
const t = Date.now();
const run = await runLinkage(cfg, {
  onProgress: (p) =>
    process.stderr.write(`${((Date.now() - t) / 1000).toFixed(1)} ${p.stage} ${p.done}/${p.total}\n`),
});
console.log(
  run.ruleCounts,
  run.comparisons,
  run.model.prior,
  run.model.training.emIterations,
  run.edges.left.length,
  Date.now() - t,
);
await writeOutputs(run, `/tmp/out-${cfg.linkType}`);
await closeRun(run);
