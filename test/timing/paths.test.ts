import { describe, expect, test } from 'vitest';
import { createTimedModel, dagDistances, explore, timedExtremes, toCsr } from '../../src/index.ts';
import { EdgeList } from '../../src/store/edgeList.ts';
import { pacedTiming, pingSystem, received } from './fixtures.ts';

describe('dagDistances', () => {
  test('gives the longest and shortest distance from the sources, with the edges that realise them', () => {
    // 0 -> 1 (2), 0 -> 2 (5), 1 -> 3 (1), 2 -> 3 (1), 1 -> 2 (4)
    const edges = new EdgeList();
    const weights = [2, 5, 1, 1, 4];
    [[0, 1], [0, 2], [1, 3], [2, 3], [1, 2]].forEach(([a, b], i) => edges.add(a, b, i));
    const d = dagDistances(toCsr(edges, 4), Float64Array.from(weights), [0])!;
    expect([...d.longest]).toEqual([0, 2, 6, 7]);
    expect([...d.shortest]).toEqual([0, 2, 5, 3]);
    expect(d.longestVia[3]).toBe(3);
    expect(d.shortestVia[3]).toBe(2);
  });

  test('returns undefined for a graph with a cycle', () => {
    const edges = new EdgeList();
    edges.add(0, 1, 0);
    edges.add(1, 0, 0);
    expect(dagDistances(toCsr(edges, 2), Float64Array.of(1, 1), [0])).toBeUndefined();
  });
});

describe('createTimedModel + timedExtremes (exhaustive timed analysis)', () => {
  // A sends at 1, 2, 3 ms; each latency is 1, 2 or 3 ms; FIFO. The last delivery is at
  // 3 + latency of the third message (the earlier ones cannot be later), so 4 to 6 ms.
  const model = createTimedModel(pingSystem(), pacedTiming({ kind: 'uniform', lo: 1, hi: 3 }), { grid: 1, goal: (sys) => received(sys).length === 3 });

  test('the worst and best time to the goal are the longest and shortest paths', () => {
    const exploration = explore(model, { graph: 'always', graphLimit: 1e6, deadlock: false });
    expect(exploration.complete).toBe(true);
    const x = timedExtremes(model, exploration);
    expect(x.worst?.ms).toBe(6);
    expect(x.best?.ms).toBe(4);
    expect(x.deadEnds).toBe(0);
  });

  test('the witness traces replay to a goal state at exactly that time, naming the values drawn', () => {
    const x = timedExtremes(model, explore(model, { graph: 'always', graphLimit: 1e6, deadlock: false }));
    const last = x.worst!.trace.steps.at(-1)!;
    expect(last.state.now).toBe(6);
    expect(received(last.state.sys)).toEqual([0, 1, 2]);
    expect(x.worst!.trace.steps.map((s) => s.label)).toContain('t=3  A: GO [drawn: 3 ms]');
  });

  test('states that differ only by a shift in time share a fingerprint', () => {
    // Without the shift-invariant encoding every (time, queue) pair would be its own state.
    const exploration = explore(model, { graph: 'always', graphLimit: 1e6, deadlock: false });
    expect(exploration.stats.states).toBeLessThan(60);
  });

  test('needs the state graph with its states', () => {
    expect(() => timedExtremes(model, explore(model, { graph: 'never' }))).toThrow(/SV202/);
  });
});
