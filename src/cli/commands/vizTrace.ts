import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SplitvoteError, splitvoteError } from '../../core/errors.ts';
import type { Trace } from '../../core/result.ts';
import { replay } from '../../explore/replay.ts';
import { parseReplayFile } from '../../report/replayFile.ts';
import { judgeTrace } from '../../suite/judgeTrace.ts';
import { traceToSequence } from '../../viz/sequence.ts';
import { sequenceToMermaid } from '../../viz/sequenceMermaid.ts';
import { sequenceToSvg } from '../../viz/sequenceSvg.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { assertFolderExists } from '../writeFileAtomic.ts';
import { requestText } from './vizExplore.ts';
import { formatOf, writeDrawing } from './vizOutput.ts';

/** The flags of `splitvote viz trace`. */
export interface VizTraceFlags {
  format?: string;
  output?: string;
  catalog?: string;
}

/**
 * `splitvote viz trace FILE`: replays a counterexample saved by `check --save-trace` and
 * draws it as a message sequence diagram: Mermaid `sequenceDiagram` text (default) or a
 * standalone SVG, to `-o FILE` or standard output. The closing note re-judges the property
 * on the replayed trace, as `replay` does. Returns 0; an unreadable or invalid file, or one
 * that does not replay on the current model, throws SV402 (exit code 2) saying what to pass.
 */
export async function vizTraceCommand(file: string, flags: VizTraceFlags, io: Io): Promise<number> {
  const format = formatOf(flags.format, flags.output, ['mermaid', 'svg'] as const, 'mermaid');
  if (flags.output !== undefined) assertFolderExists(flags.output, '-o', io.cwd);
  const saved = parseReplayFile(readText(resolve(io.cwd, file), file), file);
  const { entry, request, model } = await loadModel(io, flags.catalog, saved.model, saved.preset, saved.variants, { preset: `field "preset" of ${file}`, variants: `field "variants" of ${file}` });
  let trace: Trace;
  try {
    trace = replay(model, saved.init, saved.path, saved.loopsTo);
  } catch (error) {
    if (!(error instanceof SplitvoteError) || error.code !== 'SV201') throw error;
    throw splitvoteError('SV402', `${file}: fields "init"/"path" do not replay on ${saved.model} (preset ${saved.preset}): ${error.message} Save the trace again with \`splitvote check --save-trace\``);
  }
  const kind = saved.propertyKind ?? model.properties.find((p) => p.name === saved.property)?.kind;
  const judgement = kind === undefined ? undefined : judgeTrace(model, trace, saved.property, kind);
  const verdict = judgement === undefined ? saved.property : `${saved.property}: ${judgement.status} (${judgement.note})`;
  const diagram = traceToSequence(model, trace, { title: `${requestText(entry.name, request)}: ${saved.property}`, verdict });
  writeDrawing(format === 'svg' ? sequenceToSvg(diagram) : sequenceToMermaid(diagram), flags.output, io);
  return 0;
}

function readText(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw splitvoteError('SV402', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass a file written by \`splitvote check --save-trace FILE\``);
  }
}
