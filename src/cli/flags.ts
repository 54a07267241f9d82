import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULTS, type ExploreOptions } from '../explore/options.ts';
import type { GraphFormat } from '../graph/export.ts';

// Commander prints "option '--max-states <n>' argument 'abc' is invalid." before these
// sentences, so each one only has to say what is allowed.

/** Parses a whole number from `min` to `max` (digits, `_` separators or exponent form like 1e6). */
export function parseCount(min = 0, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value.replaceAll('_', ''));
    if (value.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `Allowed: a whole number >= ${min}, like 100000 or 1e6.` : `Allowed: a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Parses a duration in seconds (> 0, decimals allowed). */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Allowed: a number of seconds > 0, like 30 or 0.5.');
  return n;
}

/** Parses a seed: a safe integer in decimal or 0x hexadecimal. */
export function parseSeed(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n)) throw new InvalidArgumentError('Allowed: an integer, like 42 or 0x2a.');
  return n;
}

/** Parses `a,b,c` into names; empty names are rejected. */
export function parseNames(value: string): string[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new InvalidArgumentError('Allowed: names separated by commas, like nack-4654,mixed.');
  return names;
}

/**
 * Parses `a;b,c` into variant sets (`;` between rows, `,` within a row, `none` for a row
 * without variants); `all` means each variant alone. An empty row or name is rejected.
 */
export function parseVariantSets(value: string): string[][] | 'all' {
  if (value.trim() === 'all') return 'all';
  const sets = value.split(';').map((set) => set.trim());
  if (sets.some((set) => set === '')) throw new InvalidArgumentError('Allowed: variant sets separated by ";", variants in a set by ",", "none" for no variant, like "valkey-legacy;nack-4654,mixed" or "none;no-pour", or all. An empty set between two ";" is not allowed.');
  const parsed = sets.map((set) => (set === 'none' ? [] : set.split(',').map((s) => s.trim())));
  if (parsed.some((set) => set.some((n) => n === ''))) throw new InvalidArgumentError('Allowed: variant names separated by ",", like "nack-4654,mixed"; an empty name between two "," is not allowed.');
  return parsed;
}

const CONSTANT = /^([A-Za-z_][A-Za-z0-9_]*)=(-?\d[\d_]*)$/;

/**
 * Parses `--set NAME=VALUE` (several per flag with `,`, and the flag may repeat) into the
 * constants given so far: integer values, each name once. Whether the model has that
 * constant and the value is in range is checked when the model is built (SV404).
 */
export function parseConstants(value: string, previous: Readonly<Record<string, number>> | undefined): Record<string, number> {
  const out: Record<string, number> = { ...previous };
  for (const item of value.split(',')) {
    const match = CONSTANT.exec(item.trim());
    if (match === null) throw new InvalidArgumentError('Allowed: NAME=VALUE with an integer value, like maxEpoch=9, several separated by ",": maxEpoch=9,maxDrops=1 (`splitvote list` shows the constants of each model).');
    const [, name, digits] = match;
    if (name in out) throw new InvalidArgumentError(`Allowed: each constant once; ${name} is set twice.`);
    const n = Number(digits.replaceAll('_', ''));
    if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`Allowed: an integer value; ${digits} is too large.`);
    out[name] = n;
  }
  return out;
}

/** `--set a=1,b=2` as command-line text for a reproduce line; empty when nothing is set. */
export function constantsText(constants: Readonly<Record<string, number>> | undefined): string {
  const entries = Object.entries(constants ?? {});
  return entries.length === 0 ? '' : `--set ${entries.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

const GRAPH_FORMATS: Readonly<Record<string, GraphFormat>> = { '.dot': 'dot', '.graphml': 'graphml', '.json': 'json' };

/** The export format a `--graph` file name asks for, from its extension. */
export function graphFormatOf(file: string): GraphFormat {
  const extension = Object.keys(GRAPH_FORMATS).find((ext) => file.toLowerCase().endsWith(ext));
  if (extension === undefined) throw new InvalidArgumentError('Allowed: a file name ending in .dot, .graphml or .json.');
  return GRAPH_FORMATS[extension];
}

/** The search flags shared by `check` and `table`, as commander parsed them. */
export interface SearchFlags {
  strategy: 'bfs' | 'dfs' | 'simulate';
  maxStates?: number;
  maxDepth?: number;
  maxSeconds?: number;
  maxMemory?: number;
  seed: number;
  runs: number;
  maxSteps: number;
  deadlock: boolean;
  /** Commander sets it from `--no-symmetry`; absent means on. */
  symmetry?: boolean;
  /** Commander sets it from `--no-por`; absent means on. */
  por?: boolean;
  shortest?: boolean;
  engine?: 'packed' | 'object';
  stopOnViolation?: boolean;
}

/** Adds the search flags (strategy, limits, simulation settings, deadlock) with their defaults in `--help`. */
export function addSearchFlags(command: Command): Command {
  return command
    .addOption(new Option('--strategy <name>', 'search strategy: bfs finds shortest counterexamples, dfs uses less memory, simulate runs seeded random walks').choices(['bfs', 'dfs', 'simulate']).default(DEFAULTS.strategy))
    .option('--max-states <n>', 'stop after N distinct states (default: unlimited)', parseCount(1))
    .option('--max-depth <n>', 'do not expand states deeper than N steps (default: unlimited)', parseCount(0))
    .option('--max-seconds <s>', 'stop after S seconds of wall time (default: unlimited)', parseSeconds)
    .option('--max-memory <MiB>', 'stop when the heap exceeds this many MiB (default: unlimited)', parseCount(1))
    .option('--seed <n>', 'seed of the random walks (simulate)', parseSeed, DEFAULTS.seed)
    .option('--runs <n>', 'number of random walks (simulate)', parseCount(1), DEFAULTS.runs)
    .option('--max-steps <n>', 'steps per random walk (simulate)', parseCount(1), DEFAULTS.maxSteps)
    .option('--no-deadlock', 'do not report states without successors as deadlocks')
    .option('--no-symmetry', 'do not use the model\'s symmetry reduction (verdicts must not change)')
    .option('--no-por', 'do not use partial-order reduction (verdicts must not change; the result says when it was off anyway and why)')
    .option('--shortest', 'guarantee shortest counterexamples (turns partial-order reduction off)')
    .addOption(new Option('--engine <name>', 'state representation: packed vectors (default, when the model has them) or objects (the same counts, verdicts and traces)').choices(['packed', 'object']))
    .option('--stop-on-violation', 'stop at the first violated invariant or deadlock (TLC style)');
}

/** Explorer options from the parsed search flags (only the flags the user changed matter). */
export function exploreOptionsOf(flags: SearchFlags): ExploreOptions {
  return {
    strategy: flags.strategy,
    ...(flags.maxStates === undefined ? {} : { maxStates: flags.maxStates }),
    ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
    ...(flags.maxSeconds === undefined ? {} : { maxSeconds: flags.maxSeconds }),
    ...(flags.maxMemory === undefined ? {} : { maxMemoryBytes: flags.maxMemory * 1024 * 1024 }),
    seed: flags.seed,
    runs: flags.runs,
    maxSteps: flags.maxSteps,
    deadlock: flags.deadlock,
    ...(flags.symmetry === false ? { symmetry: false } : {}),
    ...(flags.por === false ? { por: false } : {}),
    ...(flags.shortest === true ? { shortest: true } : {}),
    ...(flags.engine === undefined ? {} : { engine: flags.engine }),
    ...(flags.stopOnViolation === true ? { stopOnViolation: true } : {}),
  };
}

/**
 * The search flags that reproduce a search run with `strategy` and explorer `options` (a
 * check's or a table's settings), so a reproduce line is exact. Unlimited limits are left out.
 */
export function searchFlagsOf(strategy: SearchFlags['strategy'] | undefined, options: Omit<ExploreOptions, 'strategy' | 'onProgress'> = {}): SearchFlags {
  const finite = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);
  return {
    strategy: strategy ?? DEFAULTS.strategy,
    ...(finite(options.maxStates) ? { maxStates: options.maxStates } : {}),
    ...(finite(options.maxDepth) ? { maxDepth: options.maxDepth } : {}),
    seed: options.seed ?? DEFAULTS.seed,
    runs: options.runs ?? DEFAULTS.runs,
    maxSteps: options.maxSteps ?? DEFAULTS.maxSteps,
    deadlock: options.deadlock ?? DEFAULTS.deadlock,
    ...(options.symmetry === false ? { symmetry: false } : {}),
    ...(options.por === false ? { por: false } : {}),
    ...(options.shortest === true ? { shortest: true } : {}),
  };
}

/** The search flags as command-line text, for reproduce lines: only what differs from the defaults. */
export function searchFlagsText(flags: SearchFlags): string {
  const parts: string[] = [];
  if (flags.strategy !== DEFAULTS.strategy) parts.push(`--strategy ${flags.strategy}`);
  if (flags.maxStates !== undefined) parts.push(`--max-states ${flags.maxStates}`);
  if (flags.maxDepth !== undefined) parts.push(`--max-depth ${flags.maxDepth}`);
  if (flags.strategy === 'simulate') parts.push(`--seed ${flags.seed}`, `--runs ${flags.runs}`, `--max-steps ${flags.maxSteps}`);
  if (!flags.deadlock) parts.push('--no-deadlock');
  if (flags.symmetry === false) parts.push('--no-symmetry');
  if (flags.por === false) parts.push('--no-por');
  if (flags.shortest === true) parts.push('--shortest');
  return parts.join(' ');
}

/**
 * Parses report rows of variants with the same syntax as `table --variant-sets`: rows
 * separated by `;`, variants combined within a row by `,` (as `check --variant` combines
 * them), like `valkey-legacy;nack-4654,fix-4655`.
 */
export function parseVariantRows(value: string): string[][] {
  const rows = value.split(';').map((row) => row.split(',').map((s) => s.trim()));
  if (rows.some((row) => row.some((n) => n === ''))) {
    throw new InvalidArgumentError('Allowed: rows separated by ";", variants combined within a row by ",", like "valkey-legacy;nack-4654,fix-4655".');
  }
  return rows;
}

/** Parses a duration in milliseconds (> 0, decimals allowed). */
/** A duration in ms that may be 0 (a delay that can be off). */
export function parseMsOrZero(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('Allowed: a number of milliseconds >= 0, like 0 or 50.');
  return n;
}

export function parseMs(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Allowed: a number of milliseconds > 0, like 15000 or 0.5.');
  return n;
}
