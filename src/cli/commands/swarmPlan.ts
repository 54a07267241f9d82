import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitvoteError } from '../../core/errors.ts';
import type { EngineMode } from '../../explore/options.ts';
import { encodeFingerprints } from '../../swarm/fingerprintFile.ts';
import { planSwarm } from '../../swarm/plan.ts';
import { jobFileName, planFileName, type SwarmMode } from '../../swarm/types.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { writeFileAtomic } from '../writeFileAtomic.ts';

/** The flags of `splitvote swarm plan`, as commander parsed them. */
export interface SwarmPlanFlags {
  preset?: string;
  variant?: string[];
  jobs: number;
  out: string;
  mode: SwarmMode;
  engine: EngineMode;
  symmetry?: boolean;
  deadlock: boolean;
  coverage: boolean;
  stopOnViolation?: boolean;
  maxStates?: number;
  maxSeconds?: number;
  frontierPerJob?: number;
  maxPrefixDepth?: number;
  strategies?: string[];
  seed?: number;
  maxDepth?: number;
  runs?: number;
  maxSteps?: number;
  catalog?: string;
}

/**
 * `splitvote swarm plan <model>`: builds the model, plans the swarm and writes the job
 * files, the prefix fingerprints (partition) and, last, `plan.json` into `--out DIR`
 * (created when missing), each atomically. Prints one line per file kind and the command
 * each job runs. Returns 0; input errors throw (exit code 2).
 */
export async function swarmPlanCommand(name: string, flags: SwarmPlanFlags, io: Io): Promise<number> {
  const strategies = flags.strategies ?? ['dfs', 'simulate'];
  const bad = strategies.find((s) => s !== 'dfs' && s !== 'simulate');
  if (bad !== undefined) throw splitvoteError('SV401', `--strategies: "${bad}" is not a sample strategy; allowed: dfs, simulate`);
  const dir = resolve(io.cwd, flags.out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw splitvoteError('SV401', `--out ${flags.out}: not a folder`);
  const { entry, request, model } = await loadModel(io, { catalog: flags.catalog, name, preset: flags.preset, variants: flags.variant });
  const swarm = planSwarm(model, { name: entry.name, preset: request.preset, variants: [...request.variants] }, {
    mode: flags.mode,
    jobs: flags.jobs,
    engine: flags.engine,
    symmetry: flags.symmetry !== false,
    deadlock: flags.deadlock,
    coverage: flags.coverage,
    stopOnViolation: flags.stopOnViolation === true,
    strategies: strategies as ('dfs' | 'simulate')[],
    ...pick(flags, ['maxStates', 'maxSeconds', 'frontierPerJob', 'maxPrefixDepth', 'seed', 'maxDepth', 'runs', 'maxSteps']),
  });
  mkdirSync(dir, { recursive: true });
  for (const job of swarm.jobs) writeFileAtomic(join(dir, jobFileName(job.index)), `${JSON.stringify(job, null, 1)}\n`, '--out', io.cwd);
  if (swarm.prefixFingerprints !== undefined && swarm.plan.prefix !== undefined) {
    writeFileAtomic(join(dir, swarm.plan.prefix.fingerprintFile), encodeFingerprints(swarm.prefixFingerprints), '--out', io.cwd);
  }
  writeFileAtomic(join(dir, planFileName), `${JSON.stringify(swarm.plan, null, 1)}\n`, '--out', io.cwd);
  const { plan } = swarm;
  io.out(`Planned ${plan.jobs} ${plan.mode} job${plan.jobs === 1 ? '' : 's'} for ${entry.name} --preset ${request.preset}${request.variants.length > 0 ? ` --variant ${request.variants.join(',')}` : ''} in ${flags.out} (plan ${plan.id})\n`);
  if (plan.prefix !== undefined) {
    const p = plan.prefix;
    io.out(p.exhausted ? `  the whole space (${p.states} states) lies within depth ${p.depth - 1}: the plan covered it; jobs have nothing to explore\n` : `  prefix: ${p.states} states below depth ${p.depth}, ${p.frontier} frontier states at depth ${p.depth}, ${swarm.jobs.map((j) => j.start?.length ?? 0).join('/')} per job\n`);
  }
  io.out(`Run each job (K = 0..${plan.jobs - 1}, e.g. a CI matrix index or JOB_COMPLETION_INDEX):\n  splitvote swarm run --plan ${flags.out} --job K\nthen: splitvote swarm merge ${flags.out}\n`);
  return 0;
}

function pick<T extends object, K extends keyof T>(flags: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (flags[key] !== undefined) out[key] = flags[key];
  return out;
}
