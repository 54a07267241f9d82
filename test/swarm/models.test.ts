import { describe, expect, test } from 'vitest';
import { explore, judgeTrace, replay, type AnyModel } from '../../src/index.ts';
import { catalog } from '../../models/index.ts';
import { explorePrefix, StateSpace } from '../../src/swarm/prefix.ts';
import { startFrom } from '../../src/swarm/frontierModel.ts';
import { shuffled } from '../../src/swarm/shuffledModel.ts';
import { hanoi } from '../fixtures/hanoi.ts';

const failover = catalog.find((e) => e.name === 'valkey-failover')!;
const staleNack = (): AnyModel => failover.create({ preset: 'stale-nack', variants: ['nack-3833'] });

describe('the swarm identifies states as the explorer does', () => {
  test.each([
    ['packed', true],
    ['packed', false],
    ['object', true],
  ] as const)('engine %s, symmetry %s: a prefix run to exhaustion has exactly the explorer\'s fingerprints', (engine, symmetry) => {
    const model = staleNack();
    const prefix = explorePrefix(new StateSpace(model, { engine, symmetry }), Number.POSITIVE_INFINITY, 1000);
    expect(prefix.exhausted).toBe(true);
    expect(prefix.fingerprints).toEqual(explore(model, { engine, symmetry, fingerprints: true, graph: 'never', por: false }).fingerprints);
  });
});

describe('startFrom: the model started from frontier states', () => {
  test('the packed and the object engine explore the same states from the frontier, and traces are paths of the model', () => {
    const model = staleNack();
    const prefix = explorePrefix(new StateSpace(model, { engine: 'packed', symmetry: true }), 10, 1000);
    expect(prefix.frontier.length).toBeGreaterThanOrEqual(10);
    const wrapped = startFrom(model, prefix.frontier);
    const packed = explore(wrapped, { engine: 'packed', fingerprints: true, graph: 'never', por: false });
    const objects = explore(wrapped, { engine: 'object', graph: 'never', por: false });
    expect(packed.stats.states).toBe(objects.stats.states);
    expect(packed.stats.transitions).toBe(objects.stats.transitions);
    expect(packed.properties.map((v) => [v.status, v.trace?.path])).toEqual(objects.properties.map((v) => [v.status, v.trace?.path]));
    // Every frontier state is an initial state of the wrapper, so the wrapper saw at least them.
    expect(packed.stats.states).toBeGreaterThanOrEqual(prefix.frontier.length);
  });
});

describe('shuffled: a seeded shuffle of every state\'s actions', () => {
  test('a complete DFS of the shuffled model visits the same states, in another order, and its traces map back to the model', () => {
    const model = staleNack();
    const plain = explore(model, { strategy: 'dfs', graph: 'never', por: false });
    const order = shuffled(model, 7);
    const mixed = explore(order.model, { strategy: 'dfs', graph: 'never', por: false });
    expect(mixed.stats.states).toBe(plain.stats.states);
    const s4 = mixed.properties.find((v) => v.name.startsWith('S4'))!;
    expect(s4.status).toBe('violated');
    const path = order.originalPath(s4.trace!.init, s4.trace!.path);
    expect(judgeTrace(model, replay(model, s4.trace!.init, path), s4.name, 'always').status).toBe('violated');
    // The order really changed somewhere: the shuffled DFS reached the violation by another path.
    const plainS4 = plain.properties.find((v) => v.name.startsWith('S4'))!;
    expect(path).not.toEqual(plainS4.trace!.path);
  });

  test('the packed and the object engine take the same shuffled order (same states, same traces)', () => {
    const model = staleNack();
    const order = shuffled(model, 3);
    const packed = explore(order.model, { strategy: 'dfs', engine: 'packed', graph: 'never', maxDepth: 8, por: false });
    const objects = explore(order.model, { strategy: 'dfs', engine: 'object', graph: 'never', maxDepth: 8, por: false });
    expect(packed.stats).toMatchObject({ states: objects.stats.states, transitions: objects.stats.transitions });
    expect(packed.properties.map((v) => v.trace?.path)).toEqual(objects.properties.map((v) => v.trace?.path));
  });

  test('the order depends on the seed and the state only: the same seed twice gives the same search', () => {
    const model = hanoi(4, { packed: true });
    const a = explore(shuffled(model, 11).model, { strategy: 'dfs', fingerprints: true, graph: 'never', maxDepth: 6 });
    const b = explore(shuffled(model, 11).model, { strategy: 'dfs', fingerprints: true, graph: 'never', maxDepth: 6 });
    expect(a.fingerprints).toEqual(b.fingerprints);
    expect(a.properties).toEqual(b.properties);
  });
});
