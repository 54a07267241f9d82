import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { SplitvoteError, isInputError } from '../core/errors.ts';
import { escapeControl, hasControl, quoted } from '../report/escape.ts';
import { checkCommand } from './commands/check.ts';
import { checksCommand } from './commands/checks.ts';
import { listCommand } from './commands/list.ts';
import { mutateCommand } from './commands/mutate.ts';
import { replayCommand } from './commands/replay.ts';
import { simulateCommand } from './commands/simulate.ts';
import { tableCommand } from './commands/table.ts';
import { validateCommand } from './commands/validate.ts';
import { registerVizCommands } from './commands/viz.ts';
import { registerSwarmCommands } from './commands/swarm.ts';
import { DEFAULTS } from '../explore/options.ts';
import { examplesHelp } from './examples.ts';
import { EXIT, EXIT_CODES_HELP } from './exitCodes.ts';
import { addSearchFlags, graphFormatOf, parseConstants, parseCount, parseMs, parseMsOrZero, parseNames, parseSeed, parseVariantRows, parseVariantSets } from './flags.ts';
import { PACKAGE_ROOT, processIo, type Io } from './io.ts';

/**
 * Runs the splitvote command line on `argv` (the arguments after the program name) and
 * returns the exit code (see exitCodes.ts); it never calls `process.exit`, so it runs
 * in-process in tests. Commander parses; each subcommand lives in `commands/`. Input errors
 * (SplitvoteError with `isInputError`, bad flags) print one message naming what is wrong
 * and what is allowed, with control characters escaped, and give exit code 2.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const bad = argv.findIndex(hasControl);
  if (bad >= 0) {
    io.err(`error: argument ${bad + 1} (${quoted(argv[bad])}) contains a control character; splitvote takes none in its arguments\n`);
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  // Commander has already printed its own message (unknown option, invalid argument).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const debug = io.env.SPLITVOTE_DEBUG !== undefined;
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  if (error instanceof SplitvoteError) {
    io.err(`error: ${escapeControl(error.message, true)}\n`);
    if (!isInputError(error) && debug) io.err(`${stack}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: internal error: ${escapeControl(message, true)}\n${debug ? `${stack}\n` : 'Set SPLITVOTE_DEBUG=1 for the stack trace.\n'}`);
  return EXIT.usage;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const SET_HELP = 'set model constants on top of the preset, like maxEpoch=9 or maxEpoch=9,maxDrops=1 (may repeat; `splitvote list` shows each model\'s constants and ranges)';
const ALLOW_UNKNOWN_HELP = `exit 0 instead of ${EXIT.unknown} when nothing failed but some verdict is unknown (a limit stopped the search)`;
const TIMINGS_HELP = 'print durations and rates on standard output too (by default they go to standard error, so standard output is the same on every machine)';

/** The commander program: global settings, then one subcommand per verb. */
function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('splitvote')
    .description('Model-check leader elections of distributed protocols: explore every interleaving, check properties, print the shortest counterexample.')
    .version(version())
    .option('--catalog <path>', 'model catalog module (default: $SPLITVOTE_CATALOG, else the models of the package)')
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(escapeControl(text, true)) })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n${examplesHelp('splitvote')}`);
  const run =
    <T extends unknown[]>(action: (...args: T) => Promise<number>) =>
    async (...args: T): Promise<void> => {
      setCode(await action(...args));
    };
  const globals = (command: Command): Record<string, unknown> => command.optsWithGlobals();

  addSearchFlags(
    program
      .command('check')
      .description('explore a model and judge its properties')
      .argument('<model>', 'model name (see `splitvote list`)')
      .option('--preset <name>', 'preset of the model (default: its first preset)')
      .option('--variant <a,b>', 'protocol variants, comma-separated (default: the model\'s default variants)', parseNames)
      .option('--set <name=value>', SET_HELP, parseConstants),
  )
    .option('--json', 'print one JSON document (schema 1, see docs/cli.md) instead of text')
    .option('--graph <file>', 'write the state graph; format from the extension: .dot, .graphml or .json', (v: string) => (graphFormatOf(v), v))
    .option('--graph-limit <n>', `most states kept for --graph and statechart coverage (liveness needs only the edge list, kept up to ${DEFAULTS.edgeLimit.toLocaleString('en-US')} states)`, parseCount(1), DEFAULTS.graphLimit)
    .option('--save-trace <file>', 'write the first counterexample as a replay file (read back by `splitvote replay`)')
    .option('--itf <file>', 'write the first counterexample as ITF JSON (Apalache/Quint trace format)')
    .option('--witnesses', 'print witness traces of `sometimes` properties too')
    .option('--workers <n>', 'BFS on N threads over one shared fingerprint table (the same counts, verdicts and traces as one); default 1', parseCount(1))
    .option('--allow-unknown', ALLOW_UNKNOWN_HELP)
    .option('--timings', TIMINGS_HELP)
    .option('--quiet', 'no progress and no summary block: verdicts and counterexamples only')
    .addHelpText('after', examplesHelp('check'))
    .action(run(async (model: string, _opts: unknown, command: Command) => checkCommand(model, globals(command) as never, io)));

  program
    .command('list')
    .description('list the models with their presets, variants, constants and properties')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examplesHelp('list'))
    .action(run(async (_opts: unknown, command: Command) => listCommand(globals(command), io)));

  program
    .command('replay')
    .description('replay a counterexample saved by `check --save-trace` and re-evaluate its property')
    .argument('<file>', 'replay file')
    .option('--json', 'print one JSON document')
    .option('--itf <file>', 'also write the trace as ITF JSON')
    .option('--allow-unknown', ALLOW_UNKNOWN_HELP)
    .addHelpText('after', examplesHelp('replay'))
    .action(run(async (file: string, _opts: unknown, command: Command) => replayCommand(file, globals(command), io)));

  program
    .command('validate')
    .description('trace validation: check that real cluster logs are a behaviour of the model (docs/real-system.md)')
    .argument('<model>', 'model name (valkey-failover)')
    .argument('<logs...>', 'node logs, named <port>.log or <node id>.log')
    .option('--variant <list>', 'protocol variant(s), comma-separated (see `splitvote list`)')
    .option('--topology <file>', 'CLUSTER NODES text of the cluster (nodes.txt of a harness run)')
    .option('--meta <file>', 'meta.json of the run (default: meta.json next to the topology, when present)')
    .option('--save-trace <file>', 'write the matching behaviour as a replay file')
    .option('--max-states <n>', 'stop with unknown after this many (state, log position) pairs', parseCount(1))
    .option('--json', 'print one JSON document')
    .option('--verbose', 'list the ignored and unknown log lines')
    .action(run(async (model: string, logs: string[], _opts: unknown, command: Command) => validateCommand(model, logs, globals(command), io)));

  program
    .command('checks')
    .description('run the regression checks (checks/*.check.ts): verdicts, pinned counts, pinned traces')
    .option('--filter <text>', 'run only the checks whose name contains this text')
    .option('--dir <dir>', 'folder of *.check.ts or *.check.js files (default: the checks of the package)')
    .option('--json', 'print one JSON document')
    .option('--timings', TIMINGS_HELP)
    .option('--quiet', 'no progress and no traces under failing checks')
    .addHelpText('after', examplesHelp('checks'))
    .action(run(async (_opts: unknown, command: Command) => checksCommand(globals(command), io)));

  addSearchFlags(
    program
      .command('table')
      .description('verdict table of a model across presets and variants, known bugs first (default: the catalog\'s flagship table)')
      .argument('[model]', 'model name (default: the flagship of the catalog)')
      .option('--preset <a,b>', 'presets, one block of rows each', parseNames)
      .option('--variant-sets <sets>', 'rows: variant sets separated by ";", variants by ",", "none" for no variant, or all (each variant alone)', parseVariantSets)
      .option('--set <name=value>', SET_HELP, parseConstants),
  )
    .option('--trace <property>', 'after the table, print the first counterexample to this property (its name, or its column code like S2)')
    .option('--json', 'print one JSON document (one schema-1 result per row)')
    .option('--allow-unknown', ALLOW_UNKNOWN_HELP)
    .option('--timings', TIMINGS_HELP)
    .option('--quiet', 'no progress')
    .addHelpText('after', examplesHelp('table'))
    .action(
      run(async (model: string | undefined, _opts: unknown, command: Command) => {
        const given = new Set(Object.keys(command.opts()).filter((key) => command.getOptionValueSource(key) === 'cli'));
        return tableCommand(model, globals(command) as never, io, given);
      }),
    );
  program
    .command('simulate')
    .description('timed semantics: recovery-time distribution (Monte Carlo) or worst/best case (--exhaustive) after primaries fail')
    .argument('<model>', 'model name or alias, e.g. failover (see `splitvote list`)')
    .option('--timed', 'use the model\'s timed semantics (required)')
    .option('--runs <n>', 'runs per variant', parseCount(1), 1000)
    .option('--seed <n>', 'seed of the runs: the same seed gives the same numbers', parseSeed, DEFAULTS.seed)
    .option('--variant <rows>', 'report rows separated by ";", variants combined within a row by "," (default: the model\'s timed rows)', parseVariantRows)
    .option('--primaries <n>', 'primaries (shards); at most 30 nodes in all', parseCount(1, 29), 7)
    .option('--failed <n>', 'primaries that fail at time 0', parseCount(1), 2)
    .option('--replicas <n>', 'replicas per primary', parseCount(1), 1)
    .option('--node-timeout <ms>', 'cluster-node-timeout', parseMs, 15000)
    .option('--latency <spec>', 'latency of a bus message in ms (each link stays FIFO): fixed:MS, uniform:LO-HI or empirical:FILE (default: the model\'s; failover: the bus latency measured on real clusters)')
    .option('--spike <p:spec>', 'latency spikes: probability per message and extra latency, e.g. 0.01:uniform:5-20 (default: none)')
    .option('--bus-delay <ms>', 'fixed one-way delay on every bus message (the real-cluster harness\'s --bus-delay proxy)', parseMsOrZero, 0)
    .option('--cron-period <ms>', 'clusterCron period (1000 / hz; default: the model\'s, 100 at hz 10)', parseMs)
    .option('--cron-jitter <spec>', 'what each cron interval adds to the period, same forms (default: the model\'s measured jitter; fixed with --exhaustive)')
    .option('--gossip <spec>', 'failure-detection shortcut: FAIL at node_timeout + this, same forms (default: detection by its mechanism; with --same-tick or --exhaustive: uniform:0-(node_timeout/2))')
    .option('--same-tick', 'every candidate starts its first election at the same instant (DEBUG CLUSTER-FAILOVER-DELAY 0 setup)')
    .option('--exhaustive', 'worst and best case over every behaviour on a time grid (small clusters only)')
    .option('--grid <ms>', 'exhaustive: grid step for latencies and delays', parseMs, 1)
    .option('--max-elections <n>', 'exhaustive: elections per candidate beyond which behaviours are cut', parseCount(1), 3)
    .option('--max-states <n>', 'exhaustive: stop after N distinct states', parseCount(1), 1_000_000)
    .option('--allow-unknown', `exhaustive: ${ALLOW_UNKNOWN_HELP}`)
    .option('--json', 'print one JSON document (schema 1, see docs/cli.md)')
    .option('--quiet', 'no progress')
    .addHelpText('after', examplesHelp('simulate'))
    .action(run(async (model: string, _opts: unknown, command: Command) => simulateCommand(model, globals(command) as never, io)));

  program
    .command('mutate')
    .description('mutation testing: plant each deliberate bug of the model\'s mutation suite and report the property that catches it, or that it survived')
    .argument('<model>', 'model name (see `splitvote list`); the model must declare a mutation suite')
    .option('--preset <a,b>', 'run on these presets instead of the suite\'s (the pins are then not compared)', parseNames)
    .option('--mutant <name>', 'run only this mutant')
    .option('--write-pins', 'rewrite the pin file with the outcomes of this run (after a reviewed change)')
    .option('--trace', 'with --mutant: print the counterexample that caught it')
    .option('--json', 'print one JSON document (schema 1, see docs/cli.md)')
    .option('--quiet', 'no progress lines on standard error')
    .addHelpText('after', examplesHelp('mutate'))
    .action(run(async (model: string, _opts: unknown, command: Command) => mutateCommand(model, globals(command) as never, io)));

  registerVizCommands(program, io, run);
  registerSwarmCommands(program, io, run);
  return program;
}
