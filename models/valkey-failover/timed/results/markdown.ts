import { formatDistribution, type VariantRecovery } from '../../../../src/index.ts';
import { authRetryTime, authTimeout, valkeyBaseDelay } from '../formulas.ts';
import { EXHAUSTIVE_CASES, LATENCY, MEASURED, RUNS, SEED, type Cell, type ExhaustiveRow } from './experiments.ts';

const ms = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));

/** A markdown table from a header row and body rows. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], right: (column: number) => boolean = (c) => c > 0): string {
  const align = head.map((_, c) => (right(c) ? '---:' : '---'));
  return [head, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The recovery table of one timing setting: a row per (configuration, variant). */
export function gridTable(cells: readonly Cell[]): string {
  const rows: string[][] = [];
  for (const cell of cells) {
    const shape = [String(cell.primaries), String(cell.failed), cell.nodeTimeout.toLocaleString('en-US')];
    if (cell.variants === undefined) {
      const quorum = Math.floor(cell.primaries / 2) + 1;
      rows.push([...shape, `*no recovery possible: ${cell.primaries - cell.failed} voting primaries < quorum ${quorum}*`, '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    cell.variants.forEach((v: VariantRecovery) => {
      rows.push([
        ...shape,
        v.variant,
        `${(v.splitVoteRate * 100).toFixed(1)}%`,
        ms(v.recoveryMs.mean),
        ms(v.recoveryMs.p50),
        ms(v.recoveryMs.p99),
        ms(v.recoveryMs.max),
        ms(v.retryGapMs.p50),
        ms(v.retryGapMs.max),
        v.epochsConsumed.mean === null ? '–' : v.epochsConsumed.mean.toFixed(2),
        v.nackResets.mean === null ? '–' : v.nackResets.mean.toFixed(2),
        ...(v.unrecovered > 0 ? [`${v.unrecovered} unrecovered`] : []),
      ]);
    });
  }
  const head = ['primaries', 'failed', 'node_timeout ms', 'variant', 'split votes', 'recovery mean', 'p50', 'p99', 'max', 'retry gap p50', 'gap max', 'epochs', 'NACK resets'];
  return table(head, rows, (c) => c !== 3);
}

/** The exhaustive table: worst and best recovery per case and variant. */
export function exhaustiveTable(rows: readonly ExhaustiveRow[]): string {
  const body = rows.map((r) => [
    r.label,
    r.variant,
    r.states.toLocaleString('en-US'),
    String(r.maxElections),
    r.cut.toLocaleString('en-US'),
    ms(r.bestMs),
    ms(r.worstMs),
    r.complete ? 'yes' : 'no',
  ]);
  return table(['case', 'variant', 'states', 'elections ≤', 'cut at the bound', 'best ms', 'worst ms', 'complete'], body, (c) => c >= 2 && c !== 7);
}

/** The timer values the tables are made of, per node_timeout (reference §2.2, §9). */
export function timersTable(nodeTimeouts: readonly number[]): string {
  const rows = nodeTimeouts.map((nt) => [
    nt.toLocaleString('en-US'),
    `${valkeyBaseDelay(nt)} + 0..${valkeyBaseDelay(nt) - 1}`,
    '500 + 0..499',
    authTimeout(nt).toLocaleString('en-US'),
    authRetryTime(nt).toLocaleString('en-US'),
    `${nt.toLocaleString('en-US')} + 0..${(nt / 2).toLocaleString('en-US')}`,
  ]);
  return table(['node_timeout ms', 'Valkey start delay (rank 0, not best-ranked)', 'Redis 7.0 start delay', 'auth_timeout', 'auth_retry_time', 'failure detection, forced grid (first node)'], rows);
}

/** The fixed facts printed under the heading. */
export function setupText(): string {
  return [
    `Each cell: ${RUNS.toLocaleString('en-US')} seeded runs per variant (seed ${SEED}), one replica per primary, the first \`failed\` primaries stop at time 0.`,
    `Forced collisions: bus latency ${formatDistribution(LATENCY)} ms per message, cron phases uniform in [0, 100) ms per node, exact 100 ms crons, FAIL on every node at node_timeout + up to node_timeout / 2 (the shortcut).`,
    `Random timing: by mechanism (docs/protocol/valkey-failover.md §19): failure detection simulated (pings, PFAIL, gossip failure reports, FAIL quorum and broadcast), drifting crons (100 ms + a measured excess per tick), the cluster-bus latency measured on real Redis clusters (${formatDistribution(MEASURED)}: 45 values, 0-6 ms, median 2 ms, per message). The exhaustive cases:`,
    ...EXHAUSTIVE_CASES.map((c) => `- ${c.label}: node_timeout ${c.scenario.nodeTimeout} ms, detection at ${c.scenario.nodeTimeout} ms on every node, DEBUG delay 0, crons aligned, grid ${c.grid} ms, at most ${c.maxElections} elections per replica.`),
  ].join('\n');
}
