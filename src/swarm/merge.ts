import type { PropertyStatus } from '../core/result.ts';
import { unionCoverage } from './coverage.ts';
import type { PlanFile, ResultFile, SwarmCoverage, SwarmPath, SwarmVerdict } from './types.ts';

/** A merged verdict: the verdict, and which part of the swarm found its trace (`plan` or `job K`). */
export interface MergedVerdict extends SwarmVerdict {
  readonly foundBy?: string;
}

/** The swarm's one result. */
export interface MergedResult {
  readonly plan: PlanFile;
  /** Jobs without a result file. */
  readonly missing: readonly number[];
  /** Jobs whose run failed, with the reason. */
  readonly failed: readonly { readonly index: number; readonly error: string }[];
  /** Jobs that ran but stopped at a limit, with the limit. */
  readonly stopped: readonly { readonly index: number; readonly stopReason: string }[];
  /** Partition mode with every job complete: safety verdicts are exhaustive. */
  readonly exhaustive: boolean;
  readonly states: {
    /** Partition with every fingerprint file present: distinct states of the whole space (exact). */
    readonly distinct?: number;
    /** Sum of the jobs' states (and the plan's prefix); counts a state once per job that saw it. */
    readonly sum: number;
  };
  readonly verdicts: readonly MergedVerdict[];
  readonly coverage?: SwarmCoverage;
  /** Coverage came from these jobs only (the others kept no graph). */
  readonly coverageJobs: readonly number[];
  /** Plain sentences: what is exhaustive, what is sampled, what is missing. */
  readonly statement: readonly string[];
}

/**
 * Combines a plan and the result files of its jobs (`results[k]` for job k, undefined when
 * missing) into one result. Violations and witnesses are united, keeping the shortest
 * trace per property (ties: the plan, then the lowest job). A safety property (`always`,
 * `sometimes`, deadlock) gets an exhaustive verdict only in partition mode with every job
 * complete; otherwise a property without a trace is `unknown`, with the reason.
 * `eventually`/`recoverable` are always `unknown` (no part sees the whole graph). `distinct`
 * is the exact distinct-state count (from the fingerprint files), when the caller has it.
 * Pure.
 */
export function mergeSwarm(plan: PlanFile, results: readonly (ResultFile | undefined)[], distinct?: number): MergedResult {
  const missing: number[] = [];
  const failed: { index: number; error: string }[] = [];
  const stopped: { index: number; stopReason: string }[] = [];
  const ran: ResultFile[] = [];
  for (let k = 0; k < plan.jobs; k++) {
    const r = results[k];
    if (r === undefined) missing.push(k);
    else if (r.outcome === 'failed') failed.push({ index: k, error: r.error ?? 'no reason given' });
    else {
      ran.push(r);
      if (!r.complete) stopped.push({ index: k, stopReason: r.stopReason ?? 'unknown' });
    }
  }
  const allRan = missing.length === 0 && failed.length === 0;
  const exhaustive = plan.mode === 'partition' && allRan && stopped.length === 0;
  const parts: { source: string; verdicts: readonly SwarmVerdict[] }[] = [
    ...(plan.prefix === undefined ? [] : [{ source: 'plan', verdicts: plan.prefix.verdicts }]),
    ...ran.map((r) => ({ source: `job ${r.index}`, verdicts: r.verdicts })),
  ];
  const why = reasonUnproven(plan, missing, failed, stopped);
  const verdicts = plan.properties.map((p): MergedVerdict => {
    const base = { name: p.name, kind: p.kind };
    if (p.kind === 'eventually' || p.kind === 'recoverable') {
      return { ...base, status: 'unknown', note: plan.mode === 'partition' ? `a ${p.kind} property cannot be decided from a partition: each job sees only the states reachable from its frontier states, and no part sees the paths through the prefix; run \`splitvote check\` for it` : 'sampled: liveness is not judged by swarm jobs' };
    }
    const goal: PropertyStatus = p.kind === 'sometimes' ? 'witnessed' : 'violated';
    let best: { trace: SwarmPath; source: string } | undefined;
    for (const part of parts) {
      const v = part.verdicts.find((x) => x.name === p.name && x.kind === p.kind);
      if (v?.status !== goal || v.trace === undefined) continue;
      if (best === undefined || v.trace.path.length < best.trace.path.length) best = { trace: v.trace, source: part.source };
    }
    if (best !== undefined) return { ...base, status: goal, trace: best.trace, foundBy: best.source };
    const proof = plan.mode === 'sample' ? ran.find((r) => r.complete) : undefined;
    if (proof !== undefined) {
      const v = proof.verdicts.find((x) => x.name === p.name && x.kind === p.kind);
      if (v !== undefined && v.status !== 'unknown') return { ...base, status: v.status, note: `job ${proof.index} completed its search: it explored the whole reachable space` };
    }
    if (plan.prefix?.exhausted === true) return { ...base, status: p.kind === 'sometimes' ? 'not-witnessed' : 'holds', note: 'the plan explored the whole space itself' };
    if (exhaustive) return { ...base, status: p.kind === 'sometimes' ? 'not-witnessed' : 'holds' };
    return { ...base, status: 'unknown', note: why };
  });
  const withCoverage = ran.filter((r) => r.coverage !== undefined);
  const prefixCoverage = plan.prefix?.coverage === undefined ? [] : [plan.prefix.coverage];
  const united = unionCoverage([...prefixCoverage, ...withCoverage.map((r) => r.coverage!)]);
  // Coverage is complete when the parts it came from cover the whole space.
  const coverage = united === undefined ? undefined : { ...united, complete: (exhaustive && withCoverage.length === plan.jobs && prefixCoverage.length === 1) || plan.prefix?.exhausted === true };
  const sum = ran.reduce((n, r) => n + r.stats.states, plan.prefix?.states ?? 0);
  return {
    plan,
    missing,
    failed,
    stopped,
    exhaustive,
    states: { ...(distinct === undefined ? {} : { distinct }), sum },
    verdicts,
    ...(coverage === undefined ? {} : { coverage }),
    coverageJobs: withCoverage.map((r) => r.index),
    statement: statement(plan, exhaustive, missing, failed, stopped),
  };
}

function reasonUnproven(plan: PlanFile, missing: readonly number[], failed: readonly { index: number }[], stopped: readonly { index: number; stopReason: string }[]): string {
  if (plan.mode === 'sample') return 'sampled: not found by any job, which proves nothing';
  const gaps = [...(missing.length > 0 ? [`no result from job${plural(missing)} ${missing.join(', ')}`] : []), ...(failed.length > 0 ? [`job${plural(failed)} ${failed.map((f) => f.index).join(', ')} failed`] : []), ...stopped.map((s) => `job ${s.index} stopped (${s.stopReason})`)];
  return `not found, but the partition is incomplete: ${gaps.join('; ')}`;
}

function statement(plan: PlanFile, exhaustive: boolean, missing: readonly number[], failed: readonly { index: number; error: string }[], stopped: readonly { index: number; stopReason: string }[]): string[] {
  const lines: string[] = [];
  const prefix = plan.prefix;
  if (plan.mode === 'partition' && prefix !== undefined) {
    lines.push(`Partition of the state space: the plan explored levels 0..${prefix.depth} breadth-first itself and gave the ${prefix.frontier} state(s) at depth ${prefix.depth} to ${plan.jobs} job(s) by fingerprint mod ${plan.jobs}; each job explored everything reachable from its states.`);
    if (prefix.exhausted) lines.push('Exhaustive: the whole reachable space lies within the prefix, which the plan explored itself.');
    else if (exhaustive) lines.push('Exhaustive: every job completed, so invariants, witnesses and deadlocks were judged on every reachable state within the model\'s bounds; the distinct-state count is exact (k-way merge of the fingerprint files).');
    else lines.push('Not exhaustive: the partition is incomplete, so a property without a counterexample is unknown.');
    lines.push('Not decided: eventually/recoverable properties (no part of a partition sees the whole state graph).');
  } else {
    lines.push(`Sampled (swarm verification): ${plan.jobs} diversified bounded search(es); every counterexample is real (replayed on the model); a property without one is unproven unless a job completed its search.`);
  }
  for (const k of missing) lines.push(`Missing: job ${k} wrote no result.`);
  for (const f of failed) lines.push(`Failed: job ${f.index}: ${f.error}`);
  if (plan.mode === 'partition') for (const s of stopped) lines.push(`Stopped: job ${s.index} hit a limit (${s.stopReason}) before covering its part.`);
  else if (stopped.length < plan.jobs - missing.length - failed.length) {
    lines.push('A sampled job completed its search (no limit reached): it explored the whole reachable space, so its verdicts are exhaustive.');
  }
  return lines;
}

const plural = (list: readonly unknown[]): string => (list.length === 1 ? '' : 's');
