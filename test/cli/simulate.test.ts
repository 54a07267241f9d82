import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { main } from '../../src/cli/main.ts';

// `simulate` needs a model with timed semantics: the real catalog (models/index.ts).
async function splitvote(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: process.cwd(), progressStream: undefined });
  return { code, out, err };
}

const SMALL = ['--timed', '--runs', '30', '--primaries', '5', '--failed', '2', '--node-timeout', '1000'];

describe('splitvote simulate --timed', () => {
  test('--json prints one document with exactly the fields of issue 5, the same for the same seed', async () => {
    const a = await splitvote('simulate', 'failover', ...SMALL, '--seed', '9', '--json');
    expect(a.code).toBe(0);
    const report = JSON.parse(a.out);
    expect(Object.keys(report)).toEqual(['schema', 'seed', 'runs', 'config', 'variants']);
    expect(report).toMatchObject({ schema: 1, seed: 9, runs: 30, config: { primaries: 5, failed: 2, replicas: 1, nodeTimeoutMs: 1000, latency: 'empirical:measured', busDelayMs: 0, detection: 'mechanism' } });
    expect(report.variants.map((v: { variant: string }) => v.variant)).toEqual(['redis-7.0', 'valkey-legacy', 'nack-4654', 'fix-4655', 'fix-4700']);
    const v = report.variants[0];
    expect(Object.keys(v)).toEqual(['variant', 'splitVoteRate', 'recoveryMs', 'retryGapMs', 'epochsConsumed', 'nackResets', 'unrecovered', 'violations']);
    expect(v.violations).toEqual([]);
    expect(Object.keys(v.recoveryMs)).toEqual(['mean', 'p50', 'p90', 'p99', 'max']);
    expect(Object.keys(v.retryGapMs)).toEqual(['mean', 'p50', 'p90', 'min', 'max']);
    expect(Object.keys(v.epochsConsumed)).toEqual(['mean', 'max']);
    expect(Object.keys(v.nackResets)).toEqual(['mean']);
    const b = await splitvote('simulate', 'valkey-failover', ...SMALL, '--seed', '9', '--json');
    expect(b.out).toBe(a.out);
  });

  test('--bus-delay is the harness\'s proxy: a fixed one-way delay in the config; a negative one exits 2 naming the flag', async () => {
    const a = await splitvote('simulate', 'failover', ...SMALL, '--variant', 'redis-7.0', '--bus-delay', '50', '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).config).toMatchObject({ busDelayMs: 50, detection: 'mechanism' });
    const bad = await splitvote('simulate', 'failover', ...SMALL, '--bus-delay', '-5');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--bus-delay/);
  });

  test('prints the table for one configuration, one row per variant set (";" between rows, "," combines)', async () => {
    const { code, out } = await splitvote('simulate', 'failover', ...SMALL, '--variant', 'valkey-legacy;nack-4654,fix-4655', '--latency', 'fixed:2');
    expect(code).toBe(0);
    expect(out).toMatch(/^Timed simulation: 30 runs per variant, seed 0\nConfig: primaries 5, failed 2, replicas 1, nodeTimeoutMs 1000, latency fixed:2/);
    expect(out).toMatch(/\nvalkey-legacy +\d/);
    expect(out).toMatch(/\nnack-4654,fix-4655 +\d/);
  });

  test('reads an empirical latency sample from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitvote-latency-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'latency.txt'), '0.4\n0.9\n2.5\n');
    const { code, out } = await splitvote('simulate', 'failover', ...SMALL, '--latency', `empirical:${join(dir, 'latency.txt')}`, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).config.latency).toBe(`empirical:${join(dir, 'latency.txt')}`);
  });

  test('--exhaustive prints the worst and best case and the worst-case trace', async () => {
    const { code, out } = await splitvote('simulate', 'failover', '--timed', '--exhaustive', '--primaries', '3', '--failed', '1', '--replicas', '2', '--node-timeout', '1000', '--latency', 'fixed:5', '--gossip', 'fixed:0', '--same-tick', '--variant', 'valkey-legacy');
    expect(code).toBe(0);
    expect(out).toContain('Worst case   9210 ms from the failure to the last promotion');
    expect(out).toContain('Best case    1010 ms');
    expect(out).toContain('t=9200  R3 retries: starts election for epoch 6 at once');
  });

  test.each([
    [['--latency', 'uniform:10-1'], '--latency "uniform:10-1": the range is empty (10 > 1); allowed: fixed:MS, uniform:LO-HI'],
    [['--latency', 'normal:5'], '--latency "normal:5": unknown form; allowed:'],
    [['--variant', 'nack-9999'], 'unknown variant "nack-9999" for model valkey-failover (--variant); variants: redis-7.0, valkey-legacy'],
    [['--variant', 'redis-7.0,fix-4655'], 'redis-7.0 combines with no protocol add-on'],
    [['--failed', '4'], '--failed 4: allowed: at most 3 with 7 primaries'],
    [['--runs', '0'], "option '--runs <n>' argument '0' is invalid. Allowed: a whole number >= 1"],
    [['--node-timeout', 'soon'], "option '--node-timeout <ms>' argument 'soon' is invalid. Allowed: a number of milliseconds > 0"],
    [['--variant', 'a,,b'], "option '--variant <rows>' argument 'a,,b' is invalid"],
  ])('bad input %j exits 2 naming the flag, the value and what is allowed', async (flags, message) => {
    const { code, out, err } = await splitvote('simulate', 'failover', '--timed', '--runs', '5', ...flags);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  test('without --timed, or for a model without timed semantics, exits 2 saying what to do', async () => {
    const untimed = await splitvote('simulate', 'failover');
    expect(untimed.code).toBe(2);
    expect(untimed.err).toContain('simulate needs --timed');
    const twoPc = await splitvote('simulate', 'two-phase-commit', '--timed');
    expect(twoPc.code).toBe(2);
    expect(twoPc.err).toContain('model two-phase-commit has no timed semantics; models with one: valkey-failover');
  });
});
