import { formatCount, formatVerdictLine, isFailure } from '../report/formatResult.ts';
import { formatSwarmCoverage } from './coverage.ts';
import type { MergedResult, MergedVerdict } from './merge.ts';
import type { ResultFile } from './types.ts';

/** What the text report needs from outside: the trace of a verdict drawn as steps (needs the model). */
export interface FormatMergeOptions {
  readonly formatTrace?: (verdict: MergedVerdict) => string;
  /** The jobs' results, for the per-job lines. */
  readonly results?: readonly (ResultFile | undefined)[];
}

/**
 * The merged swarm result as text: what was checked and how, the statement of what is
 * exhaustive and what is sampled, states, one line per job, the verdicts, counterexamples
 * and coverage. No durations. Pure.
 */
export function formatMerge(merged: MergedResult, options: FormatMergeOptions = {}): string {
  const { plan } = merged;
  const variants = plan.model.variants.length === 0 ? '' : ` --variant ${plan.model.variants.join(',')}`;
  const lines = [`Swarm result: ${plan.model.name} --preset ${plan.model.preset}${variants}, ${plan.mode} mode, ${plan.jobs} job${plan.jobs === 1 ? '' : 's'} (plan ${plan.id})`];
  for (const sentence of merged.statement) lines.push(`  ${sentence}`);
  const { distinct, sum } = merged.states;
  if (distinct !== undefined) lines.push(`States: ${formatCount(distinct)} distinct (exact, from the fingerprint files); ${formatCount(sum)} summed over the plan and the jobs (a state counts once per part that saw it)`);
  else lines.push(`States: ${formatCount(sum)} summed over the ${plan.mode === 'partition' ? 'plan and the ' : ''}jobs (a state counts once per part that saw it; ${plan.mode === 'partition' ? 'no exact count: fingerprint files are missing' : 'sampled runs keep no fingerprint files'})`);
  if (options.results !== undefined) {
    lines.push('Jobs');
    options.results.forEach((r, k) => {
      if (r === undefined) lines.push(`  job ${k}: no result`);
      else if (r.outcome === 'failed') lines.push(`  job ${k}: failed: ${r.error ?? ''}`);
      else lines.push(`  job ${k} (${r.strategy}): ${formatCount(r.stats.states)} states, ${formatCount(r.stats.transitions)} transitions, depth ${r.stats.depth}, ${r.complete ? 'complete' : `stopped (${r.stopReason})`}`);
    });
  }
  lines.push('', 'Properties');
  for (const v of merged.verdicts) lines.push(`  ${formatVerdictLine({ ...v, ...(v.foundBy === undefined ? {} : { note: `found by ${v.foundBy}, ${v.trace!.path.length} steps` }) })}`);
  for (const v of merged.verdicts) {
    if (v.trace === undefined || !isFailure(v.status) || options.formatTrace === undefined) continue;
    lines.push('', `Counterexample to "${v.name}" (found by ${v.foundBy}; trace from the model's initial state ${v.trace.init}, path ${v.trace.path.join(' ')})`, options.formatTrace(v));
  }
  if (merged.coverage !== undefined) {
    lines.push('', `Statechart coverage (union of jobs ${merged.coverageJobs.join(', ')}${merged.coverageJobs.length < plan.jobs ? '; the other jobs kept no state graph' : ''}${plan.prefix?.coverage !== undefined ? ' and the plan\'s prefix' : ''}${merged.coverage.complete ? '' : '; partial: not every part of the space was covered'}):`);
    lines.push(...formatSwarmCoverage(merged.coverage));
  }
  return lines.join('\n');
}

/** The exit code of a merge: 1 when a property failed or a job is missing or failed, else 0. Pure. */
export function mergeExitCode(merged: MergedResult): number {
  return merged.verdicts.some((v) => isFailure(v.status)) || merged.missing.length > 0 || merged.failed.length > 0 ? 1 : 0;
}
