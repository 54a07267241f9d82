import { splitvoteError } from '../core/errors.ts';

/**
 * A distribution of durations in milliseconds: message latency, gossip time, a random start
 * delay. The Monte Carlo simulator samples it; the exhaustive timed model branches over its
 * grid points ({@link gridPoints}), so the same value serves both.
 */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  /** Uniform on [lo, hi]; `integer` draws whole numbers (C's `random() % n`), otherwise reals. */
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number; readonly integer?: boolean }
  /** Each listed value equally likely (a measured sample, bootstrapped). `source` names the file. */
  | { readonly kind: 'empirical'; readonly values: readonly number[]; readonly source: string };

/** The forms a distribution takes on the command line, for error messages. */
export const DISTRIBUTION_FORMS = 'fixed:MS, uniform:LO-HI (LO <= HI) or empirical:FILE (numbers in ms, one or more, separated by spaces, commas or newlines)';

/**
 * Parses `fixed:5`, `uniform:1-10` or `empirical:FILE` (all in ms, >= 0). `readFile` reads an
 * empirical sample's file (the CLI passes one that resolves paths from its working folder).
 * Throws SV401 naming `flag`, the bad value and the allowed forms.
 */
export function parseDistribution(text: string, flag: string, readFile: (path: string) => string): Distribution {
  const bad = (why: string) => splitvoteError('SV401', `${flag} ${JSON.stringify(text)}: ${why}; allowed: ${DISTRIBUTION_FORMS}`);
  const colon = text.indexOf(':');
  const kind = colon < 0 ? '' : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  if (kind === 'fixed') {
    const value = number(rest);
    if (value === undefined) throw bad('the fixed value is not a number >= 0');
    return { kind: 'fixed', value };
  }
  if (kind === 'uniform') {
    const match = /^([^-]+)-([^-]+)$/.exec(rest);
    const lo = match === null ? undefined : number(match[1]);
    const hi = match === null ? undefined : number(match[2]);
    if (lo === undefined || hi === undefined) throw bad('the range is not LO-HI with numbers >= 0');
    if (lo > hi) throw bad(`the range is empty (${lo} > ${hi})`);
    return { kind: 'uniform', lo, hi };
  }
  if (kind === 'empirical') {
    if (rest === '') throw bad('no file named');
    let content: string;
    try {
      content = readFile(rest);
    } catch (error) {
      throw bad(`cannot read the file (${(error as Error).message})`);
    }
    const words = content.split(/[\s,]+/).filter((w) => w !== '');
    const values = words.map(number);
    const wrong = values.findIndex((v) => v === undefined);
    if (wrong >= 0) throw bad(`value ${JSON.stringify(words[wrong])} in the file is not a number >= 0`);
    if (values.length === 0) throw bad('the file holds no values');
    return { kind: 'empirical', values: values as number[], source: rest };
  }
  throw bad('unknown form');
}

function number(text: string): number | undefined {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed === '' || !Number.isFinite(n) || n < 0 ? undefined : n;
}

/** The command-line form of a distribution (`uniform:1-10`). Pure. */
export function formatDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return `fixed:${d.value}`;
    case 'uniform':
      return `uniform:${d.lo}-${d.hi}`;
    case 'empirical':
      return `empirical:${d.source}`;
  }
}

/** The smallest and largest value the distribution can give. */
export function rangeOf(d: Distribution): { readonly lo: number; readonly hi: number } {
  switch (d.kind) {
    case 'fixed':
      return { lo: d.value, hi: d.value };
    case 'uniform':
      return { lo: d.lo, hi: d.hi };
    case 'empirical':
      return { lo: Math.min(...d.values), hi: Math.max(...d.values) };
  }
}

/**
 * The values an exhaustive analysis branches over: both ends of the range and the points of
 * a grid of step `grid` between them (`uniform:1-10` with grid 3: 1, 4, 7, 10); a fixed value
 * alone; an empirical sample's distinct values. Sorted, no duplicates. `grid` must be > 0.
 */
export function gridPoints(d: Distribution, grid: number): number[] {
  if (d.kind === 'fixed') return [d.value];
  if (d.kind === 'empirical') return [...new Set(d.values)].sort((a, b) => a - b);
  const points: number[] = [];
  for (let k = 0; d.lo + k * grid < d.hi; k++) points.push(d.lo + k * grid);
  points.push(d.hi);
  return points;
}
