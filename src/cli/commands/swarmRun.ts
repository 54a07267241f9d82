import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isInputError, splitvoteError } from '../../core/errors.ts';
import { encodeFingerprints } from '../../swarm/fingerprintFile.ts';
import { parseJobSpec } from '../../swarm/read.ts';
import { failedJobResult, runJob } from '../../swarm/run.ts';
import { fingerprintFileName, jobFileName, resultFileName, type ResultFile } from '../../swarm/types.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { assertWritable, writeFileAtomic } from '../writeFileAtomic.ts';

/** The flags of `splitvote swarm run`. */
export interface SwarmRunFlags {
  job: string;
  plan?: string;
  out?: string;
  catalog?: string;
}

/**
 * `splitvote swarm run --job FILE` or `--plan DIR --job K`: runs one job and writes
 * `result-K.json` (and, partition, `result-K.fp`) into `--out DIR` (default: the job
 * file's folder), each atomically, the fingerprint file first. A job that cannot run
 * still writes a result saying why (outcome `failed`), so the merge names it. Returns 0
 * when the result was written (the verdict belongs to the merge), 2 when the job could not
 * run; a bad job file throws (exit code 2).
 */
export async function swarmRunCommand(flags: SwarmRunFlags, io: Io): Promise<number> {
  const file = jobFile(flags, io);
  if (!existsSync(file)) throw splitvoteError('SV401', `--job: no job file ${file}; \`splitvote swarm plan\` writes job-K.json files`);
  const job = parseJobSpec(readFileSync(file, 'utf8'), file);
  const out = flags.out === undefined ? dirname(file) : resolve(io.cwd, flags.out);
  assertWritable(join(out, 'x'), '--out', io.cwd);
  const target = join(out, resultFileName(job.index));
  const shown = relative(io.cwd, target).startsWith('..') || isAbsolute(relative(io.cwd, target)) ? target : relative(io.cwd, target);
  try {
    const { model } = await loadModel(io, { catalog: flags.catalog, name: job.model.name, preset: job.model.preset, variants: job.model.variants, via: { preset: `field "model.preset" of ${file}`, variants: `field "model.variants" of ${file}` } });
    const { result, fingerprints } = runJob(model, job);
    let written: ResultFile = result;
    if (fingerprints !== undefined) {
      const name = fingerprintFileName(job.index);
      writeFileAtomic(join(out, name), encodeFingerprints(fingerprints), '--out', io.cwd);
      written = { ...result, fingerprints: { file: name, count: fingerprints.length } };
    }
    writeFileAtomic(target, `${JSON.stringify(written, null, 1)}\n`, '--out', io.cwd);
    const violated = result.verdicts.filter((v) => v.status === 'violated').map((v) => v.name);
    io.out(`job ${job.index}/${job.jobs}: ${result.stats.states} states, ${result.complete ? 'complete' : `stopped (${result.stopReason})`}${violated.length > 0 ? `, violated: ${violated.join('; ')}` : ''}; wrote ${shown}\n`);
    return 0;
  } catch (error) {
    writeFileAtomic(target, `${JSON.stringify(failedJobResult(job, error), null, 1)}\n`, '--out', io.cwd);
    if (isInputError(error)) throw error;
    io.err(`error: job ${job.index} failed: ${(error as Error).message}; wrote ${shown}\n`);
    return 2;
  }
}

function jobFile(flags: SwarmRunFlags, io: Io): string {
  if (flags.plan === undefined) return resolve(io.cwd, flags.job);
  const k = Number(flags.job);
  if (!/^\d+$/.test(flags.job) || !Number.isSafeInteger(k)) throw splitvoteError('SV401', `--job ${JSON.stringify(flags.job)}: with --plan, --job is a job number (0, 1, ...), like a CI matrix index or JOB_COMPLETION_INDEX`);
  return join(resolve(io.cwd, flags.plan), jobFileName(k));
}
