import type { PropertyVerdict } from '../../core/result.ts';
import { explore } from '../../explore/explore.ts';
import { exploreParallel } from '../../explore/parallel/bfsParallel.ts';
import type { Progress } from '../../explore/options.ts';
import { splitvoteError } from '../../core/errors.ts';
import { catalogRecipe } from '../../suite/recipe.ts';
import { exportGraph } from '../../graph/export.ts';
import { formatCount, formatResult, formatTiming, isFailure } from '../../report/formatResult.ts';
import { stateView } from '../../report/formatTrace.ts';
import { toJsonReport } from '../../report/json.ts';
import { coverageReport } from '../../viz/coverage.ts';
import type { ModelRequest } from '../../suite/types.ts';
import { EXIT, exitCodeOf } from '../exitCodes.ts';
import { constantsText, exploreOptionsOf, graphFormatOf, searchFlagsText, type SearchFlags } from '../flags.ts';
import { outputWidth, type Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { writeTraceFiles } from '../outputs.ts';
import { createProgress } from '../progress.ts';
import { assertOutputs, writeFileAtomic } from '../writeFileAtomic.ts';

/** How a reproduce line starts: a command that runs from a clone (after `npm ci`) and from an install. */
export const COMMAND = 'npx splitvote';

/** The flags of `splitvote check`, as commander parsed them. */
export interface CheckFlags extends SearchFlags {
  preset?: string;
  variant?: string[];
  set?: Record<string, number>;
  json?: boolean;
  graph?: string;
  graphLimit?: number;
  saveTrace?: string;
  itf?: string;
  quiet?: boolean;
  witnesses?: boolean;
  allowUnknown?: boolean;
  timings?: boolean;
  catalog?: string;
  workers?: number;
}

/**
 * `splitvote check <model>`: builds the model, explores it, prints the result (text or the
 * `--json` document), writes the requested files, and returns the exit code: 0 when every
 * property holds or is witnessed, 1 when one is violated or not witnessed, 3 when nothing
 * failed but some verdict is unknown (0 with `--allow-unknown`), 130 when Ctrl-C stopped
 * the search (the partial result is printed), 2 when a requested output could not be
 * produced. Every output path is checked before the search. Input errors throw (exit 2).
 */
export async function checkCommand(name: string, flags: CheckFlags, io: Io): Promise<number> {
  const format = flags.graph === undefined ? undefined : graphFormatOf(flags.graph);
  assertOutputs([['--graph', flags.graph], ['--save-trace', flags.saveTrace], ['--itf', flags.itf]], io.cwd);
  const { catalog, entry, request, model } = await loadModel(io, { catalog: flags.catalog, name, preset: flags.preset, variants: flags.variant, constants: flags.set });
  const recipe = flags.workers !== undefined && flags.workers > 1 ? catalogRecipe(catalog.source, entry.name, request) : undefined;
  if (flags.workers !== undefined && flags.workers > 1 && recipe === undefined) throw splitvoteError('SV401', `--workers ${flags.workers}: this model request carries machines (extras), which cannot be sent to worker threads; use --workers 1`);
  const progress = createProgress(io, flags.quiet !== true && flags.json !== true);
  let result;
  try {
    const options = {
      ...exploreOptionsOf(flags),
      // Exporting needs every edge recorded, whatever the size; liveness needs them anyway.
      ...(format === undefined ? {} : { graph: 'always' as const }),
      ...(flags.graphLimit === undefined ? {} : { graphLimit: flags.graphLimit }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (p: Progress) => progress.update(p),
    };
    result = recipe === undefined ? explore(model, options) : await exploreParallel(recipe, { ...options, workers: flags.workers });
  } finally {
    progress.stop();
  }
  const context = { model: entry.name, preset: request.preset, variants: request.variants };
  const saved = result.properties.find((v) => v.status === 'violated' && v.trace !== undefined);
  const checkLine = reproduceLine(entry.name, request, flags);
  const reproduce = (verdict: PropertyVerdict<unknown>): string =>
    verdict === saved && flags.saveTrace !== undefined ? `${COMMAND} replay ${flags.saveTrace}` : checkLine;

  if (flags.json === true) {
    io.out(`${JSON.stringify(toJsonReport(result, { ...context, view: stateView(model), timings: flags.timings === true }), null, 2)}\n`);
  } else {
    const text = formatResult(result, { ...context, view: stateView(model), reproduce, witnesses: flags.witnesses === true, summary: flags.quiet !== true, timings: flags.timings === true, width: outputWidth(io) });
    io.out(`${text}\n`);
    // Computed after the search from the recorded graph (src/viz/coverage.ts), so the search loop pays nothing.
    const coverage = flags.quiet === true ? undefined : coverageReport(model, result, `${checkLine.replace(`${COMMAND} check`, `${COMMAND} viz statechart`)} --coverage`);
    if (coverage !== undefined) io.out(`\n${coverage}\n`);
  }
  if (flags.quiet !== true && flags.timings !== true) io.err(`time: ${formatTiming(result.stats)}\n`);

  let code = exitCodeOf(
    { failed: result.properties.some((v) => isFailure(v.status)), unknown: result.properties.some((v) => v.status === 'unknown'), interrupted: result.stopReason === 'interrupted' },
    flags.allowUnknown === true,
  );
  if (flags.saveTrace !== undefined || flags.itf !== undefined) {
    if (saved === undefined) io.err('No counterexample to save: no property is violated; --save-trace and --itf wrote nothing.\n');
    else writeTraceFiles({ saveTrace: flags.saveTrace, itf: flags.itf, cwd: io.cwd }, { name: entry.name, model, request }, saved);
  }
  if (flags.graph !== undefined && format !== undefined) {
    if (result.graph === undefined || !result.graph.materialisable) {
      io.err(`--graph ${flags.graph}: the state graph was not kept (${formatCount(result.stats.states)} states, more than the graph limit); nothing written. Raise --graph-limit, lower the bounds or use --max-states.\n`);
      if (code !== EXIT.interrupted) code = EXIT.usage;
    } else {
      writeFileAtomic(flags.graph, exportGraph(result.graph, format), '--graph', io.cwd);
    }
  }
  return code;
}

/** The command that reruns this search: model, preset, variants, constants and the flags that change the result. */
export function reproduceLine(name: string, request: ModelRequest, flags: Pick<CheckFlags, 'catalog'> & SearchFlags): string {
  const parts = [`${COMMAND} check ${name} --preset ${request.preset}`];
  if (request.variants.length > 0) parts.push(`--variant ${request.variants.join(',')}`);
  const constants = constantsText(request.constants);
  if (constants !== '') parts.push(constants);
  const search = searchFlagsText(flags);
  if (search !== '') parts.push(search);
  if (flags.catalog !== undefined) parts.push(`--catalog ${flags.catalog}`);
  return parts.join(' ');
}
