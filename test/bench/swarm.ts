/**
 * Swarm benchmarks for `npm run bench`: a swarm of 4 local job processes (plan, 4 × `swarm
 * run` at once, merge) against one exhaustive run of the same preset in one process: the
 * violations each finds, the time to the first counterexample and the wall time. Both
 * sides run as processes (`swarm run`, `check`), so both pay for starting Node and tsx;
 * on a 2-core machine the 4 job processes share 2 cores.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export interface SwarmBench {
  readonly name: string;
  readonly what: string;
  readonly preset: string;
  readonly variants: readonly string[];
  /** Extra `swarm plan` flags (mode, bounds). */
  readonly plan: readonly string[];
}

const JOBS = 4;

export const SWARM_BENCHES: readonly SwarmBench[] = [
  {
    name: 'swarm-sample-4-siblings',
    what: 'siblings, nack-4654,bounded-delay: 4 sample jobs (2 shuffled DFS, depth 60 and 30, 2 random-walk jobs), each stopping at its first violation',
    preset: 'siblings',
    variants: ['nack-4654', 'bounded-delay'],
    plan: ['--mode', 'sample', '--seed', '1', '--max-depth', '60', '--stop-on-violation', '--no-coverage'],
  },
  {
    name: 'swarm-partition-4-siblings',
    what: 'siblings, nack-4654,bounded-delay: 4 partition jobs (exhaustive), exact distinct count by k-way merge',
    preset: 'siblings',
    variants: ['nack-4654', 'bounded-delay'],
    plan: ['--mode', 'partition', '--no-coverage'],
  },
];

export const SWARM_TABLE_HEADER = '| date | benchmark | jobs | swarm states | exhaustive states |';

const root = fileURLToPath(new URL('../../', import.meta.url));
const quiet = { out: () => {}, err: (t: string) => void process.stderr.write(t), env: {}, cwd: root, progressStream: undefined };

/** `splitvote ARGS` in a child process; resolves with its stdout and the time it ended, in seconds since `start`. */
function child(args: readonly string[], start: number): Promise<{ seconds: number; out: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], { cwd: root, maxBuffer: 1 << 28 }, (error, stdout) => {
      // `check` exits 1 when it finds a violation: that is a result, not a failure.
      if (error !== null && error.code !== 1) reject(error);
      else resolve({ seconds: (performance.now() - start) / 1000, out: stdout });
    });
  });
}

/** Runs one swarm benchmark; the last line printed is its table row. */
export async function swarmBench(bench: SwarmBench, date: string, machine: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'splitvote-bench-swarm-'));
  try {
    const start = performance.now();
    const planned = await main(['swarm', 'plan', 'valkey-failover', '--preset', bench.preset, '--variant', bench.variants.join(','), '--jobs', String(JOBS), '--out', dir, ...bench.plan], quiet);
    if (planned !== 0) throw new Error(`swarm plan exited ${planned}`);
    const ended = (await Promise.all(Array.from({ length: JOBS }, (_, k) => child(['swarm', 'run', '--plan', dir, '--job', String(k)], start)))).map((r) => r.seconds);
    let out = '';
    const code = await main(['swarm', 'merge', dir, '--json'], { ...quiet, out: (t) => void (out += t) });
    const wall = (performance.now() - start) / 1000;
    if (code === 2) throw new Error('swarm merge failed');
    const merged = JSON.parse(out) as { states: { distinct?: number; sum: number }; verdicts: { name: string; status: string; foundBy?: string }[] };
    const violated = merged.verdicts.filter((v) => v.status === 'violated').map((v) => v.name.split(' ')[0]);
    // Time to the first counterexample: the first job to end with a violation in its result.
    const firsts = ended.map((t, k) => ({ t, k, violated: (JSON.parse(readFileSync(join(dir, `result-${k}.json`), 'utf8')) as { verdicts: { status: string }[] }).verdicts.some((v) => v.status === 'violated') }));
    const first = firsts.filter((f) => f.violated).sort((a, b) => a.t - b.t)[0];

    // The reference, also as a process (so both sides pay for starting one): `check`, and `check --stop-on-violation`.
    const check = ['check', 'valkey-failover', '--preset', bench.preset, '--variant', bench.variants.join(','), '--json'];
    const t0 = performance.now();
    const full = await child(check, t0);
    const t1 = performance.now();
    const stopped = await child([...check, '--stop-on-violation'], t1);
    const report = JSON.parse(full.out) as { stats: { states: number }; properties: { name: string; status: string }[] };
    const reference = report.properties.filter((v) => v.status === 'violated').map((v) => v.name.split(' ')[0]);
    const same = violated.join(',') === reference.join(',') ? 'same' : `swarm ${violated.join(',') || 'none'} vs ${reference.join(',') || 'none'}`;
    const row = [
      date,
      bench.name,
      String(JOBS),
      merged.states.distinct === undefined ? `${merged.states.sum.toLocaleString('en-US')} (summed, sampled)` : `${merged.states.distinct.toLocaleString('en-US')} distinct (${merged.states.sum.toLocaleString('en-US')} summed)`,
      report.stats.states.toLocaleString('en-US'),
      `${violated.join(',') || 'none'} (${same})`,
      first === undefined ? 'none' : `${first.t.toFixed(2)} s (job ${first.k})`,
      `${stopped.seconds.toFixed(2)} s`,
      `${wall.toFixed(2)} s`,
      `${full.seconds.toFixed(2)} s`,
      machine,
    ];
    return `${bench.name}: ${bench.what}\n  swarm: ${row[3]} states, violated ${row[5]}, first counterexample ${row[6]}, wall ${row[8]}; one exhaustive run: ${row[4]} states, first counterexample ${row[7]}, wall ${row[9]}\n| ${row.join(' | ')} |\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
