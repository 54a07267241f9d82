import { Option, type Command } from 'commander';
import { PLAN_DEFAULTS } from '../../swarm/plan.ts';
import { parseCount, parseNames, parseSeconds, parseSeed } from '../flags.ts';
import type { Io } from '../io.ts';
import { swarmMergeCommand } from './swarmMerge.ts';
import { swarmPlanCommand } from './swarmPlan.ts';
import { swarmRunCommand } from './swarmRun.ts';

/** Wraps a command action so its exit code reaches `main` (the `run` of main.ts). */
type Run = <T extends unknown[]>(action: (...args: T) => Promise<number>) => (...args: T) => Promise<void>;

const EXAMPLES = `
Examples:
  splitvote swarm plan valkey-failover --preset siblings --jobs 4 --out swarm --mode partition
  splitvote swarm run --plan swarm --job 2          # in CI: --job \${{ matrix.job }}; in Kubernetes: --job $JOB_COMPLETION_INDEX
  splitvote swarm merge swarm
  splitvote swarm plan valkey-failover --preset stale-nack --variant nack-3833 --jobs 8 --out s --mode sample --seed 7

See docs/swarm.md for what each mode proves, a GitHub Actions matrix and a Kubernetes indexed Job.`;

/**
 * Registers `splitvote swarm plan|run|merge`: a search split into jobs that a batch engine
 * (a CI matrix, a Kubernetes indexed Job) runs, one result file each, then merged.
 */
export function registerSwarmCommands(program: Command, io: Io, run: Run): void {
  const globals = (command: Command): Record<string, unknown> => command.optsWithGlobals();
  const swarm = program.command('swarm').description('split a search into jobs for a CI matrix or a Kubernetes indexed Job, run one job, merge the results').addHelpText('after', EXAMPLES);

  swarm
    .command('plan')
    .description('write N job files and plan.json: a partition of the state space (exhaustive) or diversified sampled searches')
    .argument('<model>', 'model name (see `splitvote list`)')
    .option('--preset <name>', 'preset of the model (default: its first preset)')
    .option('--variant <a,b>', 'protocol variants, comma-separated', parseNames)
    .requiredOption('--jobs <n>', 'number of jobs', parseCount(1))
    .requiredOption('--out <dir>', 'folder for plan.json and job-K.json (created when missing)')
    .addOption(new Option('--mode <mode>', 'partition: exhaustive, frontier states split by fingerprint; sample: Spin-style swarm of bounded searches that prove nothing').choices(['partition', 'sample']).default('partition'))
    .addOption(new Option('--engine <engine>', 'state engine of every job').choices(['packed', 'object']).default(PLAN_DEFAULTS.engine))
    .option('--no-symmetry', 'do not use the model\'s symmetry reduction')
    .option('--no-deadlock', 'do not report states without successors as deadlocks')
    .option('--no-coverage', 'record no state graph in the jobs (no statechart coverage, less memory)')
    .option('--stop-on-violation', 'each job stops at its first violated invariant or deadlock')
    .option('--max-states <n>', 'per job: stop after N distinct states (partition: unlimited; sample DFS: 200000)', parseCount(1))
    .option('--max-seconds <s>', 'per job: stop after S seconds', parseSeconds)
    .option('--frontier-per-job <k>', `partition: explore the prefix until the frontier holds k x jobs states (default ${PLAN_DEFAULTS.frontierPerJob})`, parseCount(1))
    .option('--max-prefix-depth <d>', `partition: deepest frontier (default ${PLAN_DEFAULTS.maxPrefixDepth})`, parseCount(0))
    .option('--strategies <list>', 'sample: strategies cycled over the jobs (dfs with a shuffled action order, simulate = random walks)', parseNames)
    .option('--seed <n>', `sample: seed of job 0; job K uses seed + K (default ${PLAN_DEFAULTS.seed})`, parseSeed)
    .option('--max-depth <n>', `sample: depth bound D; DFS jobs use D, D/2, D/4 in turn (default ${PLAN_DEFAULTS.maxDepth})`, parseCount(1))
    .option('--runs <n>', `sample: random walks per simulate job (default ${PLAN_DEFAULTS.runs})`, parseCount(1))
    .option('--max-steps <n>', 'sample: steps per random walk (default: the job\'s depth bound)', parseCount(1))
    .action(run(async (model: string, _opts: unknown, command: Command) => swarmPlanCommand(model, globals(command) as never, io)));

  swarm
    .command('run')
    .description('run one job and write result-K.json (and result-K.fp) atomically; exit 0 once the result is written')
    .requiredOption('--job <file|K>', 'the job file, or with --plan the job number K')
    .option('--plan <dir>', 'the plan folder; --job is then a job number')
    .option('--out <dir>', 'folder for the result files (default: the job file\'s folder)')
    .action(run(async (_opts: unknown, command: Command) => swarmRunCommand(globals(command) as never, io)));

  swarm
    .command('merge')
    .description('combine the results of a plan into one result; exit 0 when every expectation is met, 1 on a violation or a missing job, 2 on bad input')
    .argument('<dir>', 'the plan folder holding the result files')
    .option('--json', 'print one JSON document')
    .action(run(async (dir: string, _opts: unknown, command: Command) => swarmMergeCommand(dir, globals(command) as never, io)));
}
