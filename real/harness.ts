/**
 * The campaign loop: `runs` fresh clusters of one configuration, one CSV row per failed shard
 * appended to OUT/runs.csv after each run, and (with keepLogs) OUT/<run>/ with the topology,
 * meta.json and every node's log. Runs are numbered after the ones OUT/runs.csv already has
 * for the same configuration, so a campaign can be resumed or interleaved.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCluster, type ClusterSettings } from './cluster.ts';
import { CSV_HEADER, csvRow } from './csv.ts';
import { parseLog, shardFacts, type ShardFacts } from './facts.ts';
import { REDIS_SERVER } from './processes.ts';

/** The harness options (`npm run real -- --help`). */
export interface HarnessOptions extends ClusterSettings {
  readonly runs: number;
  readonly out: string;
  readonly keepLogs: boolean;
  /** Receives progress lines (cluster started, ok, frozen); silent when absent. */
  readonly progress?: (line: string) => void;
}

/** The outcome of one run as the harness reports it. */
export interface RunResult {
  readonly run: string;
  readonly rows: readonly string[];
  readonly facts: readonly ShardFacts[];
  readonly recovered: boolean;
  /** The temporary folder the run used (removed when the run ends). */
  readonly tempDir: string;
  readonly error?: string;
}

/** `redis-7.0.15` from `redis-server --version`. */
export function serverVersion(binary = REDIS_SERVER): string {
  const text = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = /v=(\d+\.\d+\.\d+)/.exec(text);
  if (m === null) throw new Error(`cannot read the version from "${binary} --version": ${text.trim()}`);
  return `redis-${m[1]}`;
}

/** The run id prefix of a configuration, e.g. `p7-k3-t1000-d0`. */
export function configPrefix(s: ClusterSettings): string {
  return `p${s.primaries}-k${s.failed}-t${s.nodeTimeoutMs}-d${s.busDelayMs}${s.replicas === 1 ? '' : `-r${s.replicas}`}`;
}

function nextIndex(csvPath: string, prefix: string): number {
  if (!existsSync(csvPath)) return 1;
  const runs = new Set(readFileSync(csvPath, 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter((r) => r.startsWith(`${prefix}-`)));
  let max = 0;
  for (const r of runs) max = Math.max(max, Number(r.slice(prefix.length + 1)) || 0);
  return max + 1;
}

/** Runs one cluster and returns its CSV rows; writes OUT/<run>/ when keepLogs. Always removes its temporary folder. */
export async function runOnce(options: HarnessOptions, run: string, server: string): Promise<RunResult> {
  const temp = mkdtempSync(join(tmpdir(), 'splitvote-real-'));
  const removeTemp = (): void => rmSync(temp, { recursive: true, force: true });
  process.on('exit', removeTemp); // Ctrl-C ends the process through process.exit
  const startedAt = new Date().toISOString();
  try {
    const c = await runCluster(options, temp, (line) => options.progress?.(`${run}: ${line}`));
    const idOf = new Map(c.nodes.map((n) => [n.port, c.ids[n.index]] as [number, string]));
    const replicasOf = c.frozen.map((_, shard) => c.nodes.filter((n) => !n.primary && n.shard === shard).map((n) => n.port));
    const lines = c.nodes.flatMap((n) => parseLog(n.port, readFileSync(join(temp, `${n.port}.log`), 'utf8')));
    const facts = shardFacts({ idOf, frozen: c.frozen, replicasOf, freezeAtMs: c.freezeAtMs }, lines);
    const info = { run, startedAt, server, primaries: options.primaries, failed: options.failed, replicas: options.replicas, nodeTimeoutMs: options.nodeTimeoutMs, busDelayMs: options.busDelayMs, load1: c.load1 };
    if (options.keepLogs) {
      const dir = join(options.out, run);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'nodes.txt'), c.nodesView.endsWith('\n') ? c.nodesView : `${c.nodesView}\n`);
      const meta = { primaries: options.primaries, failed: options.failed, replicas: options.replicas, nodeTimeoutMs: options.nodeTimeoutMs, busDelayMs: options.busDelayMs, frozen: c.frozen, freezeAtMs: c.freezeAtMs, server, load1: c.load1, startedAt };
      writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
      for (const n of c.nodes) copyFileSync(join(temp, `${n.port}.log`), join(dir, `${n.port}.log`));
    }
    return { run, rows: facts.map((f) => csvRow(info, f)), facts, recovered: c.recovered, tempDir: temp };
  } catch (e) {
    return { run, rows: [], facts: [], recovered: false, tempDir: temp, error: (e as Error).message };
  } finally {
    process.off('exit', removeTemp);
    removeTemp();
  }
}

/** Runs `options.runs` clusters one after another, appending rows to OUT/runs.csv; `onRun` sees each result. */
export async function runHarness(options: HarnessOptions, onRun: (r: RunResult, i: number) => void = () => {}): Promise<RunResult[]> {
  const server = serverVersion();
  mkdirSync(options.out, { recursive: true });
  const csvPath = join(options.out, 'runs.csv');
  if (!existsSync(csvPath)) writeFileSync(csvPath, `${CSV_HEADER}\n`);
  const prefix = configPrefix(options);
  const first = nextIndex(csvPath, prefix);
  const results: RunResult[] = [];
  for (let i = 0; i < options.runs; i++) {
    const run = `${prefix}-${String(first + i).padStart(3, '0')}`;
    const result = await runOnce(options, run, server);
    if (result.rows.length > 0) appendFileSync(csvPath, `${result.rows.join('\n')}\n`);
    results.push(result);
    onRun(result, i);
  }
  return results;
}
