import { percentile, type ShardRecord } from '../../../../src/index.ts';

/** A sample's estimate with its 95% interval (NaN bounds when the sample is too small for one). */
export interface Estimate {
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  /** Sample size behind it. */
  readonly n: number;
}

/** The figures of issue 12 item 6 for one configuration, from runs of shard records (real or simulated alike). */
export interface Figures {
  readonly runs: number;
  readonly failMedian: Estimate;
  readonly failP90: Estimate;
  /** Per run: last failed shard's first election start minus the first shard's. */
  readonly spreadMedian: Estimate;
  /** Runs in which some shard needed more than one election (REAL-CONTRACT `split`). */
  readonly splitRate: Estimate;
  /** Per shard that needed more than one election and won: winning start minus first start. */
  readonly gapMin: number;
  readonly gapMedian: Estimate;
  readonly gapMax: number;
  /** Per run: the last promotion, ms; runs where every shard won. */
  readonly recoverySplitMedian: Estimate;
  readonly recoverySplitP90: Estimate;
  readonly recoveryCleanMedian: Estimate;
  readonly recoveryCleanP90: Estimate;
  /** Shards that won after losing two or more elections (the gap spans more than one retry window). */
  readonly multiWindow: number;
  /** Of those, shards whose every lost election collided with another shard's election in the same epoch. */
  readonly multiWindowAllCollided: number;
  /** Shards that won after losing one or more elections, and how many of those lost elections collided. */
  readonly lostElections: number;
  readonly lostCollided: number;
}

const sorted = (xs: readonly number[]) => xs.filter(Number.isFinite).sort((a, b) => a - b);

/**
 * The nearest-rank quantile `q` of a sample with a distribution-free 95% interval from order
 * statistics (ranks `nq ± 1.96 sqrt(nq(1-q))`, the normal approximation of the binomial).
 */
export function quantile(xs: readonly number[], q: number): Estimate {
  const s = sorted(xs);
  const n = s.length;
  if (n === 0) return { value: Number.NaN, lo: Number.NaN, hi: Number.NaN, n };
  const half = 1.96 * Math.sqrt(n * q * (1 - q));
  const lo = Math.floor(n * q - half);
  const hi = Math.ceil(n * q + half) + 1;
  return { value: percentile(s, q * 100), lo: lo >= 1 ? s[lo - 1] : Number.NaN, hi: hi <= n ? s[hi - 1] : Number.NaN, n };
}

/** The Wilson score 95% interval of `k` successes in `n` trials. */
export function wilson(k: number, n: number): Estimate {
  if (n === 0) return { value: Number.NaN, lo: Number.NaN, hi: Number.NaN, n };
  const z = 1.96;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { value: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), n };
}

// The election a shard won: the start in the winning epoch (the last start when unknown).
function winningStart(s: ShardRecord): number {
  const i = s.starts.findIndex((x) => x.epoch === s.wonEpoch);
  return i >= 0 ? i : s.starts.length - 1;
}

/** The figures of a configuration from its runs (each run: its failed shards' records). */
export function figures(runs: readonly (readonly ShardRecord[])[]): Figures {
  const fails = runs.flatMap((r) => r.map((s) => s.failMs));
  const spreads: number[] = [];
  const splitRec: number[] = [];
  const cleanRec: number[] = [];
  const gaps: number[] = [];
  let splitRuns = 0;
  let multiWindow = 0;
  let multiAll = 0;
  let lost = 0;
  let lostCollided = 0;
  for (const run of runs) {
    const firsts = run.filter((s) => s.starts.length > 0).map((s) => s.starts[0].ms);
    if (firsts.length === run.length && firsts.length > 1) spreads.push(Math.max(...firsts) - Math.min(...firsts));
    const split = run.some((s) => s.starts.length > 1);
    if (split) splitRuns++;
    if (run.every((s) => Number.isFinite(s.wonMs))) (split ? splitRec : cleanRec).push(Math.max(...run.map((s) => s.wonMs)));
    run.forEach((s, k) => {
      if (!Number.isFinite(s.wonMs) || s.starts.length < 2) return;
      const w = winningStart(s);
      if (w < 1) return;
      gaps.push(s.starts[w].ms - s.starts[0].ms);
      const others = new Set(run.flatMap((o, j) => (j === k ? [] : o.starts.map((x) => x.epoch))));
      const collided = s.starts.slice(0, w).filter((x) => others.has(x.epoch)).length;
      lost += w;
      lostCollided += collided;
      if (w >= 2) {
        multiWindow++;
        if (collided === w) multiAll++;
      }
    });
  }
  const g = sorted(gaps);
  return {
    runs: runs.length,
    failMedian: quantile(fails, 0.5),
    failP90: quantile(fails, 0.9),
    spreadMedian: quantile(spreads, 0.5),
    splitRate: wilson(splitRuns, runs.length),
    gapMin: g.length === 0 ? Number.NaN : g[0],
    gapMedian: quantile(g, 0.5),
    gapMax: g.length === 0 ? Number.NaN : g[g.length - 1],
    recoverySplitMedian: quantile(splitRec, 0.5),
    recoverySplitP90: quantile(splitRec, 0.9),
    recoveryCleanMedian: quantile(cleanRec, 0.5),
    recoveryCleanP90: quantile(cleanRec, 0.9),
    multiWindow,
    multiWindowAllCollided: multiAll,
    lostElections: lost,
    lostCollided,
  };
}

/** How a simulated figure compares with the real one. */
export type Agreement = 'yes' | 'yes (in the real 95% interval)' | 'no' | 'n/a' | 'n/a (no real sample)';

/**
 * Within 10% of the real value, or else inside the real sample's 95% interval (small samples);
 * `n/a` when neither side has a value, `n/a (no real sample)` when only the simulation has one
 * (the real runs had no such case: nothing to compare), `no` when only the real side has one.
 */
export function agreement(real: Estimate | number, model: Estimate | number): Agreement {
  const r = typeof real === 'number' ? { value: real, lo: Number.NaN, hi: Number.NaN, n: 0 } : real;
  const m = typeof model === 'number' ? model : model.value;
  if (!Number.isFinite(r.value) && !Number.isFinite(m)) return 'n/a';
  if (!Number.isFinite(r.value)) return 'n/a (no real sample)';
  if (!Number.isFinite(m)) return 'no';
  if (Math.abs(m - r.value) <= 0.1 * Math.abs(r.value) + 1e-9) return 'yes';
  if (Number.isFinite(r.lo) && Number.isFinite(r.hi) && m >= r.lo && m <= r.hi) return 'yes (in the real 95% interval)';
  return 'no';
}
