import { splitvoteError } from '../../core/errors.ts';
import { DEFAULTS } from '../../explore/options.ts';
import { formatCount } from '../../report/formatResult.ts';
import { buildChart } from '../../viz/chart.ts';
import { collectCoverage, type Coverage } from '../../viz/coverage.ts';
import { pickMachines } from '../../viz/machines.ts';
import { statechartToDot } from '../../viz/statechartDot.ts';
import { statechartToMermaid } from '../../viz/statechartMermaid.ts';
import { dotToSvg } from '../../viz/svg.ts';
import type { SearchFlags } from '../flags.ts';
import type { Io } from '../io.ts';
import { loadModel } from '../loadModel.ts';
import { assertWritable } from '../writeFileAtomic.ts';
import { explorationText, exploreForDrawing, requestText } from './vizExplore.ts';
import { formatOf, writeDrawing } from './vizOutput.ts';

/** The flags of `splitvote viz statechart`. */
export interface VizStatechartFlags extends SearchFlags {
  preset?: string;
  variant?: string[];
  set?: Record<string, number>;
  machine?: string;
  state?: string;
  format?: string;
  output?: string;
  coverage?: boolean;
  graphLimit?: number;
  catalog?: string;
}

/**
 * `splitvote viz statechart <model>`: draws the model's statecharts from the machine
 * definitions (every machine, or `--machine NAME`; `--state PATH` draws one state's
 * subtree) as SVG (Graphviz in WebAssembly), DOT or Mermaid `stateDiagram-v2`, to `-o FILE`
 * or standard output. `--coverage` first explores the model (preset, variants and search
 * flags as for `check`) and greys what the exploration never took. Returns 0; input errors
 * throw SV401/SV403 (exit code 2), naming what is allowed.
 */
export async function vizStatechartCommand(name: string, flags: VizStatechartFlags, io: Io): Promise<number> {
  const format = formatOf(flags.format, flags.output, ['svg', 'dot', 'mermaid'] as const, 'svg');
  if (flags.output !== undefined) assertWritable(flags.output, '-o', io.cwd);
  const { entry, request, model } = await loadModel(io, { catalog: flags.catalog, name, preset: flags.preset, variants: flags.variant, constants: flags.set });
  const machines = pickMachines(model, entry.name, flags.machine);
  if (flags.state !== undefined && machines.length > 1) {
    throw splitvoteError('SV401', `--state ${flags.state} needs --machine: model ${entry.name} has ${machines.length} machines; pass --machine with one of: ${machines.map((m) => m.name).join(', ')}`);
  }
  const charts = machines.map((m) => buildChart(m.name, m.compiled, flags.state));
  let coverage: Coverage | undefined;
  let caption: string | undefined;
  if (flags.coverage === true) {
    const graphLimit = flags.graphLimit ?? DEFAULTS.graphLimit;
    // Coverage needs the explored states, so a search without --max-states stops where they
    // stop being kept: a partial coverage (said so in the caption) instead of a long search that cannot be used.
    const result = exploreForDrawing(model, flags, { graph: 'always', graphLimit, maxStates: flags.maxStates ?? graphLimit }, io);
    coverage = result.graph === undefined ? undefined : collectCoverage(model, result.graph, result.complete);
    if (coverage === undefined) {
      throw splitvoteError('SV401', `--coverage: the exploration of ${requestText(entry.name, request)} reached ${formatCount(result.stats.states)} states, more than --graph-limit ${formatCount(graphLimit)}, so its steps were not kept; raise --graph-limit or bound the search with --max-states or --max-depth`);
    }
    caption = `coverage of ${requestText(entry.name, request)} (${explorationText(result)}); grey and dashed: never taken`;
  }
  const options = { coverage, caption };
  const text = format === 'mermaid' ? statechartToMermaid(charts, options) : format === 'dot' ? statechartToDot(charts, options) : await dotToSvg(statechartToDot(charts, options));
  writeDrawing(text, flags.output, io);
  return 0;
}
