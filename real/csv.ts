/** The campaign CSV of docs/REAL-CONTRACT: one row per (run, failed shard). */
import type { ShardFacts } from './facts.ts';

/** The columns, in order. */
export const CSV_COLUMNS = ['run', 'started_at', 'server', 'primaries', 'failed', 'replicas', 'node_timeout_ms', 'bus_delay_ms', 'load1', 'shard', 'fail_ms', 'starts', 'winner', 'won_ms', 'won_epoch', 'votes', 'split', 'outcome'] as const;

/** The header line (no newline). */
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** What a row says about its run. */
export interface RunInfo {
  readonly run: string;
  readonly startedAt: string;
  readonly server: string;
  readonly primaries: number;
  readonly failed: number;
  readonly replicas: number;
  readonly nodeTimeoutMs: number;
  readonly busDelayMs: number;
  readonly load1: number;
}

const cell = (v: number | string | undefined): string => (v === undefined ? '' : String(v));

/** One CSV line (no newline) for one failed shard of a run. */
export function csvRow(run: RunInfo, f: ShardFacts): string {
  const values = [
    run.run, run.startedAt, run.server, run.primaries, run.failed, run.replicas, run.nodeTimeoutMs, run.busDelayMs, run.load1.toFixed(2),
    f.shard, cell(f.failMs), f.starts.map((s) => `${s.epoch}@${s.ms}`).join(';'), cell(f.winner), cell(f.wonMs), cell(f.wonEpoch), cell(f.votes),
    f.starts.length > 1 ? 1 : 0, f.winner === undefined ? 'timeout' : 'won',
  ];
  return values.map((v) => String(v)).join(',');
}
