import { describe, expect, test } from 'vitest';
import { eventually, explore, recoverable } from '../../src/index.ts';
import { dgraph } from '../fixtures/dgraph.ts';

const isGoal = (s: number): boolean => s === 9;

describe('eventually', () => {
  test('holds when every path reaches the goal', () => {
    const model = dgraph({ 0: [1, 2], 1: [9], 2: [9], 9: [9] }, [eventually('reaches 9', isGoal)]);
    expect(explore(model).properties[0].status).toBe('holds');
  });

  test('is violated by a lasso that loops without the goal, and the trace says where the loop starts', () => {
    const model = dgraph({ 0: [1, 9], 1: [2], 2: [1], 9: [9] }, [eventually('reaches 9', isGoal)]);
    const verdict = explore(model).properties[0];
    expect(verdict.status).toBe('violated');
    expect(verdict.trace!.steps.map((s) => s.state)).toEqual([0, 1, 2, 1]);
    expect(verdict.trace!.loopsTo).toBe(1);
  });

  test('is violated by a path that ends without the goal', () => {
    const model = dgraph({ 0: [1, 9], 1: [], 9: [9] }, [eventually('reaches 9', isGoal)], { final: [1] });
    const verdict = explore(model).properties[0];
    expect(verdict.status).toBe('violated');
    expect(verdict.trace!.steps.map((s) => s.state)).toEqual([0, 1]);
    expect(verdict.trace!.loopsTo).toBeUndefined();
  });

  test('a cycle that passes through the goal is no violation', () => {
    const model = dgraph({ 0: [9], 9: [0] }, [eventually('reaches 9', isGoal)]);
    expect(explore(model).properties[0].status).toBe('holds');
  });

  test('is unknown when the graph was not recorded', () => {
    const model = dgraph({ 0: [9], 9: [9] }, [eventually('reaches 9', isGoal)]);
    expect(explore(model, { graph: 'never' }).properties[0]).toMatchObject({ status: 'unknown' });
  });
});

describe('recoverable', () => {
  test('holds when the goal stays reachable from every state', () => {
    const model = dgraph({ 0: [1], 1: [0, 9], 9: [0] }, [recoverable('9 stays reachable', isGoal)]);
    expect(explore(model).properties[0].status).toBe('holds');
  });

  test('is violated by a shortest path into a trap', () => {
    const model = dgraph({ 0: [1, 2], 1: [9], 2: [3], 3: [2], 9: [0] }, [recoverable('9 stays reachable', isGoal)]);
    const verdict = explore(model).properties[0];
    expect(verdict.status).toBe('violated');
    expect(verdict.trace!.steps.map((s) => s.state)).toEqual([0, 2]);
  });

  test('states cut by the boundary count as able to recover, so a bound raises no false alarm', () => {
    const model = { ...dgraph({ 0: [1], 1: [2], 2: [3], 3: [9], 9: [9] }, [recoverable('9 stays reachable', isGoal)]), withinBoundary: (s: number) => s < 3 };
    const verdict = explore(model).properties[0];
    expect(verdict.status).toBe('holds');
    expect(verdict.note).toMatch(/boundary/);
  });
});
