import { describe, expect, test } from 'vitest';
import { explore } from '../../src/index.ts';
import { createTwoPhaseCommitModel } from '../../models/two-phase-commit/index.ts';
import { createFailoverModel, PRESETS } from '../../models/valkey-failover/index.ts';
import { buildChart } from '../../src/viz/chart.ts';
import { collectCoverage, coverageCounts, coverageReport, formatCoverage } from '../../src/viz/coverage.ts';
import { machinesOf } from '../../src/viz/machines.ts';
import { statechartToDot } from '../../src/viz/statechartDot.ts';
import { statechartToMermaid } from '../../src/viz/statechartMermaid.ts';
import { catalog } from '../fixtures/catalog.ts';
import { doorModel } from './fixtures.ts';

describe('statechart coverage', () => {
  const door = doorModel();
  const result = explore(door);
  const coverage = collectCoverage(door, result.graph!, result.complete)!;

  test('an exhaustive search of the door never takes LOCK [hasKey] and never reaches locked', () => {
    expect(result.stats.states).toBe(2);
    const [machine] = coverage.machines;
    expect(machine.name).toBe('door');
    expect([...machine.states].sort()).toEqual(['door', 'door.closed', 'door.open']);
    const lock = machine.compiled.transitions.find((t) => t.eventType === 'LOCK')!;
    expect(machine.transitions.has(lock.id)).toBe(false);
    expect(machine.transitions.size).toBe(2);
    expect(coverageCounts(machine)).toEqual({ states: [2, 3], transitions: [2, 3], guards: [0, 1] });
  });

  test('the coverage block counts states, transitions and guards and lists the guard that never fired', () => {
    expect(formatCoverage(coverage, 'splitvote viz statechart door --coverage')).toBe(
      [
        'Statechart coverage:',
        '  door  2/3 states  2/3 transitions  0/1 guards fired',
        '  never fired (1 guarded transition):',
        '    closed LOCK [hasKey]',
        '    draw them: splitvote viz statechart door --coverage',
      ].join('\n'),
    );
  });

  test('the drawings grey the untaken transition and the unvisited state', () => {
    const chart = buildChart('door', machinesOf(door)[0].compiled);
    const dot = statechartToDot([chart], { coverage });
    expect(dot).toMatch(/-> s3 \[label=<.*LOCK \[hasKey\].*>, style=dashed, color="#9a9a9a"/);
    expect(dot).toMatch(/s3 \[label=<.*locked.*peripheries=2, style="rounded,dashed", color="#9a9a9a"/);
    expect(dot).not.toMatch(/-> s2 \[[^\]]*style=dashed/);
    const mermaid = statechartToMermaid([chart], { coverage });
    expect(mermaid).toContain('closed --> locked : LOCK [hasKey] (never taken)\n');
    expect(mermaid).toContain('closed --> open : OPEN\n');
    expect(mermaid).toContain('  class locked untaken\n');
  });

  test('two-phase commit takes every transition of both machines', () => {
    const model = createTwoPhaseCommitModel({ rms: 3 });
    const run = explore(model);
    const counts = collectCoverage(model, run.graph!, run.complete)!.machines.map((m) => [m.name, coverageCounts(m)]);
    expect(counts).toEqual([
      ['tm', { states: [3, 3], transitions: [3, 3], guards: [1, 1] }],
      ['rm', { states: [4, 4], transitions: [5, 5], guards: [0, 0] }],
    ]);
  });

  test('the failover primary and replica machines are counted as one statechart', () => {
    const model = createFailoverModel(PRESETS.find((p) => p.name === 'stale-nack')!, { variants: ['nack-3833'] });
    const run = explore(model);
    const machines = collectCoverage(model, run.graph!, run.complete)!.machines;
    expect(machines.map((m) => [m.name, m.members.length])).toEqual([['node', 2]]);
  });

  test('a search that stopped early says its coverage is partial', () => {
    const model = createTwoPhaseCommitModel({ rms: 3 });
    const run = explore(model, { maxStates: 20 });
    expect(formatCoverage(collectCoverage(model, run.graph!, run.complete)!)).toMatch(/^Statechart coverage \(partial: the search stopped early\):/);
  });

  test('no coverage for a model without statecharts, and a reason when the states were not kept', () => {
    const jugs = catalog.find((e) => e.name === 'jugs')!.create({ preset: 'die-hard', variants: [] });
    expect(coverageReport(jugs, explore(jugs))).toBeUndefined();
    const model = createTwoPhaseCommitModel({ rms: 2 });
    const run = explore(model, { graphLimit: 10 });
    expect(collectCoverage(model, run.graph!, run.complete)).toBeUndefined();
    expect(coverageReport(model, run)).toMatch(/not computed; the 79 explored states were more than the graph limit/);
  });
});
