import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { assign, emit, setup } from 'xstate';
import { explore } from '../../src/explore/explore.ts';
import type { ExploreOptions } from '../../src/explore/options.ts';
import { NEXT_CUT, NEXT_NONE, NEXT_STATE, type PackedModel } from '../../src/core/packed.ts';
import { sameValue } from '../../src/core/sameValue.ts';
import { createActorSystemModel } from '../../src/xstate/system.ts';
import type { ActorSystemModel, SystemAction, SystemState } from '../../src/xstate/types.ts';
import { catalog } from '../../models/index.ts';

const failover = catalog.find((e) => e.name === 'valkey-failover')!;
const twoPhase = catalog.find((e) => e.name === 'two-phase-commit')!;

/** Everything a search reports that the engine must not change: counts, verdicts, trace paths. */
function summary(model: ActorSystemModel<unknown>, options: ExploreOptions) {
  const r = explore(model, options);
  return {
    complete: r.complete,
    stats: [r.stats.states, r.stats.transitions, r.stats.depth, r.stats.boundaryHits, r.stats.deadlocks],
    properties: r.properties.map((p) => [p.name, p.status, p.trace?.init, p.trace?.path.join(','), p.trace?.loopsTo]),
  };
}

/** A small unordered, lossy system: pings, pongs, an echo that ignores some messages. */
const pinger = setup({
  types: {} as { context: { sent: number }; events: { type: string; from?: string } },
  actions: { ping: emit({ type: 'PING', to: ['B', 'C'] }), count: assign({ sent: ({ context }) => context.sent + 1 }) },
}).createMachine({
  id: 'pinger',
  context: { sent: 0 },
  on: { GO: { guard: ({ context }) => context.sent < 2, actions: ['ping', 'count'] }, PONG: {} },
});
const echo = setup({
  types: {} as { context: { seen: number }; events: { type: string; from?: string } },
  actions: { pong: emit(({ event }) => ({ type: 'PONG', to: event.from! })), see: assign({ seen: ({ context }) => Math.min(context.seen + 1, 3) }) },
}).createMachine({ id: 'echo', context: { seen: 0 }, initial: 'up', states: { up: { on: { PING: { actions: ['see', 'pong'] }, NAP: 'asleep' } }, asleep: { on: { WAKE: 'up' } } } });

function lossy(): ActorSystemModel<number> {
  return createActorSystemModel<number>({
    name: 'lossy pings',
    actors: [
      { id: 'A', machine: pinger, environment: () => [{ type: 'GO' }] },
      { id: 'B', machine: echo, environment: (s) => [s.value === 'up' ? { type: 'NAP' } : { type: 'WAKE' }] },
      { id: 'C', machine: echo },
    ],
    network: { ordering: 'unordered', maxDrops: 2 },
    monitor: { initial: 0, step: (ghost, record) => (record.sent.length > 0 ? Math.min(ghost + 1, 4) : ghost) },
    actorWithinBoundary: (snapshot) => ((snapshot.context as { seen?: number }).seen ?? 0) < 3,
  });
}

describe('the packed engine of an actor system', { timeout: 120_000 }, () => {
  const cases: [string, () => ActorSystemModel<unknown>, ExploreOptions?][] = [
    ['two-phase commit rm3', () => twoPhase.create({ preset: 'rm3', variants: [] }) as ActorSystemModel<unknown>],
    ['an unordered, lossy system with a monitor and an actor boundary', () => lossy() as ActorSystemModel<unknown>],
    ...['stale-nack', 'storm', 'stale-config', 'nack-then-fail', 'lossy'].map(
      (preset): [string, () => ActorSystemModel<unknown>] => [`failover ${preset}`, () => failover.create({ preset, variants: failover.defaultVariants }) as ActorSystemModel<unknown>],
    ),
    // Held input (a frozen node), FAIL broadcasts, restarts.
    ...['pause-resume', 'restart'].map(
      (preset): [string, () => ActorSystemModel<unknown>] => [`failover ${preset}`, () => failover.create({ preset, variants: failover.defaultVariants }) as ActorSystemModel<unknown>],
    ),
    ['failover fail-report, stopped at exactly 8,000 states', () => failover.create({ preset: 'fail-report', variants: ['nack-4654'] }) as ActorSystemModel<unknown>, { maxStates: 8_000 }],
    ['failover stale-nack on nack-3833', () => failover.create({ preset: 'stale-nack', variants: ['nack-3833'] }) as ActorSystemModel<unknown>],
    ['failover minimal, stopped at exactly 8,000 states', () => failover.create({ preset: 'minimal', variants: ['nack-4654'] }) as ActorSystemModel<unknown>, { maxStates: 8_000 }],
  ];
  for (const strategy of ['bfs', 'dfs'] as const) {
    for (const [name, make, extra] of cases) {
      test(`${strategy} on ${name} finds the same states, transitions, verdicts and traces as the object engine`, () => {
        const options = { strategy, ...extra };
        expect(summary(make(), { ...options, engine: 'packed' })).toEqual(summary(make(), { ...options, engine: 'object' }));
      });
    }
  }

  test('every step of random walks agrees with the object model: the same actions, successors and boundary', () => {
    const models = [lossy() as ActorSystemModel<unknown>, failover.create({ preset: 'nack-then-fail', variants: ['nack-4654'] }) as ActorSystemModel<unknown>];
    for (const model of models) {
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
          const packed = model.packed!({ symmetry: false })!;
          let words = packed.initial()[0];
          for (const choice of choices) {
            const next = compareStep(model, packed, words);
            if (next.length === 0) return;
            words = next[choice % next.length];
          }
        }),
        { seed: 7, numRuns: 60 },
      );
    }
  });

  test('fingerprints depend on the state, not on the order in which the engine met its parts', () => {
    const model = failover.create({ preset: 'nack-then-fail', variants: ['nack-4654'] }) as ActorSystemModel<unknown>;
    const walk = (packed: PackedModel<SystemState<unknown>>, path: readonly number[]): Int32Array => {
      let words = packed.initial()[0];
      for (const choice of path) {
        const successors = compareStep(model, packed, words);
        if (successors.length === 0) break;
        words = successors[choice % successors.length];
      }
      return words;
    };
    const fresh = model.packed!({ symmetry: false })!;
    const warmed = model.packed!({ symmetry: false })!;
    walk(warmed, [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 3]); // warm-up: hands out ids in another order
    const path = [2, 0, 1, 4, 1, 0, 2, 2, 1];
    const a = new Int32Array(2);
    const b = new Int32Array(2);
    fresh.fingerprint(walk(fresh, path), 0, a);
    warmed.fingerprint(walk(warmed, path), 0, b);
    expect([...b]).toEqual([...a]);
  });

  test('asking for symmetry gives no packed engine (actor systems have no symmetry yet), so the objects are used', () => {
    expect(lossy().packed!({ symmetry: true })).toBeUndefined();
  });
});

/**
 * Checks one state's actions and successors against the object model (on the decoded
 * state) and returns the packed successors that are inside the boundary.
 */
function compareStep(model: ActorSystemModel<unknown>, packed: PackedModel<SystemState<unknown>>, words: Int32Array): Int32Array[] {
  const state = packed.decode(words, 0);
  const actions: SystemAction[] = [];
  model.actions(state, actions);
  const codes: number[] = [];
  packed.actions(words, 0, codes);
  expect(codes.length / 2).toBe(actions.length);
  const successors: Int32Array[] = [];
  const scratch = new Int32Array(packed.width);
  const fp = new Int32Array(2);
  actions.forEach((action, k) => {
    const outcome = packed.next(words, 0, codes, k, scratch, fp);
    const next = model.next(state, action);
    if (next === undefined) return expect(outcome).toBe(NEXT_NONE);
    if (model.withinBoundary !== undefined && !model.withinBoundary(next)) return expect(outcome).toBe(NEXT_CUT);
    expect(outcome).toBe(NEXT_STATE);
    const decoded = packed.decode(scratch, 0);
    expect(sameValue(plain(decoded), plain(next))).toBe(true);
    successors.push(scratch.slice());
  });
  return successors;
}

const plain = (s: SystemState<unknown>) => ({ actors: s.actors.map((a) => [a.config, a.context]), channels: s.channels, dropsLeft: s.dropsLeft, ghost: s.ghost });
