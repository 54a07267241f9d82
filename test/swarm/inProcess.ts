import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyModel } from '../../src/index.ts';
import { countDistinct, encodeFingerprints } from '../../src/swarm/fingerprintFile.ts';
import { mergeSwarm, type MergedResult } from '../../src/swarm/merge.ts';
import { planSwarm, type PlanOptions } from '../../src/swarm/plan.ts';
import { runJob } from '../../src/swarm/run.ts';
import type { ResultFile } from '../../src/swarm/types.ts';

/**
 * Plans a swarm, runs every job in this process and merges, with the fingerprint files
 * written to a scratch folder (removed afterwards). `skip` lists jobs to leave out, as if
 * they never reported.
 */
export function swarmInProcess(model: AnyModel, options: PlanOptions, skip: readonly number[] = []): { merged: MergedResult; results: (ResultFile | undefined)[] } {
  const dir = mkdtempSync(join(tmpdir(), 'splitvote-swarm-'));
  try {
    const swarm = planSwarm(model, { name: model.name, preset: 'test', variants: [] }, options);
    const files: string[] = [];
    if (swarm.prefixFingerprints !== undefined) {
      files.push(join(dir, 'prefix.fp'));
      writeFileSync(files[0], encodeFingerprints(swarm.prefixFingerprints));
    }
    const results = swarm.jobs.map((job) => {
      if (skip.includes(job.index)) return undefined;
      const { result, fingerprints } = runJob(model, job);
      if (fingerprints !== undefined) {
        files.push(join(dir, `result-${job.index}.fp`));
        writeFileSync(files[files.length - 1], encodeFingerprints(fingerprints));
      }
      return result;
    });
    const distinct = options.mode === 'partition' && skip.length === 0 ? countDistinct(files) : undefined;
    return { merged: mergeSwarm(swarm.plan, results, distinct), results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
