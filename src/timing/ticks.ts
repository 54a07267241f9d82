import { Random, SampleDraw } from './draw.ts';
import type { Distribution } from './distribution.ts';

/**
 * A periodic timer as an event loop runs it (Redis' `serverCron`, which calls `clusterCron`):
 * after each run the next one is armed `period` ms later, and the loop wakes up a little
 * after that (the time the cron itself took, the poll's millisecond rounding), so each
 * interval is `period + jitter` with `jitter` drawn anew per tick. Two nodes' ticks therefore
 * drift apart instead of keeping a fixed phase.
 */
export interface CronSpec {
  /** The armed period in ms (`1000 / hz`: 100 at `hz 10`). */
  readonly period: number;
  /** What each interval adds to the period (ms, >= 0): `fixed:0` keeps an exact period. */
  readonly jitter: Distribution;
}

const EPS = 1e-9;

/**
 * The tick times of one node: `first`, then each next one `period + jitter` later. With a
 * fixed jitter the times are arithmetic and computed in closed form; otherwise they are drawn
 * lazily from the train's own seeded random numbers, so the sequence depends only on the seed,
 * never on the order in which times are asked for. Queries are monotone-friendly (binary search
 * over the ticks generated so far).
 */
export class TickTrain {
  private readonly ticks: number[];
  private readonly step: number;
  private readonly draw: SampleDraw | undefined;
  private last = 0;

  /** `seed` is needed only when the jitter is random. */
  constructor(readonly first: number, readonly spec: CronSpec, seed = 0) {
    this.ticks = [first];
    if (spec.jitter.kind === 'fixed') {
      this.step = spec.period + spec.jitter.value;
      this.draw = undefined;
    } else {
      this.step = Number.NaN;
      this.draw = new SampleDraw(new Random(seed));
    }
  }

  /** True when the ticks are exactly periodic (fixed jitter). */
  get periodic(): boolean {
    return this.draw === undefined;
  }

  /** The interval of a periodic train (period + the fixed jitter); NaN for a drifting one. */
  get interval(): number {
    return this.step;
  }

  /** The first tick at or after `t` (a small tolerance absorbs floating-point error). */
  atOrAfter(t: number): number {
    if (t === Number.NEGATIVE_INFINITY) return t;
    if (this.draw === undefined) return this.first + this.step * Math.max(0, Math.ceil((t - this.first) / this.step - EPS));
    return this.ticks[this.index(t - EPS)];
  }

  /** The first tick strictly after `t`. */
  after(t: number): number {
    if (t === Number.NEGATIVE_INFINITY) return this.first;
    if (this.draw === undefined) return this.first + this.step * Math.max(0, Math.floor((t - this.first) / this.step + EPS) + 1);
    return this.ticks[this.index(t + EPS)];
  }

  // Index of the first generated tick > t, generating ticks as needed. Queries mostly move
  // forward a tick or two at a time, so the last answer and its successor are tried first.
  private index(t: number): number {
    const ticks = this.ticks;
    while (ticks[ticks.length - 1] <= t) ticks.push(ticks[ticks.length - 1] + this.spec.period + this.draw!.value(this.spec.jitter));
    const last = this.last;
    if (ticks[last] > t && (last === 0 || ticks[last - 1] <= t)) return last;
    if (ticks[last] <= t && ticks[last + 1] > t) return (this.last = last + 1);
    let lo = 0;
    let hi = ticks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ticks[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    return (this.last = lo);
  }
}
