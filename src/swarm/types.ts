import type { PropertyKind } from '../core/property.ts';
import type { PropertyStatus, StopReason } from '../core/result.ts';
import type { EngineMode } from '../explore/options.ts';

/** `kind` of the plan file, the job files and the result files. */
export const PLAN_KIND = 'splitvote-swarm-plan';
export const JOB_KIND = 'splitvote-swarm-job';
export const RESULT_KIND = 'splitvote-swarm-result';

/**
 * How a swarm divides the work:
 * - `partition` (exhaustive): the plan explores breadth-first to a prefix depth and hands
 *   every frontier state to the job its fingerprint selects; the jobs together cover the
 *   whole reachable state space.
 * - `sample` (Spin's swarm verification): diversified bounded searches (shuffled action
 *   orders, seeds, depth bounds); they find violations fast and prove nothing.
 */
export type SwarmMode = 'partition' | 'sample';

/** The model a swarm checks, as the catalog builds it (every job rebuilds it from this). */
export interface SwarmModelRequest {
  readonly name: string;
  readonly preset: string;
  readonly variants: readonly string[];
}

/** A path from one of the model's initial states: `init`, then action indices. */
export interface SwarmPath {
  readonly init: number;
  readonly path: readonly number[];
}

/** A frontier state handed to a partition job: its path and its fingerprint (16 hex digits), which the job checks after replaying the path. */
export interface StartState extends SwarmPath {
  readonly fingerprint: string;
}

/** The search one job runs. Absent limits are unlimited. */
export interface JobSearch {
  readonly strategy: 'bfs' | 'dfs' | 'simulate';
  readonly engine: EngineMode;
  readonly symmetry: boolean;
  readonly deadlock: boolean;
  /** Record the state graph while it is small enough, to report statechart coverage. */
  readonly coverage: boolean;
  readonly stopOnViolation: boolean;
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly maxSeconds?: number;
  /** DFS: the seed of the shuffled action order (a permutation per state); absent: the model's own order. */
  readonly orderSeed?: number;
  /** Random walks: seed, walks and steps per walk. */
  readonly seed?: number;
  readonly runs?: number;
  readonly maxSteps?: number;
}

/** One job specification (`job-K.json`): everything `splitvote swarm run` needs. */
export interface JobSpec {
  readonly schema: 1;
  readonly kind: typeof JOB_KIND;
  /** The plan's id: results of another plan are refused by the merge. */
  readonly plan: string;
  readonly mode: SwarmMode;
  readonly index: number;
  readonly jobs: number;
  readonly model: SwarmModelRequest;
  readonly search: JobSearch;
  /** Partition: the frontier states this job explores from (may be empty). Sample: absent (the model's initial states). */
  readonly start?: readonly StartState[];
}

/** A verdict in a plan or result file; traces are paths from the model's own initial states. */
export interface SwarmVerdict {
  readonly name: string;
  readonly kind: PropertyKind | 'deadlock';
  readonly status: PropertyStatus;
  readonly note?: string;
  readonly trace?: SwarmPath;
}

/** The prefix the plan explored itself (partition mode). */
export interface PrefixSummary {
  /** The frontier depth d: the plan judged levels 0..d (deadlocks on 0..d-1); jobs start at level d. */
  readonly depth: number;
  /** Distinct states at levels 0..d-1 (their fingerprints are in `fingerprintFile`). */
  readonly states: number;
  readonly frontier: number;
  /** True when no state lies at depth d or beyond: the plan alone covered the whole space. */
  readonly exhausted: boolean;
  readonly fingerprintFile: string;
  readonly verdicts: readonly SwarmVerdict[];
  /** Statechart coverage of the prefix's own steps (levels 0..d-1), when recorded. */
  readonly coverage?: SwarmCoverage;
}

/** The plan file (`plan.json`). */
export interface PlanFile {
  readonly schema: 1;
  readonly kind: typeof PLAN_KIND;
  readonly id: string;
  readonly mode: SwarmMode;
  readonly jobs: number;
  readonly model: SwarmModelRequest;
  /** The model's properties (and `no deadlock` when deadlocks are checked), in order. */
  readonly properties: readonly { readonly name: string; readonly kind: PropertyKind | 'deadlock' }[];
  readonly prefix?: PrefixSummary;
}

/** Statechart coverage of one machine, with what the merge needs to print it without the model. */
export interface SwarmMachineCoverage {
  readonly name: string;
  readonly states: readonly string[];
  readonly transitions: readonly number[];
  readonly allStates: number;
  readonly allTransitions: number;
  /** Guarded transitions: id and a readable "source event [guard]". */
  readonly guarded: readonly { readonly id: number; readonly text: string }[];
}

/** A result file (`result-K.json`), written by `splitvote swarm run`. */
export interface ResultFile {
  readonly schema: 1;
  readonly kind: typeof RESULT_KIND;
  readonly plan: string;
  readonly index: number;
  readonly mode: SwarmMode;
  /** The job's search strategy. */
  readonly strategy: JobSearch['strategy'];
  /** `ran`: the search ran (to its end or a limit); `failed`: it could not run (`error` says why). */
  readonly outcome: 'ran' | 'failed';
  readonly error?: string;
  readonly complete: boolean;
  readonly stopReason: StopReason;
  readonly stats: { readonly states: number; readonly transitions: number; readonly depth: number; readonly seconds: number; readonly deadlocks: number; readonly boundaryHits: number };
  readonly verdicts: readonly SwarmVerdict[];
  /** The visited fingerprints (partition mode): file name next to this one, and their count. */
  readonly fingerprints?: { readonly file: string; readonly count: number };
  readonly coverage?: SwarmCoverage;
}

/** Statechart coverage of one part of a swarm; `complete` when that part's search completed. */
export interface SwarmCoverage {
  readonly complete: boolean;
  readonly machines: readonly SwarmMachineCoverage[];
}

/** File names inside a swarm folder. */
export const planFileName = 'plan.json';
export const prefixFingerprintFile = 'prefix.fp';
export const jobFileName = (index: number): string => `job-${index}.json`;
export const resultFileName = (index: number): string => `result-${index}.json`;
export const fingerprintFileName = (index: number): string => `result-${index}.fp`;
