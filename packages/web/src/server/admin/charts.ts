import { html, type SafeHtml } from '../html.js';

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * A bar chart as inline SVG: no script, no external library, readable when printed. The accessible
 * name summarises it; the same figures are in the table next to it for screen readers.
 */
export function barChart(input: {
  title: string;
  data: BarDatum[];
  format: (n: number) => string;
  alt?: boolean;
  width?: number;
  height?: number;
}): SafeHtml {
  const width = input.width ?? 640;
  const height = input.height ?? 220;
  const pad = { top: 20, right: 12, bottom: 40, left: 64 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(0, ...input.data.map((d) => d.value));
  const n = Math.max(1, input.data.length);
  const step = plotW / n;
  const barW = Math.max(2, Math.min(48, step * 0.7));
  const y = (v: number) => pad.top + plotH - (max > 0 ? (v / max) * plotH : 0);
  // Show at most ~10 x labels so they never overlap.
  const every = Math.max(1, Math.ceil(n / 10));
  const bars = input.data.map((d, i) => {
    const x = pad.left + i * step + (step - barW) / 2;
    const top = y(d.value);
    return html`<g><rect class="${input.alt ? 'bar-alt' : 'bar'}" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0, pad.top + plotH - top).toFixed(1)}"><title>${d.label}: ${input.format(d.value)}</title></rect>${
      i % every === 0
        ? html`<text x="${(x + barW / 2).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle">${shortLabel(d.label)}</text>`
        : ''
    }</g>`;
  });
  const ticks = [0, 0.5, 1].map((f) => {
    const v = max * f;
    return html`<g><line class="axis" x1="${pad.left - 4}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke-opacity="0.3"></line><text x="${pad.left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${input.format(v)}</text></g>`;
  });
  const summary = `${input.title}: ${input.data.map((d) => `${d.label} ${input.format(d.value)}`).join(', ')}`;
  return html`<figure class="panel"><figcaption>${input.title}</figcaption>
<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${summary.slice(0, 600)}" direction="ltr" xmlns="http://www.w3.org/2000/svg">
${ticks}
<line class="axis" x1="${pad.left}" x2="${width - pad.right}" y1="${pad.top + plotH}" y2="${pad.top + plotH}"></line>
${bars}
</svg></figure>`;
}

function shortLabel(label: string): string {
  // Dates YYYY-MM-DD show as MM-DD; long ids are cut.
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return label.slice(5);
  return label.length > 12 ? `${label.slice(0, 11)}…` : label;
}
