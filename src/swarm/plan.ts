import type { Model } from '../core/model.ts';
import { Hasher } from '../core/hasher.ts';
import { splitvoteError } from '../core/errors.ts';
import type { PropertyVerdict } from '../core/result.ts';
import { explore } from '../explore/explore.ts';
import type { EngineMode } from '../explore/options.ts';
import { explorePrefix, StateSpace } from './prefix.ts';
import { fingerprintHex, ownerOf } from './fingerprintFile.ts';
import { swarmCoverage } from './coverage.ts';
import { JOB_KIND, PLAN_KIND, prefixFingerprintFile, type JobSearch, type JobSpec, type PlanFile, type StartState, type SwarmMode, type SwarmModelRequest, type SwarmVerdict } from './types.ts';

/** Settings of a swarm plan. Every default is in {@link PLAN_DEFAULTS}. */
export interface PlanOptions {
  readonly mode: SwarmMode;
  readonly jobs: number;
  readonly engine?: EngineMode;
  readonly symmetry?: boolean;
  readonly deadlock?: boolean;
  readonly coverage?: boolean;
  readonly stopOnViolation?: boolean;
  /** Per job: stop after this many distinct states (partition: unlimited by default). */
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  /** Partition: the frontier should hold at least this many states per job. */
  readonly frontierPerJob?: number;
  /** Partition: the deepest frontier the plan explores to. */
  readonly maxPrefixDepth?: number;
  /** Sample: strategies cycled over the jobs. */
  readonly strategies?: readonly ('dfs' | 'simulate')[];
  /** Sample: seed of job 0 (job K gets seed + K). */
  readonly seed?: number;
  /** Sample: the deepest depth bound (DFS jobs use it, half or a quarter of it, in turn). */
  readonly maxDepth?: number;
  /** Sample: random walks per simulation job, and steps per walk (default: `maxDepth`). */
  readonly runs?: number;
  readonly maxSteps?: number;
}

/** Plan defaults, in one place. */
export const PLAN_DEFAULTS = {
  engine: 'packed' as EngineMode,
  symmetry: true,
  deadlock: true,
  coverage: true,
  stopOnViolation: false,
  frontierPerJob: 16,
  maxPrefixDepth: 64,
  strategies: ['dfs', 'simulate'] as const,
  seed: 1,
  maxDepth: 100,
  sampleMaxStates: 200_000,
  runs: 1000,
} as const;

/** What a plan writes: the plan file, one spec per job, and (partition) the fingerprints of the levels the plan covered itself. */
export interface SwarmPlan {
  readonly plan: PlanFile;
  readonly jobs: readonly JobSpec[];
  readonly prefixFingerprints?: BigUint64Array;
}

/**
 * Plans a swarm over `model` (built from `request`). Partition: breadth-first to the
 * frontier depth (until a level holds `frontierPerJob` x `jobs` states, or
 * `maxPrefixDepth`), judges levels 0..d itself with `explore` (maxDepth d), and gives
 * each frontier state to job `fingerprint mod jobs`. Sample: per job a strategy, a seed, a
 * shuffled action order and a depth bound. Deterministic: same model and options, same
 * files. Throws SV202 for a bad option.
 */
export function planSwarm<TState, TAction>(model: Model<TState, TAction>, request: SwarmModelRequest, options: PlanOptions): SwarmPlan {
  const o = { ...PLAN_DEFAULTS, ...options };
  if (!Number.isSafeInteger(o.jobs) || o.jobs < 1) throw splitvoteError('SV202', `jobs must be a whole number >= 1, got ${String(o.jobs)}`);
  const properties = [...model.properties.map((p) => ({ name: p.name, kind: p.kind })), ...(o.deadlock ? [{ name: 'no deadlock', kind: 'deadlock' as const }] : [])];
  const common = { engine: o.engine, symmetry: o.symmetry, deadlock: o.deadlock, coverage: o.coverage, stopOnViolation: o.stopOnViolation };
  const limits = { ...(o.maxSeconds === undefined ? {} : { maxSeconds: o.maxSeconds }) };
  let searches: JobSearch[];
  let starts: (readonly StartState[] | undefined)[];
  let prefix: PlanFile['prefix'];
  let prefixFingerprints: BigUint64Array | undefined;
  if (o.mode === 'partition') {
    const space = new StateSpace(model, o);
    const found = explorePrefix(space, o.frontierPerJob * o.jobs, o.maxPrefixDepth);
    const judged = explore(model, { strategy: 'bfs', maxDepth: found.depth, por: false, engine: o.engine, symmetry: o.symmetry, deadlock: o.deadlock, graph: o.coverage ? 'auto' : 'never' });
    const coverage = judged.graph === undefined ? undefined : swarmCoverage(model, judged.graph, true);
    if (judged.stats.states !== found.fingerprints.length + found.frontier.length) {
      throw new Error(`the plan's prefix (${found.fingerprints.length} + ${found.frontier.length} states) and explore to depth ${found.depth} (${judged.stats.states}) disagree: the swarm does not fingerprint states as the explorer does`);
    }
    prefix = { depth: found.depth, states: found.fingerprints.length, frontier: found.frontier.length, exhausted: found.exhausted, fingerprintFile: prefixFingerprintFile, verdicts: judged.properties.map((v) => prefixVerdict(v, found.exhausted, found.depth)), ...(coverage === undefined ? {} : { coverage }) };
    prefixFingerprints = found.fingerprints;
    const buckets: StartState[][] = Array.from({ length: o.jobs }, () => []);
    for (const start of found.frontier) {
      const hex = start.fingerprint;
      buckets[ownerOf(parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8), 16), o.jobs)].push(start);
    }
    starts = buckets;
    searches = buckets.map(() => ({ strategy: 'bfs', ...common, ...limits, ...(o.maxStates === undefined ? {} : { maxStates: o.maxStates }) }));
  } else {
    starts = Array.from({ length: o.jobs }, () => undefined);
    searches = Array.from({ length: o.jobs }, (_, k) => sampleSearch(o, k, common, limits));
  }
  const id = planId({ mode: o.mode, jobs: o.jobs, request, properties, searches, starts, prefix });
  const plan: PlanFile = { schema: 1, kind: PLAN_KIND, id, mode: o.mode, jobs: o.jobs, model: request, properties, ...(prefix === undefined ? {} : { prefix }) };
  const jobs = searches.map((search, index): JobSpec => ({ schema: 1, kind: JOB_KIND, plan: id, mode: o.mode, index, jobs: o.jobs, model: request, search, ...(starts[index] === undefined ? {} : { start: starts[index] }) }));
  return { plan, jobs, ...(prefixFingerprints === undefined ? {} : { prefixFingerprints }) };
}

/** Job K of a sample plan: strategy K mod the list, seed + K, depth bound D, D/2 or D/4 in turn. */
function sampleSearch(o: PlanOptions & Pick<Required<PlanOptions>, 'strategies' | 'seed' | 'maxDepth' | 'runs'>, k: number, common: Omit<JobSearch, 'strategy'>, limits: Partial<JobSearch>): JobSearch {
  const strategy = o.strategies[k % o.strategies.length];
  const seed = o.seed + k;
  const depth = Math.max(1, Math.ceil(o.maxDepth / 2 ** (Math.floor(k / o.strategies.length) % 3)));
  if (strategy === 'simulate') return { strategy, ...common, ...limits, seed, runs: o.runs, maxSteps: o.maxSteps ?? depth, ...(o.maxStates === undefined ? {} : { maxStates: o.maxStates }) };
  return { strategy, ...common, ...limits, orderSeed: seed, maxDepth: depth, maxStates: o.maxStates ?? PLAN_DEFAULTS.sampleMaxStates };
}

/** A verdict of the plan's own search of levels 0..d, as the merge reads it. */
function prefixVerdict(v: PropertyVerdict, exhausted: boolean, depth: number): SwarmVerdict {
  const base = { name: v.name, kind: v.kind };
  if (v.trace !== undefined && (v.status === 'violated' || v.status === 'witnessed')) {
    return { ...base, status: v.status, trace: { init: v.trace.init, path: [...v.trace.path] } };
  }
  if (exhausted && v.status !== 'unknown') return { ...base, status: v.status };
  return { ...base, status: 'unknown', note: `not found within the prefix (depth <= ${depth}${v.kind === 'deadlock' ? ', deadlocks below ' + depth : ''})` };
}

/** A short content id of a plan (16 hex digits): results of another plan are refused. */
function planId(content: unknown): string {
  const h = new Hasher().reset();
  h.str(JSON.stringify(content));
  h.finish();
  return fingerprintHex(h.hi, h.lo);
}
