import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SplitvoteError, splitvoteError } from '../../core/errors.ts';
import type { AnyModel } from '../../core/model.ts';
import type { Trace } from '../../core/result.ts';
import { replay } from '../../explore/replay.ts';
import { formatVerdictLine, isFailure } from '../../report/formatResult.ts';
import { formatTrace, stateView } from '../../report/formatTrace.ts';
import { traceToJson } from '../../report/json.ts';
import { parseReplayFile, type ReplayFile } from '../../report/replayFile.ts';
import { judgeTrace } from '../../suite/judgeTrace.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { writeTraceFiles } from '../outputs.ts';

/** The flags of `splitvote replay`. */
export interface ReplayFlags {
  json?: boolean;
  itf?: string;
  catalog?: string;
}

/**
 * `splitvote replay FILE`: validates a replay file, rebuilds its model, replays the action
 * indices, prints the trace and re-evaluates the property on it. Exit code 1 when the
 * property still fails (the counterexample reproduces), 0 when it no longer does; input
 * errors (bad file, unknown model, a path that does not replay) throw and exit with 2.
 */
export async function replayCommand(file: string, flags: ReplayFlags, io: Io): Promise<number> {
  const saved = parseReplayFile(readText(resolve(io.cwd, file), file), file);
  const { entry, request, model } = await loadModel(io, flags.catalog, saved.model, saved.preset, saved.variants, { preset: `field "preset" of ${file}`, variants: `field "variants" of ${file}` });
  const kind = propertyKind(saved, model, file);
  const trace = replayOrExplain(model, saved, file);
  const judgement = judgeTrace(model, trace, saved.property, kind);
  const verdict = { name: saved.property, kind, status: judgement.status, note: judgement.note, trace };
  if (flags.itf !== undefined) writeTraceFiles({ itf: flags.itf, cwd: io.cwd }, { name: entry.name, model, request }, verdict);
  if (flags.json === true) {
    const document = {
      schema: 1,
      kind: 'splitvote-replay',
      model: entry.name,
      preset: request.preset,
      variant: request.variants.length === 0 ? null : request.variants.join(','),
      property: { name: saved.property, kind, status: judgement.status, note: judgement.note, trace: traceToJson(trace, stateView(model)) },
    };
    io.out(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const variants = request.variants.length === 0 ? '(none)' : request.variants.join(',');
    const steps = trace.steps.length - 1;
    io.out(
      [
        `Replaying "${saved.property}" on ${entry.name} (preset ${request.preset}, variant ${variants}): ${steps} step${steps === 1 ? '' : 's'}`,
        formatTrace(trace, { view: stateView(model) }),
        '',
        `${formatVerdictLine({ name: verdict.name, kind, status: verdict.status })}: ${judgement.note}`,
      ].join('\n') + '\n',
    );
  }
  return isFailure(judgement.status) ? 1 : 0;
}

function readText(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw splitvoteError('SV402', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass a file written by \`splitvote check --save-trace FILE\``);
  }
}

function propertyKind(saved: ReplayFile, model: AnyModel, file: string): NonNullable<ReplayFile['propertyKind']> {
  if (saved.propertyKind === 'deadlock') return 'deadlock';
  const property = model.properties.find((p) => p.name === saved.property);
  if (property === undefined) {
    const names = model.properties.map((p) => `"${p.name}"`).join(', ');
    throw splitvoteError('SV402', `${file}: field "property" must name a property of ${saved.model}, got "${saved.property}"; properties: ${names}`);
  }
  return property.kind;
}

// A path that does not fit is the file's fault here (another model version or configuration), so it is an input error.
function replayOrExplain(model: AnyModel, saved: ReplayFile, file: string): Trace {
  try {
    return replay(model, saved.init, saved.path, saved.loopsTo);
  } catch (error) {
    if (!(error instanceof SplitvoteError) || error.code !== 'SV201') throw error;
    throw splitvoteError('SV402', `${file}: fields "init"/"path" do not replay on ${saved.model} (preset ${saved.preset}): ${error.message} Was the file saved from another version or configuration of the model?`);
  }
}
