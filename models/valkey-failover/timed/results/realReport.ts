import { createHash } from 'node:crypto';
import type { ShardRecord } from '../../../../src/index.ts';
import { authRetryTime } from '../formulas.ts';
import { defaultCron, defaultLatency, type TimedScenario } from '../scenario.ts';
import { simulateRecovery } from '../simulate.ts';
import { configKey, type RealConfig, type RealRun } from './realCsv.ts';
import { agreement, figures, type Estimate, type Figures } from './realStats.ts';

/** Simulated runs per configuration and their seed. */
export const REAL_SIM_RUNS = 1000;
export const REAL_SIM_SEED = 20261204;

/** The variant a real server runs (`redis-7.0.15` -> redis-7.0; Valkey builds -> valkey-legacy). */
export function variantOf(server: string): string {
  return server.startsWith('redis-7.') ? 'redis-7.0' : 'valkey-legacy';
}

/** The timed scenario of a real configuration: the same numbers, the measured latency and cron defaults (§19). */
export function realScenario(c: RealConfig): TimedScenario {
  return {
    primaries: c.primaries,
    failed: c.failed,
    replicas: c.replicas,
    nodeTimeout: c.nodeTimeout,
    latency: defaultLatency(),
    busDelay: c.busDelay,
    cron: defaultCron(),
    sameTick: false,
  };
}

/** One configuration: its real runs, their figures, and the simulation's. */
export interface Comparison {
  readonly config: RealConfig;
  readonly variant: string;
  readonly real: Figures;
  readonly model: Figures;
  readonly load1: number;
  /** Too few live primaries for a FAIL quorum: the model predicts no FAIL and no election. */
  readonly noQuorum: boolean;
}

/** A majority of primaries stays up (size / 2 + 1 live primaries can report and vote). */
export function hasQuorum(c: RealConfig): boolean {
  return c.primaries - c.failed >= Math.floor(c.primaries / 2) + 1;
}

/** Groups the runs by configuration (sorted by primaries, failed, node timeout, bus delay) and simulates each. */
export function compare(runs: readonly RealRun[], onConfig: (label: string) => void = () => {}): Comparison[] {
  const groups = new Map<string, RealRun[]>();
  for (const r of runs) {
    const key = configKey(r.config);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const order = (c: RealConfig) => [c.primaries, c.failed, c.nodeTimeout, c.busDelay, c.replicas];
  const keys = [...groups.keys()].sort((a, b) => {
    const x = order(groups.get(a)![0].config);
    const y = order(groups.get(b)![0].config);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
  return keys.map((key) => {
    const list = groups.get(key)!;
    const config = list[0].config;
    const variant = variantOf(list[0].server);
    onConfig(`${key} (${list.length} real runs)`);
    const loads = list.map((r) => r.load1).filter(Number.isFinite).sort((a, b) => a - b);
    const load1 = loads.length === 0 ? Number.NaN : loads[Math.floor(loads.length / 2)];
    if (!hasQuorum(config)) {
      // Fewer live primaries than size / 2 + 1: no failure report quorum (§11.5), so no FAIL and no
      // election, by the model's arithmetic (the simulator refuses such a scenario).
      const none: ShardRecord = { failMs: Number.NaN, starts: [], wonMs: Number.NaN, wonEpoch: Number.NaN };
      const modelRuns = Array.from({ length: REAL_SIM_RUNS }, () => Array.from({ length: config.failed }, () => none));
      return { config, variant, real: figures(list.map((r) => r.shards)), model: figures(modelRuns), load1, noQuorum: true };
    }
    const sim = simulateRecovery({ scenario: realScenario(config), variants: [[variant]], runs: REAL_SIM_RUNS, seed: REAL_SIM_SEED });
    const modelRuns: ShardRecord[][] = sim.runs[0].map((r) => [...r.shards!]);
    return { config, variant, real: figures(list.map((r) => r.shards)), model: figures(modelRuns), load1, noQuorum: false };
  });
}

/** The figure rows of a configuration's table: label, real, model, kind of figure. */
const ROWS: readonly { readonly label: string; readonly get: (f: Figures) => Estimate | number; readonly rate?: boolean }[] = [
  { label: 'FAIL detection, median', get: (f) => f.failMedian },
  { label: 'FAIL detection, p90', get: (f) => f.failP90 },
  { label: 'election start spread between shards, median', get: (f) => f.spreadMedian },
  { label: 'split-vote rate (runs with a shard needing > 1 election)', get: (f) => f.splitRate, rate: true },
  { label: "loser's retry gap, min", get: (f) => f.gapMin },
  { label: "loser's retry gap, median", get: (f) => f.gapMedian },
  { label: "loser's retry gap, max", get: (f) => f.gapMax },
  { label: 'recovery, split runs, median', get: (f) => f.recoverySplitMedian },
  { label: 'recovery, split runs, p90', get: (f) => f.recoverySplitP90 },
  { label: 'recovery, non-split runs, median', get: (f) => f.recoveryCleanMedian },
  { label: 'recovery, non-split runs, p90', get: (f) => f.recoveryCleanP90 },
];

const valueOf = (e: Estimate | number) => (typeof e === 'number' ? e : e.value);
const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : '-');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');

function cell(e: Estimate | number, rate: boolean): string {
  const fmt = rate ? pct : ms;
  if (typeof e === 'number') return fmt(e);
  const n = ` (n ${e.n})`;
  if (!Number.isFinite(e.value)) return `-${n}`;
  const ci = Number.isFinite(e.lo) && Number.isFinite(e.hi) ? `, 95% ${rate ? pct(e.lo) : Math.round(e.lo).toLocaleString('en-US')}–${rate ? pct(e.hi) : ms(e.hi)}` : '';
  return `${fmt(e.value)}${n}${ci}`;
}

/** A figure outside: the configuration, the row, both values. */
export interface Outside {
  readonly config: string;
  readonly figure: string;
  readonly real: string;
  readonly model: string;
}

/** The configuration's table and the figures that fall outside. */
export function comparisonTable(c: Comparison): { readonly table: string; readonly outside: Outside[]; readonly uncompared: number } {
  const outside: Outside[] = [];
  let uncompared = 0;
  const lines = ['| figure | real | `simulate --timed` | within 10%? |', '|---|---|---|---|'];
  for (const row of ROWS) {
    const r = row.get(c.real);
    const m = row.get(c.model);
    const verdict = agreement(r, m);
    if (verdict === 'n/a (no real sample)') uncompared++;
    if (verdict === 'no') outside.push({ config: label(c.config), figure: row.label, real: cell(r, row.rate === true), model: (row.rate === true ? pct : ms)(valueOf(m)) });
    lines.push(`| ${row.label} | ${cell(r, row.rate === true)} | ${(row.rate === true ? pct : ms)(valueOf(m))} | ${verdict} |`);
  }
  return { table: lines.join('\n'), outside, uncompared };
}

/** `7 primaries, 3 failed, node_timeout 1000 ms, bus delay 50 ms`. */
export function label(c: RealConfig): string {
  return `${c.primaries} primaries, ${c.failed} failed, node_timeout ${c.nodeTimeout} ms, bus delay ${c.busDelay} ms`;
}

/** The command lines of a configuration: the harness's and the simulation's. */
export function commandLines(c: RealConfig, variant: string): string {
  const shape = `--primaries ${c.primaries} --failed ${c.failed} --replicas ${c.replicas} --node-timeout ${c.nodeTimeout} --bus-delay ${c.busDelay}`;
  return `\`npm run real -- ${shape}\` · \`splitvote simulate failover --timed --variant ${variant} ${shape} --runs ${REAL_SIM_RUNS} --seed ${REAL_SIM_SEED}\``;
}

/** The retry-window table: shards that won after two or more lost elections, and whether each of those lost elections collided. */
export function windowTable(list: readonly Comparison[]): string {
  const lines = [
    '| configuration | retry window | real: won after ≥ 2 lost | of which every lost one collided | real lost elections (collided) | model: won after ≥ 2 lost | of which every lost one collided | model lost elections (collided) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of list) {
    lines.push(
      `| ${configKey(c.config)} | ${ms(authRetryTime(c.config.nodeTimeout))} | ${c.real.multiWindow} | ${c.real.multiWindowAllCollided} | ${c.real.lostElections} (${c.real.lostCollided}) | ${c.model.multiWindow} of ${c.model.runs} runs | ${c.model.multiWindowAllCollided} | ${c.model.lostElections} (${c.model.lostCollided}) |`,
    );
  }
  return lines.join('\n');
}

/** A short hash of the report's data inputs: the CSV's bytes and the reasons file's. */
export function csvHash(text: string, reasons: string): string {
  return createHash('sha256').update(text).update('\0').update(reasons).digest('hex').slice(0, 16);
}
