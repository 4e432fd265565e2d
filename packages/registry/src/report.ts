import { clusterSizes } from './cluster.js';
import { levelWeight } from './model.js';
import type { LinkRun } from './pipeline.js';
import { barChart, escapeXml } from './svg.js';

/** The HTML summary: counts, weight distribution, m/u per level and cluster sizes, inline SVG. */
export async function renderReport(run: LinkRun): Promise<string> {
  const hist = await run.engine.query<{ b: number; n: number }>(
    'select floor(match_weight) as b, count(*) as n from scored group by floor(match_weight) order by b',
  );
  const weightChart = barChart(
    hist.map((h) => ({ label: String(h.b), value: h.n, color: h.b >= 0 ? '#2f855a' : '#a0aec0' })),
    { title: 'Match weight distribution (pairs per 1-bit bin, log scale)', logScale: true, width: 760 },
  );
  const muCharts = run.model.comparisons
    .map((c) => {
      const levels = c.levels.filter((l) => !l.isNull);
      const m = barChart(
        levels.map((l) => ({ label: l.label.slice(0, 18), value: l.m, color: '#2f855a' })),
        { title: `${c.name}: m (share among matches)`, width: 380, height: 200 },
      );
      const u = barChart(
        levels.map((l) => ({ label: l.label.slice(0, 18), value: l.u, color: '#c05621' })),
        { title: `${c.name}: u (share among non-matches)`, width: 380, height: 200 },
      );
      const rows = levels
        .map(
          (l) =>
            `<tr><td>${escapeXml(l.label)}</td><td>${l.m.toFixed(4)}</td><td>${l.u.toExponential(3)}</td><td>${levelWeight(l).toFixed(2)}</td></tr>`,
        )
        .join('');
      return `<section><h3>${escapeXml(c.name)}</h3><div>${m}${u}</div>
<table><tr><th>level</th><th>m</th><th>u</th><th>weight (bits)</th></tr>${rows}</table></section>`;
    })
    .join('\n');
  const sizes = [...clusterSizes(run.cluster).entries()].sort((a, b) => a[0] - b[0]);
  const sizeChart = barChart(
    sizes.map(([s, n]) => ({ label: String(s), value: n })),
    { title: 'Cluster sizes (clusters per size, log scale)', logScale: true },
  );
  const clusters = new Set(run.personIds).size;
  const timing = Object.entries(run.timings)
    .map(([k, v]) => `<tr><td>${k}</td><td>${(v ?? 0).toFixed(2)} s</td></tr>`)
    .join('');
  const rules = run.ruleCounts
    .map(
      (r) =>
        `<tr><td><code>${escapeXml(r.rule)}</code></td><td>${r.comparisons.toLocaleString('en-US')}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Khidma registry linkage report</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}section{margin-bottom:1.5rem}</style></head>
<body>
<h1>Linkage report · Rapport de liaison · تقرير الربط</h1>
<p>${escapeXml(run.config.name)} (${run.config.linkType}): ${run.loaded.total.toLocaleString('en-US')} records,
${run.comparisons.toLocaleString('en-US')} comparisons, ${run.edges.left.length.toLocaleString('en-US')} links at p ≥ ${run.model.threshold},
${clusters.toLocaleString('en-US')} clusters. Prior (share of matches among candidate pairs): ${run.model.prior.toExponential(3)};
EM ${run.model.training.converged ? 'converged' : 'did not converge'} in ${run.model.training.emIterations} iterations; u from ${run.model.training.uPairs.toLocaleString('en-US')} random pairs.</p>
<h2>Blocking rules</h2><table><tr><th>rule</th><th>comparisons (counted before running)</th></tr>${rules}</table>
<h2>Match weights</h2>${weightChart}
<h2>m and u parameters</h2>${muCharts}
<h2>Clusters</h2>${sizeChart}
<h2>Timings</h2><table>${timing}</table>
</body></html>
`;
}
