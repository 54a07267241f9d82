import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { explore } from '../../src/index.ts';
import { catalog } from '../../models/index.ts';

// The whole cycle as a batch engine runs it: `swarm plan`, then each job in a process of
// its own (here 4 at once, as a CI matrix would), then `swarm merge`. Processes on a busy
// 2-core machine are slow to start: generous timeouts, and no assertion is about time.
const SLOW = 300_000;
const root = mkdtempSync(join(tmpdir(), 'splitvote-cycle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: process.cwd(), progressStream: undefined });
  return { code, out, err };
}

/** `splitvote swarm run --plan DIR --job K` in a child process. */
function runJobProcess(dir: string, k: number): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'swarm', 'run', '--plan', dir, '--job', String(k)], { timeout: SLOW }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, out: stdout, err: stderr });
    });
  });
}

interface MergedJson {
  exhaustive: boolean;
  states: { distinct?: number; sum: number };
  verdicts: { name: string; kind: string; status: string; trace?: { init: number; path: number[] }; note?: string }[];
  missing: number[];
}

const failover = catalog.find((e) => e.name === 'valkey-failover')!;

describe('plan, 4 job processes, merge', () => {
  test('partition: the merge has exactly the states and safety verdicts of one exhaustive run, with shortest traces', { timeout: SLOW }, async () => {
    const dir = join(root, 'partition');
    const plan = await cli('swarm', 'plan', 'valkey-failover', '--preset', 'nack-then-fail', '--variant', 'nack-4654', '--jobs', '4', '--out', dir, '--mode', 'partition');
    expect(plan.code).toBe(0);
    const jobs = await Promise.all([0, 1, 2, 3].map((k) => runJobProcess(dir, k)));
    expect(jobs.map((j) => j.code)).toEqual([0, 0, 0, 0]);
    for (let k = 0; k < 4; k++) expect(existsSync(join(dir, `result-${k}.fp`))).toBe(true);

    const merged = await cli('swarm', 'merge', dir, '--json');
    expect(merged.code).toBe(1); // the preset breaks S4, as one exhaustive run says
    const result = JSON.parse(merged.out) as MergedJson;
    const reference = explore(failover.create({ preset: 'nack-then-fail', variants: ['nack-4654'] }), { graph: 'never', por: false });
    expect(result.exhaustive).toBe(true);
    expect(result.states.distinct).toBe(reference.stats.states);
    const safety = (v: { kind: string }) => v.kind !== 'eventually' && v.kind !== 'recoverable';
    expect(result.verdicts.filter(safety).map((v) => [v.name, v.status, v.trace?.path.length])).toEqual(reference.properties.filter(safety).map((v) => [v.name, v.status, v.trace?.path.length]));
    expect(result.verdicts.find((v) => v.kind === 'recoverable')?.status).toBe('unknown');

    const text = await cli('swarm', 'merge', dir);
    expect(text.out).toMatch(/Exhaustive: every job completed/);
    expect(text.out).toMatch(/Counterexample to "S4/);

    // A job that never reported: the merge is incomplete, names the job and exits 1.
    unlinkSync(join(dir, 'result-3.json'));
    const partial = await cli('swarm', 'merge', dir);
    expect(partial.code).toBe(1);
    expect(partial.out).toMatch(/Missing: job 3 wrote no result/);
    expect(partial.out).toMatch(/S1 .*unknown|unknown .*S1/);

    // Results of another plan in the folder are refused.
    expect((await cli('swarm', 'plan', 'valkey-failover', '--preset', 'nack-then-fail', '--variant', 'nack-4654', '--jobs', '4', '--out', dir, '--frontier-per-job', '2')).code).toBe(0);
    const stale = await cli('swarm', 'merge', dir);
    expect(stale.code).toBe(2);
    expect(stale.err).toMatch(/SV402: .*result-0\.json belongs to plan/);
  });

  test('sample: 4 diversified jobs find the stale NACK (S4 on nack-3833), with a trace that replays', { timeout: SLOW }, async () => {
    const dir = join(root, 'sample');
    expect((await cli('swarm', 'plan', 'valkey-failover', '--preset', 'stale-nack', '--variant', 'nack-3833', '--jobs', '4', '--out', dir, '--mode', 'sample', '--max-depth', '6', '--runs', '20')).code).toBe(0);
    const jobs = await Promise.all([0, 1, 2, 3].map((k) => runJobProcess(dir, k)));
    expect(jobs.map((j) => j.code)).toEqual([0, 0, 0, 0]);
    const merged = await cli('swarm', 'merge', dir, '--json');
    expect(merged.code).toBe(1);
    const result = JSON.parse(merged.out) as MergedJson;
    expect(result.exhaustive).toBe(false);
    expect(result.states.distinct).toBeUndefined();
    const s4 = result.verdicts.find((v) => v.name.startsWith('S4'))!;
    expect(s4.status).toBe('violated');
    // Replay the merged trace on the model: it is a real counterexample from the initial state.
    const saved = join(dir, 's4.json');
    const save = { schema: 1, kind: 'splitvote-trace', model: 'valkey-failover', preset: 'stale-nack', variants: ['nack-3833'], property: s4.name, init: s4.trace!.init, path: s4.trace!.path, propertyKind: 'always' };
    writeFileSync(saved, JSON.stringify(save));
    const replayed = await cli('replay', saved);
    expect(replayed.code).toBe(1);
    expect(replayed.out).toMatch(/violated/);
    // Depth bounds of 6 and 3 leave the deeper parts unexplored: nothing else is claimed.
    expect(result.verdicts.find((v) => v.name.startsWith('S1'))?.status).toBe('unknown');
    expect(readFileSync(join(dir, 'job-0.json'), 'utf8')).toMatch(/"orderSeed": 1/);
  });
});
