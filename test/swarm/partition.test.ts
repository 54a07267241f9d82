import { describe, expect, test } from 'vitest';
import { explore, type AnyModel, type ExploreOptions } from '../../src/index.ts';
import { catalog } from '../../models/index.ts';
import { dieHard } from '../fixtures/dieHard.ts';
import { hanoi } from '../fixtures/hanoi.ts';
import { swarmInProcess } from './inProcess.ts';

const failover = catalog.find((e) => e.name === 'valkey-failover')!;
const nackThenFail = (): AnyModel => failover.create({ preset: 'nack-then-fail', variants: ['nack-4654'] });
const storm = (): AnyModel => failover.create({ preset: 'storm', variants: ['nack-4654'] });
// Exploring the failover model takes seconds on a busy machine; no assertion is about time.
const SLOW = 120_000;

/** The verdicts of one exhaustive BFS that a partition must reproduce: status and trace length per safety property. */
function exhaustive(model: AnyModel, options: ExploreOptions = {}) {
  const result = explore(model, { ...options, graph: 'never', por: false });
  return {
    states: result.stats.states,
    verdicts: result.properties.filter((v) => v.kind !== 'eventually' && v.kind !== 'recoverable').map((v) => ({ name: v.name, status: v.status, steps: v.trace?.path.length })),
  };
}

describe('a partition swarm covers exactly the state space of one exhaustive run', () => {
  test.each([
    ['die-hard (objects, no packed form), 3 jobs', () => dieHard as AnyModel, 3, 'packed' as const],
    ['hanoi(5) with a packed form, 4 jobs', () => hanoi(5, { packed: true }) as AnyModel, 4, 'packed' as const],
    ['hanoi(5) on objects, 4 jobs', () => hanoi(5, { packed: true }) as AnyModel, 4, 'object' as const],
    ['failover nack-then-fail on the packed engine, 4 jobs', nackThenFail, 4, 'packed' as const],
    ['failover storm on objects, 3 jobs', storm, 3, 'object' as const],
    ['failover storm on the packed engine, 1 job', storm, 1, 'packed' as const],
  ])('%s', { timeout: SLOW }, (_name, make, jobs, engine) => {
    const model = make();
    const reference = exhaustive(model, { engine });
    const { merged, results } = swarmInProcess(model, { mode: 'partition', jobs, engine, frontierPerJob: 4 });
    expect(merged.exhaustive).toBe(true);
    expect(merged.states.distinct).toBe(reference.states);
    // Jobs overlap (a state reachable from two frontier states is seen twice), so a naive sum would overcount.
    expect(merged.states.sum).toBeGreaterThanOrEqual(reference.states);
    expect(merged.verdicts.filter((v) => v.kind !== 'eventually' && v.kind !== 'recoverable').map((v) => ({ name: v.name, status: v.status, steps: v.trace?.path.length }))).toEqual(reference.verdicts);
    expect(results.every((r) => r?.complete === true)).toBe(true);
  });

  test('the jobs of a failover partition really overlap, and the exact count is below their sum', { timeout: SLOW }, () => {
    const { merged } = swarmInProcess(storm(), { mode: 'partition', jobs: 4, frontierPerJob: 4 });
    expect(merged.states.sum).toBeGreaterThan(merged.states.distinct!);
  });

  test('a recoverable property is unknown, with the reason, even when every job completes', { timeout: SLOW }, () => {
    const { merged } = swarmInProcess(storm(), { mode: 'partition', jobs: 2 });
    const l1 = merged.verdicts.find((v) => v.kind === 'recoverable')!;
    expect(l1.status).toBe('unknown');
    expect(l1.note).toMatch(/cannot be decided from a partition/);
  });

  test('a space smaller than the prefix is covered by the plan alone; the empty jobs still count as run', () => {
    const model = dieHard as AnyModel;
    const { merged, results } = swarmInProcess(model, { mode: 'partition', jobs: 2, frontierPerJob: 1000 });
    expect(merged.plan.prefix?.exhausted).toBe(true);
    expect(merged.states.distinct).toBe(16);
    expect(results.every((r) => r?.stats.states === 0)).toBe(true);
    expect(merged.verdicts.find((v) => v.kind === 'always')?.status).toBe('violated');
  });

  test('a missing job makes the merge incomplete: no holds, and the job is named', { timeout: SLOW }, () => {
    const { merged } = swarmInProcess(storm(), { mode: 'partition', jobs: 4, frontierPerJob: 4 }, [2]);
    expect(merged.exhaustive).toBe(false);
    expect(merged.missing).toEqual([2]);
    expect(merged.states.distinct).toBeUndefined();
    const s1 = merged.verdicts.find((v) => v.name.startsWith('S1'))!;
    expect(s1.status).toBe('unknown');
    expect(s1.note).toMatch(/no result from job 2/);
    expect(merged.statement.join('\n')).toMatch(/Missing: job 2/);
  });

  test('planning is deterministic: the same model and options give the same plan and jobs', { timeout: SLOW }, () => {
    const a = swarmInProcess(storm(), { mode: 'partition', jobs: 3 });
    const b = swarmInProcess(storm(), { mode: 'partition', jobs: 3 });
    expect(a.merged.plan).toEqual(b.merged.plan);
    expect(a.results.map((r) => ({ ...r, stats: { ...r!.stats, seconds: 0 } }))).toEqual(b.results.map((r) => ({ ...r, stats: { ...r!.stats, seconds: 0 } })));
  });
});
