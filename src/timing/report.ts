import { rounded, summarize } from './stats.ts';

/**
 * The recovery-time report of a timed Monte Carlo simulation of a leader election (the
 * `--json` document of `splitvote simulate --timed`, schema 1): one entry per protocol
 * variant, all runs of one configuration. Durations in ms (0.1 ms resolution); `null` where a
 * sample is empty (no run needed a retry).
 */
export interface RecoveryReport {
  readonly schema: 1;
  readonly seed: number;
  readonly runs: number;
  /** The configuration simulated (cluster shape, timeouts, latency), as the model reports it. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly variants: readonly VariantRecovery[];
}

/** A safety property a timed run broke (`simulate --timed` judges the model's `always` properties after every step). */
export interface TimedViolation {
  readonly property: string;
  /** Runs of this variant that broke it (a run's first violation; the run itself goes on). */
  readonly runs: number;
  /** The first such run: its index and its own seed (`--runs 1 --seed SEED` replays exactly that run). */
  readonly firstRun: number;
  readonly seed: number;
  /** Simulated time (ms) of the violating step in that run. */
  readonly atMs: number;
}

/** The statistics of one variant over all runs. */
export interface VariantRecovery {
  readonly variant: string;
  /** Fraction of runs in which two or more candidates asked for votes in the same epoch. */
  readonly splitVoteRate: number;
  /** Time from the failure to the last failed shard's promotion, over recovered runs. */
  readonly recoveryMs: { readonly mean: number | null; readonly p50: number | null; readonly p90: number | null; readonly p99: number | null; readonly max: number | null };
  /** Per candidate that lost an election and later won: its first election's start to its winning election's start. */
  readonly retryGapMs: { readonly mean: number | null; readonly p50: number | null; readonly p90: number | null; readonly min: number | null; readonly max: number | null };
  /** Epochs used up by a run: the highest currentEpoch at the end minus the highest at the start. */
  readonly epochsConsumed: { readonly mean: number | null; readonly max: number | null };
  /** Elections reset by a NACK fast-fail, per run. */
  readonly nackResets: { readonly mean: number | null };
  /** Documented addition: runs that had not recovered when the simulated-time limit was reached (not in `recoveryMs`). */
  readonly unrecovered: number;
  /** Safety properties broken in some run, in the order the model lists them; empty when none was. */
  readonly violations: readonly TimedViolation[];
}

/** One failed shard in one run, as the real-cluster harness records it (REAL-CONTRACT.md). */
export interface ShardRecord {
  /** First FAIL of the shard's primary by any node, ms after the failure; NaN if never. */
  readonly failMs: number;
  /** Every election start by a replica of the shard: its epoch and time, in order. */
  readonly starts: readonly { readonly epoch: number; readonly ms: number }[];
  /** The winning election's time, NaN if none. */
  readonly wonMs: number;
  readonly wonEpoch: number;
}

/** What one run of a timed election measured. */
export interface RecoveryRun {
  readonly recovered: boolean;
  /** Time of the last promotion (meaningful when recovered). */
  readonly recoveryMs: number;
  readonly splitVote: boolean;
  readonly retryGapsMs: readonly number[];
  readonly epochsConsumed: number;
  readonly nackResets: number;
  /** Per failed shard, what a harness would log (for comparisons with real clusters). */
  readonly shards?: readonly ShardRecord[];
  /** The first safety property the run broke, if any (the run went on to its end). */
  readonly violation?: { readonly property: string; readonly atMs: number };
  /** The run's own seed. */
  readonly seed?: number;
}

/** Collects the runs of one variant and summarises them as a {@link VariantRecovery}. */
export class RecoveryTally {
  private readonly recovery: number[] = [];
  private readonly gaps: number[] = [];
  private readonly epochs: number[] = [];
  private splitVotes = 0;
  private resets = 0;
  private runs = 0;
  private unrecovered = 0;
  private readonly violations = new Map<string, { runs: number; firstRun: number; seed: number; atMs: number }>();

  constructor(readonly variant: string) {}

  add(run: RecoveryRun): void {
    if (run.violation !== undefined) {
      const seen = this.violations.get(run.violation.property);
      if (seen === undefined) this.violations.set(run.violation.property, { runs: 1, firstRun: this.runs, seed: run.seed ?? Number.NaN, atMs: run.violation.atMs });
      else seen.runs++;
    }
    this.runs++;
    if (run.recovered) this.recovery.push(run.recoveryMs);
    else this.unrecovered++;
    if (run.splitVote) this.splitVotes++;
    for (const gap of run.retryGapsMs) this.gaps.push(gap);
    this.epochs.push(run.epochsConsumed);
    this.resets += run.nackResets;
  }

  /** The recovery times of the recovered runs, ascending (for distribution plots). */
  recoveryTimes(): number[] {
    return [...this.recovery].sort((a, b) => a - b);
  }

  summary(): VariantRecovery {
    const r = summarize([...this.recovery]);
    const g = summarize([...this.gaps]);
    const e = summarize([...this.epochs]);
    const ms = (v: number) => rounded(v, 1);
    return {
      variant: this.variant,
      splitVoteRate: rounded(this.runs === 0 ? 0 : this.splitVotes / this.runs, 4) ?? 0,
      recoveryMs: { mean: ms(r.mean), p50: ms(r.p50), p90: ms(r.p90), p99: ms(r.p99), max: ms(r.max) },
      retryGapMs: { mean: ms(g.mean), p50: ms(g.p50), p90: ms(g.p90), min: ms(g.min), max: ms(g.max) },
      epochsConsumed: { mean: rounded(e.mean, 3), max: rounded(e.max, 0) },
      nackResets: { mean: rounded(this.runs === 0 ? Number.NaN : this.resets / this.runs, 3) },
      unrecovered: this.unrecovered,
      violations: [...this.violations].map(([property, v]) => ({ property, runs: v.runs, firstRun: v.firstRun, seed: v.seed, atMs: rounded(v.atMs, 1) ?? 0 })),
    };
  }
}
