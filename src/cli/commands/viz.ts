import type { Command } from 'commander';
import { DEFAULTS } from '../../explore/options.ts';
import { examplesHelp } from '../examples.ts';
import { addSearchFlags, parseConstants, parseCount, parseNames } from '../flags.ts';
import type { Io } from '../io.ts';
import { GRAPH_LIMITS, RENDER_LIMIT, vizGraphCommand } from './vizGraph.ts';
import { vizStatechartCommand } from './vizStatechart.ts';
import { vizTraceCommand } from './vizTrace.ts';

/** Wraps a command action so its exit code reaches `main` (the `run` of main.ts). */
type Run = <T extends unknown[]>(action: (...args: T) => Promise<number>) => (...args: T) => Promise<void>;

/**
 * Registers `splitvote viz statechart|trace|graph` on the program. Each subcommand reads
 * the global `--catalog` like the other commands and writes to `-o FILE` (atomically) or
 * standard output.
 */
export function registerVizCommands(program: Command, io: Io, run: Run): void {
  const globals = (command: Command): Record<string, unknown> => command.optsWithGlobals();
  const viz = program.command('viz').description('draw statecharts, counterexamples and state graphs (SVG, DOT, Mermaid, HTML)').addHelpText('after', examplesHelp('viz'));

  addSearchFlags(
    viz
      .command('statechart')
      .description('draw the statecharts of a model from its XState machines (SVG by Graphviz in WebAssembly, DOT, or Mermaid stateDiagram-v2)')
      .argument('<model>', 'model name (see `splitvote list`)')
      .option('--preset <name>', 'preset of the model (default: its first preset)')
      .option('--variant <a,b>', 'protocol variants, comma-separated', parseNames)
      .option('--set <name=value>', 'model constants on top of the preset, like maxEpoch=9 (see `splitvote list`)', parseConstants)
      .option('--machine <name>', 'draw only this machine (default: every machine); an unknown name lists them')
      .option('--state <path>', 'draw only this state and its substates, like candidate or candidate.waiting (needs --machine when there are several)')
      .option('--format <format>', 'svg, dot or mermaid (default: from the -o extension .svg/.dot/.mmd, else svg)')
      .option('-o, --output <file>', 'write to this file instead of standard output')
      .option('--coverage', 'explore the model first and draw never-taken states, transitions and guards grey and dashed')
      .option('--graph-limit <n>', 'most states whose steps --coverage keeps', parseCount(1), DEFAULTS.graphLimit),
  ).action(run(async (model: string, _opts: unknown, command: Command) => vizStatechartCommand(model, globals(command) as never, io)));

  viz
    .command('trace')
    .description('draw a counterexample saved by `check --save-trace` as a message sequence diagram (Mermaid sequenceDiagram or SVG)')
    .argument('<file>', 'replay file')
    .option('--format <format>', 'mermaid or svg (default: from the -o extension .mmd/.svg, else mermaid)')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(run(async (file: string, _opts: unknown, command: Command) => vizTraceCommand(file, globals(command) as never, io)));

  addSearchFlags(
    viz
      .command('graph')
      .description('explore a model and draw its state graph with the counterexample highlighted: one self-contained HTML viewer, DOT or SVG')
      .argument('<model>', 'model name (see `splitvote list`)')
      .option('--preset <name>', 'preset of the model (default: its first preset)')
      .option('--variant <a,b>', 'protocol variants, comma-separated', parseNames)
      .option('--set <name=value>', 'model constants on top of the preset, like maxEpoch=9 (see `splitvote list`)', parseConstants)
      .option('--format <format>', 'html, dot or svg (default: from the -o extension, else html)')
      .option('-o, --output <file>', 'write to this file instead of standard output')
      .option('--property <name>', 'highlight the trace of this property (default: the first counterexample, else the first witness)')
      .option('--around <k>', 'draw only the states within K steps of the highlighted trace', parseCount(0))
      .option('--limit <n>', `most states drawn (default: ${GRAPH_LIMITS.html} for html, ${GRAPH_LIMITS.svg} for dot and svg)`, parseCount(1))
      .option('--render-limit <n>', 'above this many states the page shows a notice and offers the neighbourhood first', parseCount(1), RENDER_LIMIT),
  ).action(run(async (model: string, _opts: unknown, command: Command) => vizGraphCommand(model, globals(command) as never, io)));
}
