import { splitvoteError } from '../../core/errors.ts';
import { formatCount } from '../../report/formatResult.ts';
import { graphViewerData, highlightedVerdict, type ViewerContext, type ViewerData } from '../../viz/graphData.ts';
import { graphToDot } from '../../viz/graphDot.ts';
import { neighbourhoodViewerData } from '../../viz/neighbourhood.ts';
import { dotToSvg } from '../../viz/svg.ts';
import { viewerHtml } from '../../viz/viewer/page.ts';
import type { SearchFlags } from '../flags.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { assertWritable } from '../writeFileAtomic.ts';
import { explorationText, exploreForDrawing, requestText } from './vizExplore.ts';
import { formatOf, writeDrawing } from './vizOutput.ts';

/** Default `--limit`: most states in a viewer page, and in a DOT/SVG drawing. */
export const GRAPH_LIMITS = { html: 5000, dot: 500, svg: 500 } as const;
/** Default `--render-limit`: above it the page shows a notice before drawing. */
export const RENDER_LIMIT = 2000;

/** The flags of `splitvote viz graph`. */
export interface VizGraphFlags extends SearchFlags {
  preset?: string;
  variant?: string[];
  set?: Record<string, number>;
  format?: string;
  output?: string;
  property?: string;
  around?: number;
  limit?: number;
  renderLimit?: number;
  catalog?: string;
}

/**
 * `splitvote viz graph <model>`: explores the model (search flags as for `check`) and draws
 * the explored state graph with the first counterexample (else a witness, or `--property`)
 * highlighted: a self-contained HTML viewer (default), DOT or SVG. `--around K` draws only
 * the states within K steps of that trace instead. A graph above `--limit` states is refused
 * with SV401 (exit code 2) saying to pass `--around`, bound the search or raise the limit.
 * Returns 0.
 */
export async function vizGraphCommand(name: string, flags: VizGraphFlags, io: Io): Promise<number> {
  const format = formatOf(flags.format, flags.output, ['html', 'dot', 'svg'] as const, 'html');
  const limit = flags.limit ?? GRAPH_LIMITS[format];
  if (flags.output !== undefined) assertWritable(flags.output, '-o', io.cwd);
  const { entry, request, model } = await loadModel(io, { catalog: flags.catalog, name, preset: flags.preset, variants: flags.variant, constants: flags.set });
  // Without --around nothing above the limit can be drawn, so the search need not go further.
  // With --around only the first counterexample matters, so BFS may stop at it.
  const capped = flags.around === undefined && flags.maxStates === undefined;
  const stopEarly = flags.around !== undefined && flags.property === undefined;
  const result = exploreForDrawing(model, flags, { graphLimit: limit, ...(capped ? { maxStates: limit + 1 } : {}), ...(stopEarly ? { stopOnViolation: true } : {}) }, io);
  const verdict = highlightedVerdict(result.properties, flags.property);
  if (flags.property !== undefined && verdict === undefined) {
    const names = result.properties.filter((v) => v.trace !== undefined).map((v) => `"${v.name}"`);
    throw splitvoteError('SV401', `--property ${flags.property}: no trace of that property to highlight; properties with a trace: ${names.length === 0 ? '(none)' : names.join(', ')}`);
  }
  const what = verdict === undefined ? 'no trace highlighted' : `${verdict.status === 'violated' ? 'counterexample to' : 'witness of'} "${verdict.name}"`;
  const context: ViewerContext = {
    title: `${entry.name} state graph`,
    subtitle: `${requestText(entry.name, request).slice(entry.name.length + 1)} · ${explorationText(result)} · ${what}`,
    explored: { states: result.stats.states, transitions: result.stats.transitions, complete: result.complete },
    renderLimit: flags.renderLimit ?? RENDER_LIMIT,
  };
  let data: ViewerData;
  if (flags.around !== undefined) {
    if (verdict === undefined) throw splitvoteError('SV401', `--around ${flags.around}: ${requestText(entry.name, request)} has no counterexample or witness to draw around; drop --around and bound the search (--max-depth) instead`);
    data = neighbourhoodViewerData(model, verdict, flags.around, { ...context, subtitle: `${context.subtitle} · states within ${flags.around} steps of it` }, limit);
  } else if (result.graph === undefined || !result.graph.materialisable) {
    const around =
      verdict !== undefined
        ? `pass --around 2 to draw the states within 2 steps of the ${verdict.status === 'violated' ? 'counterexample' : 'witness'}`
        : capped
          ? 'pass --around 2 to draw the states within 2 steps of the first counterexample (the search then runs until it finds one)'
          : undefined;
    const hint = around === undefined ? 'bound the search with --max-depth or --max-states' : `${around}, bound the search with --max-depth or --max-states`;
    const size = capped && result.stopReason === 'max-states' ? `more than ${formatCount(limit)} states` : `${formatCount(result.stats.states)} states, more than ${formatCount(limit)}`;
    throw splitvoteError('SV401', `the state graph of ${requestText(entry.name, request)} has ${size} (--limit for ${format}); ${hint}, or raise --limit`);
  } else {
    data = graphViewerData(result.graph, verdict, context);
  }
  const text = format === 'html' ? await viewerHtml(data) : format === 'dot' ? graphToDot(data) : await dotToSvg(graphToDot(data));
  writeDrawing(text, flags.output, io);
  if (flags.output !== undefined) io.out(`Wrote ${flags.output}: ${formatCount(data.nodes.length)} states, ${formatCount(data.edges.length)} transitions; ${what}.\n`);
  return 0;
}
