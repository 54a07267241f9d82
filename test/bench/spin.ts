import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Spin side of a benchmark pair: the same model in Promela, verified exhaustively by Spin's own checker. */
export interface SpinBench {
  readonly name: string;
  readonly what: string;
  readonly model: string;
  /** Arguments of the compiled verifier (`pan`). */
  readonly panArgs: readonly string[];
}

export const SPIN_BENCHES: readonly SpinBench[] = [
  {
    name: 'hanoi-14-spin',
    what: 'Towers of Hanoi, 14 disks, the same model in Promela (test/bench/spin/hanoi.pml), Spin with gcc -O2 -DSAFETY -DNOREDUCE, DFS, 2^24-slot hash table',
    model: fileURLToPath(new URL('./spin/hanoi.pml', import.meta.url)),
    panArgs: ['-m6000000', '-w24'],
  },
];

/**
 * Runs a Spin benchmark: spin -a, gcc, then the verifier, timed with /usr/bin/time (wall
 * seconds and peak RSS of the verifier alone). Returns undefined when spin, gcc or
 * /usr/bin/time is missing (Debian packages spin, gcc, time).
 */
export function runSpin(bench: SpinBench): { states: number; transitions: number; seconds: number; peakKiB: number; version: string } | undefined {
  const version = spawnSync('spin', ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'splitvote-spin-'));
  try {
    if (spawnSync('spin', ['-a', bench.model], { cwd: dir }).status !== 0) return undefined;
    if (spawnSync('gcc', ['-O2', '-DSAFETY', '-DNOREDUCE', '-DNOCLAIM', '-o', 'pan', 'pan.c'], { cwd: dir }).status !== 0) return undefined;
    const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', './pan', ...bench.panArgs], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0 && run.stderr === '') return undefined;
    const text = `${run.stdout}\n${run.stderr}`;
    const states = Number(/(\d+) states, stored/.exec(text)?.[1]);
    const transitions = Number(/(\d+) transitions/.exec(text)?.[1]);
    const time = /TIME ([\d.]+) (\d+)/.exec(text);
    if (!Number.isFinite(states) || time === null) return undefined;
    return { states, transitions, seconds: Number(time[1]), peakKiB: Number(time[2]), version: version.stdout.trim().split('\n')[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
