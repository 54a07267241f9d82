import type { Model } from '../core/model.ts';
import { splitvoteError } from '../core/errors.ts';
import type { PropertyVerdict } from '../core/result.ts';
import { explore, type Exploration } from '../explore/explore.ts';
import type { ExploreOptions } from '../explore/options.ts';
import { replay } from '../explore/replay.ts';
import { judgeTrace } from '../suite/judgeTrace.ts';
import { fingerprintHex } from './fingerprintFile.ts';
import { globalPath, startFrom } from './frontierModel.ts';
import { StateSpace } from './prefix.ts';
import { shuffled } from './shuffledModel.ts';
import { swarmCoverage } from './coverage.ts';
import { RESULT_KIND, type JobSpec, type ResultFile, type SwarmPath, type SwarmVerdict } from './types.ts';

/** What one job produced: its result, and (partition) its visited fingerprints, sorted. */
export interface JobOutcome {
  readonly result: ResultFile;
  readonly fingerprints?: BigUint64Array;
}

/**
 * Runs one job of a swarm on `model` (built from the job's model request) and returns its
 * result. Partition: replays every start path, checks that it reaches the state the plan
 * fingerprinted (SV402 when not: this is not the model the plan explored), then explores
 * breadth-first from those states with its own visited set. Sample: a DFS of the model with
 * the job's shuffled action order, or seeded random walks. Every trace is turned into a
 * path from the model's own initial states and re-judged on the model itself, so a merged
 * counterexample is real whatever the job did. `eventually`/`recoverable` are not judged
 * by a job (it sees part of the graph). Deterministic apart from `stats.seconds`.
 */
export function runJob<TState, TAction>(model: Model<TState, TAction>, job: JobSpec): JobOutcome {
  const s = job.search;
  const base: ExploreOptions = {
    // Partial-order reduction is off: partitions count every state (their union must be the
    // whole space) and their traces must be shortest; sampled orders are the job's own.
    por: false,
    engine: s.engine,
    symmetry: s.symmetry,
    deadlock: s.deadlock,
    stopOnViolation: s.stopOnViolation,
    graph: s.coverage && s.strategy !== 'simulate' ? 'auto' : 'never',
    ...(s.maxStates === undefined ? {} : { maxStates: s.maxStates }),
    ...(s.maxSeconds === undefined ? {} : { maxSeconds: s.maxSeconds }),
  };
  let explored: Exploration<TState, TAction> | undefined;
  let searched: Model<TState, TAction> = model;
  let toGlobal: (init: number, path: readonly number[]) => SwarmPath = (init, path) => ({ init, path: [...path] });
  if (job.mode === 'partition') {
    const starts = job.start ?? [];
    checkStarts(model, job);
    if (starts.length > 0) {
      searched = startFrom(model, starts);
      explored = explore(searched, { ...base, strategy: 'bfs', fingerprints: true });
      toGlobal = (init, path) => globalPath(starts, init, path);
    }
  } else if (s.strategy === 'simulate') {
    explored = explore(model, { ...base, strategy: 'simulate', seed: s.seed, runs: s.runs, maxSteps: s.maxSteps });
  } else {
    const order = s.orderSeed === undefined ? undefined : shuffled(model, s.orderSeed);
    searched = order?.model ?? model;
    explored = explore(searched, { ...base, strategy: s.strategy, ...(s.maxDepth === undefined ? {} : { maxDepth: s.maxDepth }) });
    if (order !== undefined) toGlobal = (init, path) => ({ init, path: order.originalPath(init, path) });
  }
  const verdicts = explored === undefined ? emptyVerdicts(model, job) : explored.properties.map((v) => jobVerdict(model, v, toGlobal));
  const coverage = explored?.graph === undefined ? undefined : swarmCoverage(searched, explored.graph, explored.complete);
  const stats = explored?.stats;
  const result: ResultFile = {
    ...resultHead(job),
    outcome: 'ran',
    complete: explored === undefined ? true : explored.complete,
    stopReason: explored === undefined ? null : explored.stopReason,
    stats: { states: stats?.states ?? 0, transitions: stats?.transitions ?? 0, depth: stats?.depth ?? 0, seconds: stats?.seconds ?? 0, deadlocks: stats?.deadlocks ?? 0, boundaryHits: stats?.boundaryHits ?? 0 },
    verdicts,
    ...(coverage === undefined ? {} : { coverage }),
  };
  const fingerprints = job.mode === 'partition' ? (explored?.fingerprints ?? new BigUint64Array(0)) : undefined;
  return fingerprints === undefined ? { result } : { result, fingerprints };
}

/** The result of a job that could not run: `error` says why, so the merge can name it. */
export function failedJobResult(job: JobSpec, error: unknown): ResultFile {
  return {
    ...resultHead(job),
    outcome: 'failed',
    error: (error instanceof Error ? error.message : String(error)) || 'unknown error',
    complete: false,
    stopReason: null,
    stats: { states: 0, transitions: 0, depth: 0, seconds: 0, deadlocks: 0, boundaryHits: 0 },
    verdicts: [],
  };
}

function resultHead(job: JobSpec): Pick<ResultFile, 'schema' | 'kind' | 'plan' | 'index' | 'mode' | 'strategy'> {
  return { schema: 1, kind: RESULT_KIND, plan: job.plan, index: job.index, mode: job.mode, strategy: job.search.strategy };
}

/** Replays every start path and compares the state's fingerprint with the plan's. */
function checkStarts<TState, TAction>(model: Model<TState, TAction>, job: JobSpec): void {
  const space = new StateSpace(model, job.search);
  (job.start ?? []).forEach((start, i) => {
    let got: string;
    try {
      got = fingerprintHex(...space.fingerprint(space.walk(start)));
    } catch (error) {
      throw splitvoteError('SV402', `job ${job.index}: start[${i}] does not replay on this model (${(error as Error).message}); the job was planned for another model, version or catalog`);
    }
    if (got !== start.fingerprint) {
      throw splitvoteError('SV402', `job ${job.index}: start[${i}] reaches a state with fingerprint ${got}, the plan recorded ${start.fingerprint}; the job was planned for another model, version or catalog`);
    }
  });
}

/** A job verdict with its trace as a path of the model, confirmed by replaying it on the model. */
function jobVerdict<TState, TAction>(model: Model<TState, TAction>, v: PropertyVerdict<TState, TAction>, toGlobal: (init: number, path: readonly number[]) => SwarmPath): SwarmVerdict {
  const base = { name: v.name, kind: v.kind };
  if (v.kind === 'eventually' || v.kind === 'recoverable') return { ...base, status: 'unknown', note: 'not judged by a swarm job: it sees only part of the state graph' };
  if (v.trace === undefined || (v.status !== 'violated' && v.status !== 'witnessed')) return { ...base, status: v.status, ...(v.note === undefined ? {} : { note: v.note }) };
  const trace = toGlobal(v.trace.init, v.trace.path);
  const judged = judgeTrace(model, replay(model, trace.init, trace.path), v.name, v.kind);
  if (judged.status !== v.status) {
    throw splitvoteError('SV201', `the trace of "${v.name}" found by the job does not replay to a ${v.status} state on the model (${judged.note})`);
  }
  return { ...base, status: v.status, trace };
}

/** The verdicts of a partition job with no frontier state: over the empty set, every invariant holds and nothing is witnessed. */
function emptyVerdicts<TState, TAction>(model: Model<TState, TAction>, job: JobSpec): SwarmVerdict[] {
  const out: SwarmVerdict[] = model.properties.map((p) =>
    p.kind === 'always' ? { name: p.name, kind: p.kind, status: 'holds' } : p.kind === 'sometimes' ? { name: p.name, kind: p.kind, status: 'not-witnessed' } : { name: p.name, kind: p.kind, status: 'unknown', note: 'not judged by a swarm job' },
  );
  if (job.search.deadlock) out.push({ name: 'no deadlock', kind: 'deadlock', status: 'holds' });
  return out;
}
