/** Tiny inline-SVG chart helpers for reports and explanations (no external assets). */

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface Bar {
  label: string;
  value: number;
  color?: string;
}

/** Vertical bar chart. */
export function barChart(
  bars: Bar[],
  opts: { title: string; width?: number; height?: number; logScale?: boolean },
) {
  const width = opts.width ?? 640;
  const height = opts.height ?? 240;
  const pad = { l: 56, r: 12, t: 28, b: 48 };
  const tx = (v: number) => (opts.logScale ? Math.log10(1 + Math.max(0, v)) : v);
  const max = Math.max(1e-9, ...bars.map((b) => tx(b.value)));
  const bw = (width - pad.l - pad.r) / Math.max(1, bars.length);
  const h = height - pad.t - pad.b;
  const rects = bars
    .map((b, i) => {
      const bh = (tx(b.value) / max) * h;
      const x = pad.l + i * bw;
      const y = pad.t + h - bh;
      const label =
        bars.length <= 40 || i % Math.ceil(bars.length / 40) === 0
          ? `<text x="${x + bw / 2}" y="${height - pad.b + 14}" font-size="9" text-anchor="middle">${escapeXml(b.label)}</text>`
          : '';
      return `<rect x="${x + 1}" y="${y}" width="${Math.max(1, bw - 2)}" height="${bh}" fill="${b.color ?? '#2b6cb0'}"><title>${escapeXml(b.label)}: ${b.value}</title></rect>${label}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeXml(opts.title)}">
<text x="${pad.l}" y="16" font-size="13" font-weight="bold">${escapeXml(opts.title)}</text>
<line x1="${pad.l}" y1="${pad.t + h}" x2="${width - pad.r}" y2="${pad.t + h}" stroke="#333"/>
<text x="4" y="${pad.t + 10}" font-size="9">${opts.logScale ? 'log10(1+n)' : max.toPrecision(3)}</text>
${rects}</svg>`;
}

export interface WaterfallStep {
  label: string;
  value: number;
}

/** Waterfall of match-weight contributions: each bar starts where the previous one ended. */
export function waterfallChart(steps: WaterfallStep[], title: string): string {
  const width = 720;
  const rowH = 26;
  const pad = { l: 260, r: 70, t: 32, b: 24 };
  const height = pad.t + pad.b + rowH * (steps.length + 1);
  let acc = 0;
  const points = steps.map((s) => {
    const start = acc;
    acc += s.value;
    return { ...s, start, end: acc };
  });
  const lo = Math.min(0, ...points.map((p) => Math.min(p.start, p.end)));
  const hi = Math.max(0, ...points.map((p) => Math.max(p.start, p.end)));
  const span = hi - lo || 1;
  const x = (v: number) => pad.l + ((v - lo) / span) * (width - pad.l - pad.r);
  const rows = points
    .map((p, i) => {
      const y = pad.t + i * rowH;
      const x0 = x(Math.min(p.start, p.end));
      const w = Math.max(1, Math.abs(x(p.end) - x(p.start)));
      const color = p.value >= 0 ? '#2f855a' : '#c53030';
      return `<text x="${pad.l - 6}" y="${y + 16}" font-size="11" text-anchor="end">${escapeXml(p.label)}</text>
<rect x="${x0}" y="${y + 4}" width="${w}" height="${rowH - 8}" fill="${color}"/>
<text x="${x0 + w + 4}" y="${y + 16}" font-size="10">${p.value >= 0 ? '+' : ''}${p.value.toFixed(2)}</text>`;
    })
    .join('\n');
  const yTotal = pad.t + points.length * rowH;
  const total = `<text x="${pad.l - 6}" y="${yTotal + 16}" font-size="11" font-weight="bold" text-anchor="end">match weight</text>
<rect x="${x(Math.min(0, acc))}" y="${yTotal + 4}" width="${Math.max(1, Math.abs(x(acc) - x(0)))}" height="${rowH - 8}" fill="#2b6cb0"/>
<text x="${x(Math.max(0, acc)) + 4}" y="${yTotal + 16}" font-size="10" font-weight="bold">${acc.toFixed(2)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">
<text x="8" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>
<line x1="${x(0)}" y1="${pad.t}" x2="${x(0)}" y2="${height - pad.b}" stroke="#999" stroke-dasharray="3,3"/>
${rows}
${total}</svg>`;
}
