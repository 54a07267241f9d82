import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitvoteError } from '../../core/errors.ts';
import { replay } from '../../explore/replay.ts';
import { formatTrace, stateView } from '../../report/formatTrace.ts';
import { countDistinct } from '../../swarm/fingerprintFile.ts';
import { formatMerge, mergeExitCode } from '../../swarm/format.ts';
import { mergeSwarm, type MergedVerdict } from '../../swarm/merge.ts';
import { parsePlanFile, parseResultFile } from '../../swarm/read.ts';
import { planFileName, resultFileName, type PlanFile, type ResultFile } from '../../swarm/types.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';

/** The flags of `splitvote swarm merge`. */
export interface SwarmMergeFlags {
  json?: boolean;
  catalog?: string;
}

/**
 * `splitvote swarm merge DIR`: reads the plan and every job's result, refuses results of
 * another plan (SV402), counts distinct states exactly from the fingerprint files
 * (partition, when all are there), prints the merged result (text with the
 * counterexamples replayed on the model, or `--json`) and returns 0 when every property
 * met its expectation and every job ran, 1 when a property failed or a job is missing or
 * failed; input errors throw (exit code 2).
 */
export async function swarmMergeCommand(folder: string, flags: SwarmMergeFlags, io: Io): Promise<number> {
  const dir = resolve(io.cwd, folder);
  const planPath = join(dir, planFileName);
  if (!existsSync(planPath)) throw splitvoteError('SV401', `${folder}: no ${planFileName}; pass the --out folder of \`splitvote swarm plan\``);
  const plan = parsePlanFile(readFileSync(planPath, 'utf8'), planPath);
  const results = Array.from({ length: plan.jobs }, (_, k) => readResult(dir, plan, k));
  const distinct = plan.mode === 'partition' ? distinctStates(dir, plan, results) : undefined;
  const merged = mergeSwarm(plan, results, distinct);
  if (flags.json === true) {
    const { plan: p, ...rest } = merged;
    io.out(`${JSON.stringify({ schema: 1, kind: 'splitvote-swarm-merge', plan: p.id, mode: p.mode, jobs: p.jobs, model: p.model, ...rest }, null, 2)}\n`);
  } else {
    const { model } = await loadModel(io, { catalog: flags.catalog, name: plan.model.name, preset: plan.model.preset, variants: plan.model.variants, via: { preset: `field "model.preset" of ${planPath}`, variants: `field "model.variants" of ${planPath}` } });
    const view = stateView(model);
    const trace = (v: MergedVerdict): string => formatTrace(replay(model, v.trace!.init, v.trace!.path), { view });
    io.out(`${formatMerge(merged, { formatTrace: trace, results })}\n`);
  }
  return mergeExitCode(merged);
}

function readResult(dir: string, plan: PlanFile, k: number): ResultFile | undefined {
  const path = join(dir, resultFileName(k));
  if (!existsSync(path)) return undefined;
  const result = parseResultFile(readFileSync(path, 'utf8'), path);
  if (result.plan !== plan.id) throw splitvoteError('SV402', `${path} belongs to plan ${result.plan}, not to this plan ${plan.id} (a result of an older plan?); rerun job ${k} or remove the file`);
  if (result.index !== k || result.mode !== plan.mode) throw splitvoteError('SV402', `${path}: field "index"/"mode" says job ${result.index} (${result.mode}), expected job ${k} (${plan.mode})`);
  return result;
}

/** The exact distinct-state count of a partition, or undefined when some fingerprint file is missing. */
function distinctStates(dir: string, plan: PlanFile, results: readonly (ResultFile | undefined)[]): number | undefined {
  const files = [join(dir, plan.prefix!.fingerprintFile)];
  for (const r of results) {
    if (r?.fingerprints === undefined) return undefined;
    files.push(join(dir, r.fingerprints.file));
  }
  if (!files.every((f) => existsSync(f))) return undefined;
  return countDistinct(files);
}
