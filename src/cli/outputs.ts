import type { AnyModel } from '../core/model.ts';
import type { PropertyVerdict } from '../core/result.ts';
import { stateView } from '../report/formatTrace.ts';
import { toItf } from '../report/itf.ts';
import { formatReplayFile, REPLAY_FILE_KIND, type ReplayFile } from '../report/replayFile.ts';
import type { ModelRequest } from '../suite/types.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/** Where to save a counterexample: `--save-trace FILE` (replay file) and `--itf FILE`. */
export interface TraceTargets {
  readonly saveTrace?: string;
  readonly itf?: string;
  /** The folder relative paths are taken from. */
  readonly cwd: string;
}

/** The model a trace came from: its catalog name (what `replay` looks up), the model and its request. */
export interface TraceSource {
  readonly name: string;
  readonly model: AnyModel;
  readonly request: ModelRequest;
}

/**
 * Writes a verdict's trace as a replay file and/or ITF JSON, each atomically. Throws SV401
 * naming the flag when a file cannot be written. `verdict.trace` must be set.
 */
export function writeTraceFiles(targets: TraceTargets, source: TraceSource, verdict: PropertyVerdict): void {
  const { name, model, request } = source;
  const trace = verdict.trace!;
  if (targets.saveTrace !== undefined) {
    const file: ReplayFile = {
      schema: 1,
      kind: REPLAY_FILE_KIND,
      model: name,
      preset: request.preset,
      variants: [...request.variants],
      ...(request.constants === undefined || Object.keys(request.constants).length === 0 ? {} : { constants: { ...request.constants } }),
      property: verdict.name,
      init: trace.init,
      path: [...trace.path],
      propertyKind: verdict.kind,
      ...(trace.loopsTo === undefined ? {} : { loopsTo: trace.loopsTo }),
    };
    writeFileAtomic(targets.saveTrace, formatReplayFile(file), '--save-trace', targets.cwd);
  }
  if (targets.itf !== undefined) {
    const itf = toItf(trace, {
      view: stateView(model),
      source: name,
      description: `${verdict.status === 'violated' ? 'counterexample to' : 'witness of'} "${verdict.name}"`,
      meta: { preset: request.preset, variants: [...request.variants], property: verdict.name, init: trace.init, path: [...trace.path] },
    });
    writeFileAtomic(targets.itf, `${JSON.stringify(itf, null, 1)}\n`, '--itf', targets.cwd);
  }
}
