import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { explore, type ExploreOptions } from '../../../src/index.ts';
import { exploreParallel } from '../../../src/explore/parallel/bfsParallel.ts';
import type { ModelRecipe } from '../../../src/explore/parallel/protocol.ts';
import { catalogModel, packedHanoi } from '../../fixtures/recipes.ts';

const module = fileURLToPath(new URL('../../fixtures/recipes.ts', import.meta.url));

function summary(r: Awaited<ReturnType<typeof exploreParallel>>) {
  return {
    complete: r.complete,
    stop: r.stopReason,
    stats: [r.stats.states, r.stats.transitions, r.stats.depth, r.stats.boundaryHits, r.stats.deadlocks],
    properties: r.properties.map((p) => [p.name, p.status, p.trace?.init, p.trace?.path.join(',')]),
    edges: r.graph?.edgeCount,
  };
}

describe('parallel BFS over a shared fingerprint table', { timeout: 180_000 }, () => {
  const cases: [string, ModelRecipe, ExploreOptions][] = [
    ['Towers of Hanoi with 7 disks', { module, export: 'packedHanoi', args: { disks: 7 } }, {}],
    ['failover nack-then-fail, the shared table growing from its smallest size', { module, export: 'catalogModel', args: { model: 'valkey-failover', preset: 'nack-then-fail', variants: ['nack-4654'] } }, { expectedStates: 1 }],
    ['failover stale-nack on nack-3833', { module, export: 'catalogModel', args: { model: 'valkey-failover', preset: 'stale-nack', variants: ['nack-3833'] } }, {}],
    ['two-phase commit rm3 with a depth limit', { module, export: 'catalogModel', args: { model: 'two-phase-commit', preset: 'rm3', variants: [] } }, { maxDepth: 6 }],
  ];
  for (const [name, recipe, options] of cases) {
    test(`with 3 threads on ${name}: the same states, transitions, edges, verdicts and traces as one thread`, async () => {
      const one = explore(recipe.export === 'packedHanoi' ? packedHanoi(recipe.args as { disks: number }) : catalogModel(recipe.args as never), options);
      const many = await exploreParallel(recipe, { ...options, workers: 3 });
      expect(summary(many)).toEqual(summary(one));
    });
  }

  test('a search stopped by max-states keeps exactly the same first states and verdicts (it stops at a level boundary, so it expanded more)', async () => {
    const args = { model: 'valkey-failover', preset: 'minimal', variants: ['nack-4654'] };
    const one = summary(explore(catalogModel(args), { maxStates: 5000 }));
    const many = summary(await exploreParallel({ module, export: 'catalogModel', args }, { maxStates: 5000, workers: 2 }));
    expect([many.stop, many.stats[0], many.properties]).toEqual([one.stop, one.stats[0], one.properties]);
    expect(many.stats[1]).toBeGreaterThanOrEqual(one.stats[1]);
  });

  test('one thread, or a model without a packed form, runs the ordinary search', async () => {
    const recipe: ModelRecipe = { module, export: 'packedHanoi', args: { disks: 4 } };
    expect(summary(await exploreParallel(recipe, { workers: 1 }))).toEqual(summary(explore(packedHanoi({ disks: 4 }))));
  });

  test('a worker that cannot build the model fails the search with its message', async () => {
    await expect(exploreParallel({ module, export: 'catalogModel', args: { model: 'valkey-failover', preset: 'no-such', variants: [] } }, { workers: 2 })).rejects.toThrow();
  });
});
