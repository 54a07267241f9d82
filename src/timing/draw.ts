import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { gridPoints, type Distribution } from './distribution.ts';

/**
 * Where a timed run gets the values that are random in the real system (a message's latency,
 * the random part of a start delay). The Monte Carlo simulator samples them ({@link SampleDraw});
 * the exhaustive timed model branches over every grid point ({@link EnumerateDraw}), so a timing
 * policy is written once for both.
 */
export interface Draw {
  /** One value of `distribution`. */
  value(distribution: Distribution): number;
}

/** A seeded source of random numbers (pure-rand's xoroshiro128+): the same seed gives the same numbers. */
export class Random {
  private readonly rng: JumpableRandomGenerator;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return uniformInt(this.rng, lo, hi);
  }
  /** A real number in [0, 1) with 32 random bits. */
  unit(): number {
    return (this.rng.next() >>> 0) / 4294967296;
  }
  /** 32 random bits as an unsigned int (tie-breaking keys). */
  bits(): number {
    return this.rng.next() >>> 0;
  }
}

/** Samples every value from a seeded {@link Random}: uniform, integer-uniform or bootstrapped. */
export class SampleDraw implements Draw {
  constructor(readonly random: Random) {}
  value(d: Distribution): number {
    switch (d.kind) {
      case 'fixed':
        return d.value;
      case 'uniform':
        if (d.integer === true) return this.random.int(Math.ceil(d.lo), Math.floor(d.hi));
        return d.lo + (d.hi - d.lo) * this.random.unit();
      case 'empirical':
        return d.values[this.random.int(0, d.values.length - 1)];
    }
  }
}

/**
 * Decodes one choice number as digits of a mixed-radix number: the k-th `value` call takes
 * grid point `digit_k` of its distribution. After a step, `combinations` is the number of
 * distinct choice numbers that step has (the product of the radices), so a caller runs the
 * step once with choice 0 to learn it, then once per choice.
 */
export class EnumerateDraw implements Draw {
  private rest: number;
  combinations = 1;
  /** The values drawn so far, in order (for labels). */
  readonly drawn: number[] = [];
  constructor(choice: number, readonly grid: number) {
    this.rest = choice;
  }
  value(d: Distribution): number {
    const points = gridPoints(d.kind === 'uniform' && d.integer === true ? { ...d, lo: Math.ceil(d.lo), hi: Math.floor(d.hi) } : d, this.grid);
    const digit = this.rest % points.length;
    this.rest = Math.floor(this.rest / points.length);
    this.combinations *= points.length;
    this.drawn.push(points[digit]);
    return points[digit];
  }
}
