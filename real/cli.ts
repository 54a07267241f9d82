/**
 * `npm run real -- --primaries 7 --failed 3 --replicas 1 --node-timeout 1000 --runs 5
 * [--bus-delay 50] [--keep-logs] --out DIR`: real Redis clusters on 127.0.0.1, frozen
 * primaries, failover facts as CSV (docs/real-system.md). Exit 0 when every run completed
 * (a failover that timed out is a result, not an error), 1 when a run could not be set up,
 * 2 on a bad flag, 130 on Ctrl-C (every redis-server is killed first).
 */
import { Command, CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import { parseCount } from '../src/cli/flags.ts';
import { runHarness, type HarnessOptions } from './harness.ts';
import { installCleanupHandlers, REDIS_SERVER } from './processes.ts';
import { BLOCK_SIZE } from './ports.ts';

function program(): Command {
  return new Command('real')
    .description('Run real Redis clusters on 127.0.0.1, freeze primaries, record the failovers (docs/real-system.md).')
    .requiredOption('--primaries <n>', 'primaries (shards)', parseCount(3, 9))
    .requiredOption('--failed <k>', 'primaries frozen at once (the first k)', parseCount(1, 8))
    .option('--replicas <r>', 'replicas per primary', parseCount(1, 3), 1)
    .option('--node-timeout <ms>', 'cluster-node-timeout in ms', parseCount(100, 60_000), 1000)
    .option('--runs <n>', 'clusters to run, one after another', parseCount(1, 1000), 1)
    .option('--bus-delay <ms>', 'one-way delay on every cluster-bus message, through a proxy (0: no proxy)', parseCount(0, 1000), 0)
    .option('--keep-logs', 'keep OUT/<run>/ with nodes.txt, meta.json and every node log', false)
    .option('--verbose', 'print progress lines (nodes started with their pids, cluster ok, freeze) to stderr', false)
    .requiredOption('--out <dir>', 'output folder: runs.csv is created or appended to')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

function check(o: HarnessOptions): void {
  if (o.failed >= o.primaries) throw new Error(`--failed ${o.failed}: must be less than --primaries (${o.primaries})`);
  if (o.primaries * (1 + o.replicas) > BLOCK_SIZE) throw new Error(`--primaries ${o.primaries} with --replicas ${o.replicas} makes ${o.primaries * (1 + o.replicas)} nodes; at most ${BLOCK_SIZE} are allowed`);
}

async function main(argv: string[]): Promise<number> {
  let options: HarnessOptions;
  try {
    const o = program().parse(argv, { from: 'user' }).opts();
    options = { primaries: o.primaries, failed: o.failed, replicas: o.replicas, nodeTimeoutMs: o.nodeTimeout, busDelayMs: o.busDelay, runs: o.runs, keepLogs: o.keepLogs, out: o.out, progress: o.verbose === true ? (line: string) => process.stderr.write(`${line}\n`) : undefined };
    check(options);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  }
  if (!existsSync(REDIS_SERVER)) {
    process.stderr.write(`error: ${REDIS_SERVER} not found; install Debian's redis-server (apt-get install redis-server) or set SPLITVOTE_REDIS_SERVER\n`);
    return 2;
  }
  installCleanupHandlers((signal) => process.stderr.write(`\n${signal}: every redis-server killed\n`));
  let errors = 0;
  const results = await runHarness(options, (r, i) => {
    if (r.error !== undefined) errors++;
    const summary = r.error !== undefined ? `error: ${r.error}` : r.facts.map((f) => `shard ${f.shard}: ${f.winner === undefined ? 'timeout' : `won by ${f.winner} at ${f.wonMs} ms, epoch ${f.wonEpoch}, ${f.starts.length} start(s)`}`).join('; ');
    process.stdout.write(`[${i + 1}/${options.runs}] ${r.run} ${summary}\n`);
  });
  process.stdout.write(`${results.length - errors} of ${results.length} runs completed; rows in ${options.out}/runs.csv\n`);
  return errors === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`error: ${(e as Error).stack ?? e}\n`); process.exitCode = 1; });
