import type { PropertyKind } from './property.ts';

/** The verdict on one property. */
export type PropertyStatus = 'holds' | 'violated' | 'witnessed' | 'not-witnessed' | 'unknown';

/** Why a search stopped before covering everything (`null` when it completed). */
export type StopReason = 'max-states' | 'max-depth' | 'max-seconds' | 'max-memory' | 'violation' | 'max-runs' | 'interrupted' | null;

/** The explorer strategies. */
export type Strategy = 'bfs' | 'dfs' | 'simulate';

/** One step of a trace. Step 0 is the initial state and has no action. */
export interface TraceStep<TState = unknown, TAction = unknown> {
  /** The action taken to reach `state` (undefined for step 0). */
  readonly action: TAction | undefined;
  /** The action in the protocol's words. */
  readonly label: string;
  /** The component that acted, when the model says. */
  readonly actor: string | undefined;
  readonly state: TState;
}

/**
 * A path through the state space: the index of its initial state, then the index of each
 * action in the deterministic list `model.actions(state)`. Replaying it rebuilds `steps`.
 */
export interface Trace<TState = unknown, TAction = unknown> {
  readonly init: number;
  readonly path: readonly number[];
  readonly steps: readonly TraceStep<TState, TAction>[];
  /** For lasso counterexamples of `eventually`: the step where the loop starts again. */
  readonly loopsTo?: number;
}

/** The verdict on one property, with its counterexample or witness. */
export interface PropertyVerdict<TState = unknown, TAction = unknown> {
  readonly name: string;
  readonly kind: PropertyKind | 'deadlock';
  readonly status: PropertyStatus;
  /** Counterexample (violated) or witness (witnessed). */
  readonly trace?: Trace<TState, TAction>;
  /** Why the status is what it is, when that is not obvious (for example `unknown`). */
  readonly note?: string;
}

/** Search statistics. */
export interface Stats {
  /** Distinct states visited (fingerprints). */
  readonly states: number;
  /** Transitions taken (successor computations that produced a state inside the boundary). */
  readonly transitions: number;
  /** Greatest depth reached (BFS: the eccentricity of the initial states). */
  readonly depth: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  /** Successors cut because they were outside the model's boundary. */
  readonly boundaryHits: number;
  /** States with no successor that are not final. */
  readonly deadlocks: number;
  /** Bytes held by the visited set at the end (fingerprint table). */
  readonly visitedBytes: number;
  /** Peak resident memory of the process during the search, in bytes. */
  readonly peakMemoryBytes: number;
  /**
   * Probability that two distinct states shared a fingerprint, estimated as TLC does
   * (n^2 / 2^65 for n states and 64-bit fingerprints; an upper-bound style estimate).
   */
  readonly collisionProbability: number;
  /** Simulation only: walks run. */
  readonly runs?: number;
  /** Partial-order reduction: whether it ran, why not, and in how many states it took a smaller set of actions. */
  readonly reduction?: ReductionStats;
}

/** What partial-order reduction did in one search. */
export interface ReductionStats {
  readonly enabled: boolean;
  /** Why it was off (not asked for, not sound for this model or property kind). */
  readonly reason?: string;
  /** States expanded with a persistent subset of their actions. */
  readonly reducedStates: number;
}

/**
 * The result of a search: data only. Reporters turn it into text, JSON or pictures.
 * `complete` is true when every state within the model's boundary was explored.
 */
export interface ExploreResult<TState = unknown, TAction = unknown> {
  readonly model: string;
  readonly strategy: Strategy;
  readonly complete: boolean;
  readonly stopReason: StopReason;
  readonly stats: Stats;
  readonly properties: readonly PropertyVerdict<TState, TAction>[];
  /** The model's bounds, printed with every result. */
  readonly bounds: Readonly<Record<string, string | number | boolean>>;
  /** Simulation seed, for reproduction. */
  readonly seed?: number;
}
