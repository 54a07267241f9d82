import { splitvoteError } from '../../core/errors.ts';
import { quoted } from '../../report/escape.ts';
import type { AnyModel } from '../../core/model.ts';
import { formatVerdictLine, isFailure } from '../../report/formatResult.ts';
import { formatTrace, stateView } from '../../report/formatTrace.ts';
import { traceToJson } from '../../report/json.ts';
import type { ReplayFile } from '../../report/replayFile.ts';
import { judgeTrace } from '../../suite/judgeTrace.ts';
import { exitCodeOf } from '../exitCodes.ts';
import { outputWidth, type Io } from '../io.ts';
import { writeTraceFiles } from '../outputs.ts';
import { loadSavedTrace } from '../savedTrace.ts';
import { assertOutputs } from '../writeFileAtomic.ts';

/** The flags of `splitvote replay`. */
export interface ReplayFlags {
  json?: boolean;
  itf?: string;
  allowUnknown?: boolean;
  catalog?: string;
}

/**
 * `splitvote replay FILE`: validates a replay file, rebuilds its model, replays the action
 * indices, prints the trace and re-evaluates the property on it. Exit code 1 when the
 * property still fails (the counterexample reproduces), 0 when it no longer does, 3 when
 * the judgement is unknown (0 with `--allow-unknown`); input errors (bad file, unknown
 * model, a path that does not fit the model) throw and exit with 2.
 */
export async function replayCommand(file: string, flags: ReplayFlags, io: Io): Promise<number> {
  assertOutputs([['--itf', flags.itf]], io.cwd);
  const { entry, request, model, saved, trace } = await loadSavedTrace(file, flags.catalog, io);
  const kind = propertyKind(saved, model, file);
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
        formatTrace(trace, { view: stateView(model), width: outputWidth(io) }),
        '',
        `${formatVerdictLine({ name: verdict.name, kind, status: verdict.status })}: ${judgement.note}`,
      ].join('\n') + '\n',
    );
  }
  return exitCodeOf({ failed: isFailure(judgement.status), unknown: judgement.status === 'unknown' }, flags.allowUnknown === true);
}

function propertyKind(saved: ReplayFile, model: AnyModel, file: string): NonNullable<ReplayFile['propertyKind']> {
  if (saved.propertyKind === 'deadlock') return 'deadlock';
  const property = model.properties.find((p) => p.name === saved.property);
  if (property === undefined) {
    const names = model.properties.map((p) => `"${p.name}"`).join(', ');
    throw splitvoteError('SV402', `${file}: field "property" must name a property of ${saved.model}, got ${quoted(saved.property)}; properties: ${names}`);
  }
  return property.kind;
}
