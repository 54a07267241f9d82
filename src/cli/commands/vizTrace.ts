import { judgeTrace } from '../../suite/judgeTrace.ts';
import { traceToSequence } from '../../viz/sequence.ts';
import { sequenceToMermaid } from '../../viz/sequenceMermaid.ts';
import { sequenceToSvg } from '../../viz/sequenceSvg.ts';
import type { Io } from '../io.ts';
import { loadSavedTrace } from '../savedTrace.ts';
import { assertWritable } from '../writeFileAtomic.ts';
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
  if (flags.output !== undefined) assertWritable(flags.output, '-o', io.cwd);
  const { entry, request, model, saved, trace } = await loadSavedTrace(file, flags.catalog, io);
  const kind = saved.propertyKind ?? model.properties.find((p) => p.name === saved.property)?.kind;
  const judgement = kind === undefined ? undefined : judgeTrace(model, trace, saved.property, kind);
  const verdict = judgement === undefined ? saved.property : `${saved.property}: ${judgement.status} (${judgement.note})`;
  const diagram = traceToSequence(model, trace, { title: `${requestText(entry.name, request)}: ${saved.property}`, verdict });
  writeDrawing(format === 'svg' ? sequenceToSvg(diagram) : sequenceToMermaid(diagram), flags.output, io);
  return 0;
}
