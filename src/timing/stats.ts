/** Summary statistics of a sample. */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

/**
 * The nearest-rank percentile of an ascending-sorted sample: the smallest value with at least
 * `p` percent of the sample at or below it (`sorted[ceil(p/100 * n) - 1]`), so it is always
 * a value that occurred. NaN for an empty sample.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Mean, extremes and nearest-rank percentiles of `values` (sorted ascending in place). NaN fields for an empty sample. */
export function summarize(values: number[] | Float64Array): Summary {
  values.sort((a, b) => a - b);
  const count = values.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i];
  return {
    count,
    mean: count === 0 ? Number.NaN : sum / count,
    min: count === 0 ? Number.NaN : values[0],
    max: count === 0 ? Number.NaN : values[count - 1],
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
  };
}

/** `value` rounded to `digits` decimals, or null when it is not a finite number (JSON has no NaN). */
export function rounded(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
