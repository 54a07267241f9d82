import type { RecoveryReport, VariantRecovery } from './report.ts';

const ms = (v: number | null): string => (v === null ? '-' : v >= 100 ? String(Math.round(v)) : v.toFixed(1));
const num = (v: number | null, digits: number): string => (v === null ? '-' : v.toFixed(digits));

const COLUMNS: readonly { readonly head: string; readonly cell: (v: VariantRecovery) => string }[] = [
  { head: 'split', cell: (v) => `${(v.splitVoteRate * 100).toFixed(1)}%` },
  { head: 'mean', cell: (v) => ms(v.recoveryMs.mean) },
  { head: 'p50', cell: (v) => ms(v.recoveryMs.p50) },
  { head: 'p90', cell: (v) => ms(v.recoveryMs.p90) },
  { head: 'p99', cell: (v) => ms(v.recoveryMs.p99) },
  { head: 'max', cell: (v) => ms(v.recoveryMs.max) },
  { head: 'gap mean', cell: (v) => ms(v.retryGapMs.mean) },
  { head: 'gap p50', cell: (v) => ms(v.retryGapMs.p50) },
  { head: 'gap p90', cell: (v) => ms(v.retryGapMs.p90) },
  { head: 'gap min', cell: (v) => ms(v.retryGapMs.min) },
  { head: 'gap max', cell: (v) => ms(v.retryGapMs.max) },
  { head: 'epochs', cell: (v) => num(v.epochsConsumed.mean, 2) },
  { head: 'max', cell: (v) => num(v.epochsConsumed.max, 0) },
  { head: 'NACK resets', cell: (v) => num(v.nackResets.mean, 2) },
];

/**
 * A recovery report as a text table: a heading with the runs, seed and configuration, one
 * row per variant, and a legend. Pure; the text ends without a newline.
 */
export function formatRecoveryReport(report: RecoveryReport): string {
  const config = Object.entries(report.config)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  const rows = report.variants.map((v) => [v.variant, ...COLUMNS.map((c) => c.cell(v))]);
  const head = ['variant', ...COLUMNS.map((c) => c.head)];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const unrecovered = report.variants.filter((v) => v.unrecovered > 0);
  return [
    `Timed simulation: ${report.runs.toLocaleString('en-US')} runs per variant, seed ${report.seed}`,
    `Config: ${config}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    'split        runs in which two or more candidates asked for votes in the same epoch',
    'mean..max    time from the failure to the last failed shard\'s promotion, ms',
    'gap ...      per candidate that lost and later won: first election start to winning election start, ms',
    'epochs, max  epochs used up per run (highest currentEpoch at the end minus at the start)',
    'NACK resets  elections reset by a NACK fast-fail, per run',
    ...unrecovered.map((v) => `! ${v.variant}: ${v.unrecovered} run(s) had not recovered at the time limit and are not in the times`),
    ...report.variants.flatMap((v) =>
      v.violations.map((x) => `VIOLATION ${v.variant}: ${x.property} in ${x.runs} run(s); first in run ${x.firstRun} (its seed ${x.seed}, at ${ms(x.atMs)} ms): replay it with --runs 1 --seed ${x.seed} --variant ${v.variant}`),
    ),
  ].join('\n');
}
