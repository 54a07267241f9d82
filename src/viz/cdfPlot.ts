import { escapeXml } from './text.ts';

/** One curve of a {@link cdfPlotSvg}: a sample, sorted ascending. */
export interface CdfSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
  /** Dash pattern (`4 3`) to tell overlapping curves apart. */
  readonly dash?: string;
}

/** One panel of a CDF plot. */
export interface CdfPanel {
  readonly title: string;
  readonly series: readonly CdfSeries[];
}

/** Options of {@link cdfPlotSvg}. */
export interface CdfPlotOptions {
  readonly panels: readonly CdfPanel[];
  readonly xLabel: string;
  /** Logarithmic x axis (default true): recovery times span milliseconds to minutes. */
  readonly log?: boolean;
}

const W = 460;
const H = 300;
const LEFT = 52;
const RIGHT = 14;
const TOP = 30;
const BOTTOM = 46;
const LEGEND = 20;

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * Empirical cumulative distribution functions as a standalone SVG, one panel per sample set
 * side by side, sharing one x range: for each series, the fraction of runs (y) that finished
 * within x. Step curves, a log or linear x axis with decade ticks, a legend under the panels.
 * Hand-written SVG (no browser, no fonts measured); pure and deterministic.
 */
export function cdfPlotSvg(options: CdfPlotOptions): string {
  const log = options.log ?? true;
  const all = options.panels.flatMap((p) => p.series.flatMap((s) => s.values)).filter((v) => v > 0 || !log);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (log) {
    lo = 10 ** Math.floor(Math.log10(lo));
    hi = 10 ** Math.ceil(Math.log10(hi));
  }
  if (!(hi > lo)) hi = lo + 1;
  const fx = (v: number) => (log ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo));
  const series = options.panels[0]?.series ?? [];
  const width = options.panels.length * W;
  const height = H + LEGEND * Math.ceil(series.length / 3) + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  options.panels.forEach((panel, p) => {
    const x0 = p * W + LEFT;
    const pw = W - LEFT - RIGHT;
    const ph = H - TOP - BOTTOM;
    const X = (v: number) => x0 + fx(v) * pw;
    const Y = (f: number) => TOP + (1 - f) * ph;
    out.push(`<text x="${n(x0 + pw / 2)}" y="18" text-anchor="middle" font-size="12" font-weight="bold">${escapeXml(panel.title)}</text>`);
    out.push(`<rect x="${x0}" y="${TOP}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
    for (const f of [0, 0.25, 0.5, 0.75, 1]) {
      out.push(`<line x1="${x0}" y1="${n(Y(f))}" x2="${x0 + pw}" y2="${n(Y(f))}" stroke="#e4e4e4"/>`);
      out.push(`<text x="${x0 - 6}" y="${n(Y(f) + 4)}" text-anchor="end">${f}</text>`);
    }
    for (const t of ticks(lo, hi, log)) {
      out.push(`<line x1="${n(X(t))}" y1="${TOP}" x2="${n(X(t))}" y2="${TOP + ph}" stroke="#e4e4e4"/>`);
      out.push(`<text x="${n(X(t))}" y="${TOP + ph + 14}" text-anchor="middle">${tickText(t)}</text>`);
    }
    out.push(`<text x="${n(x0 + pw / 2)}" y="${TOP + ph + 32}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
    out.push(`<text x="${p * W + 14}" y="${n(TOP + ph / 2)}" text-anchor="middle" transform="rotate(-90 ${p * W + 14} ${n(TOP + ph / 2)})">fraction of runs recovered</text>`);
    for (const s of panel.series) {
      if (s.values.length === 0) continue;
      const points: string[] = [`${n(X(lo))},${n(Y(0))}`];
      s.values.forEach((v, i) => {
        points.push(`${n(X(v))},${n(Y(i / s.values.length))}`, `${n(X(v))},${n(Y((i + 1) / s.values.length))}`);
      });
      points.push(`${n(X(hi))},${n(Y(1))}`);
      const dash = s.dash === undefined ? '' : ` stroke-dasharray="${s.dash}"`;
      out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.6"${dash} points="${points.join(' ')}"/>`);
    }
  });
  series.forEach((s, i) => {
    const x = LEFT + (i % 3) * 200;
    const y = H + LEGEND * Math.floor(i / 3);
    const dash = s.dash === undefined ? '' : ` stroke-dasharray="${s.dash}"`;
    out.push(`<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${x + 32}" y="${y + 4}">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let t = lo; t <= hi * 1.0001; t *= 10) out.push(t);
    return out;
  }
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 4));
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}

function tickText(t: number): string {
  if (t >= 1000 && t % 1000 === 0) return `${t / 1000} s`;
  return `${t} ms`;
}
