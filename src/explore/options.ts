import type { Strategy } from '../core/result.ts';
import { splitvoteError } from '../core/errors.ts';

/** Progress of a running search, passed to `onProgress` (the CLI draws a bar from it). */
export interface Progress {
  readonly strategy: Strategy;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  /** States waiting to be expanded (BFS queue, DFS stack; walks left in simulation). */
  readonly queue: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  /** Upper bound for a bar, when one is known (max states, runs). */
  readonly total: number | undefined;
}

/** Which representation of states the search runs on. */
export type EngineMode = 'packed' | 'object';

/** When the state graph is recorded and materialised as graphology. */
export type GraphMode = 'auto' | 'always' | 'never';

/** Options of `explore`. Every default lives in {@link DEFAULTS}. */
export interface ExploreOptions {
  readonly strategy?: Strategy;
  /** Stop after this many distinct states. */
  readonly maxStates?: number;
  /** Do not expand states deeper than this. */
  readonly maxDepth?: number;
  /** Stop after this many seconds of wall time. */
  readonly maxSeconds?: number;
  /** Stop when the process's heap plus array buffers exceed this many bytes. */
  readonly maxMemoryBytes?: number;
  /** Report states without successors that are not final (default true). */
  readonly deadlock?: boolean;
  /** Stop at the first violated `always` property or deadlock (default false: explore everything). */
  readonly stopOnViolation?: boolean;
  /**
   * `auto` (default): record the edges and build a graphology graph while the state count
   * stays under `graphLimit`; `always`: record edges whatever the size (graphology still
   * capped); `never`: record nothing (`eventually`/`recoverable` become `unknown`).
   */
  readonly graph?: GraphMode;
  /** Largest state graph materialised as graphology (nodes). */
  readonly graphLimit?: number;
  /**
   * `packed` (default): run on the model's packed form (`Model.packed`) when it has one;
   * `object`: always on state objects. Both give the same counts, verdicts and traces.
   */
  readonly engine?: EngineMode;
  /**
   * Partial-order reduction (default true): expand a persistent subset of a state's actions
   * where the model offers one and the reduction keeps every verdict; the result says when
   * it was off and why. Counterexamples found with it are real but not always shortest.
   */
  readonly por?: boolean;
  /** Guarantee shortest counterexamples (BFS): turns partial-order reduction off (default false). */
  readonly shortest?: boolean;
  /** Use the model's `representative` (symmetry reduction) when it has one (default true). */
  readonly symmetry?: boolean;
  /** Preallocate the visited set for this many states. */
  readonly expectedStates?: number;
  /**
   * Return the visited fingerprints in the result (`fingerprints`, sorted; default false),
   * so runs of parts of one state space (swarm partitions) can count distinct states exactly.
   * Single-threaded searches only (`explore`; the shared table of `exploreParallel` keeps none).
   */
  readonly fingerprints?: boolean;
  /** Simulation: seed of the random walks. */
  readonly seed?: number;
  /** Simulation: number of walks. */
  readonly runs?: number;
  /** Simulation: steps per walk. */
  readonly maxSteps?: number;
  /** Stops the search (`stopReason: 'interrupted'`) soon after `aborted` becomes true; an `AbortSignal` will do. */
  readonly signal?: { readonly aborted: boolean };
  /** Called about every `progressEveryMs` with the search's progress. Must not throw. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEveryMs?: number;
}

/** All explorer defaults, in one place. */
export const DEFAULTS = {
  strategy: 'bfs' as Strategy,
  maxStates: Number.POSITIVE_INFINITY,
  maxDepth: Number.POSITIVE_INFINITY,
  maxSeconds: Number.POSITIVE_INFINITY,
  maxMemoryBytes: Number.POSITIVE_INFINITY,
  deadlock: true,
  stopOnViolation: false,
  graph: 'auto' as GraphMode,
  /** Edges are recorded (12 bytes each) up to this many states in `auto` mode. */
  edgeLimit: 5_000_000,
  graphLimit: 200_000,
  engine: 'packed' as EngineMode,
  por: true,
  shortest: false,
  symmetry: true,
  expectedStates: 1 << 16,
  fingerprints: false,
  seed: 0,
  runs: 1000,
  maxSteps: 100,
  progressEveryMs: 200,
} as const;

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<ExploreOptions, 'onProgress' | 'signal'>> & Pick<ExploreOptions, 'onProgress' | 'signal'>;

/** Fills in defaults and validates; a bad value throws SV202 naming the option. */
export function resolveOptions(options: ExploreOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    strategy: options.strategy ?? DEFAULTS.strategy,
    maxStates: options.maxStates ?? DEFAULTS.maxStates,
    maxDepth: options.maxDepth ?? DEFAULTS.maxDepth,
    maxSeconds: options.maxSeconds ?? DEFAULTS.maxSeconds,
    maxMemoryBytes: options.maxMemoryBytes ?? DEFAULTS.maxMemoryBytes,
    deadlock: options.deadlock ?? DEFAULTS.deadlock,
    stopOnViolation: options.stopOnViolation ?? DEFAULTS.stopOnViolation,
    graph: options.graph ?? DEFAULTS.graph,
    graphLimit: options.graphLimit ?? DEFAULTS.graphLimit,
    engine: options.engine ?? DEFAULTS.engine,
    por: options.por ?? DEFAULTS.por,
    shortest: options.shortest ?? DEFAULTS.shortest,
    symmetry: options.symmetry ?? DEFAULTS.symmetry,
    expectedStates: options.expectedStates ?? DEFAULTS.expectedStates,
    fingerprints: options.fingerprints ?? DEFAULTS.fingerprints,
    seed: options.seed ?? DEFAULTS.seed,
    runs: options.runs ?? DEFAULTS.runs,
    maxSteps: options.maxSteps ?? DEFAULTS.maxSteps,
    progressEveryMs: options.progressEveryMs ?? DEFAULTS.progressEveryMs,
    onProgress: options.onProgress,
    signal: options.signal,
  };
  if (!['bfs', 'dfs', 'simulate'].includes(resolved.strategy)) {
    throw splitvoteError('SV202', `strategy "${String(resolved.strategy)}" is not one of bfs, dfs, simulate`);
  }
  if (!['packed', 'object'].includes(resolved.engine)) {
    throw splitvoteError('SV202', `engine "${String(resolved.engine)}" is not one of packed, object`);
  }
  if (!['auto', 'always', 'never'].includes(resolved.graph)) {
    throw splitvoteError('SV202', `graph "${String(resolved.graph)}" is not one of auto, always, never`);
  }
  for (const key of ['maxStates', 'maxDepth', 'maxSeconds', 'maxMemoryBytes', 'graphLimit', 'expectedStates', 'runs', 'maxSteps', 'progressEveryMs'] as const) {
    const value = resolved[key];
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw splitvoteError('SV202', `${key} must be a number >= 0, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(resolved.seed)) throw splitvoteError('SV202', `seed must be an integer, got ${String(resolved.seed)}`);
  return resolved;
}
