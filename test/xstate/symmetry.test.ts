import { describe, expect, test } from 'vitest';
import { assign, emit, setup } from 'xstate';
import { always, sometimes } from '../../src/core/property.ts';
import { explore } from '../../src/explore/explore.ts';
import { createActorSystemModel } from '../../src/xstate/system.ts';
import { groupPermutations } from '../../src/xstate/symmetry.ts';
import type { ActorSystemModel, Message, SystemState } from '../../src/xstate/types.ts';

type Ev = { type: string; from?: string };
const IDS = ['A', 'B', 'C', 'D'];

/** A asks B, C and D at most twice; each echo answers while awake; A counts the answers. */
const asker = setup({
  types: {} as { context: { asked: number; answers: number }; events: Ev },
  actions: { ask: emit({ type: 'PING', to: ['B', 'C', 'D'] }), count: assign({ asked: ({ context }) => context.asked + 1 }), heard: assign({ answers: ({ context }) => Math.min(context.answers + 1, 4) }) },
}).createMachine({ id: 'asker', context: { asked: 0, answers: 0 }, on: { GO: { guard: ({ context }) => context.asked < 2, actions: ['ask', 'count'] }, PONG: { actions: 'heard' } } });
const echo = setup({
  types: {} as { context: { seen: number }; events: Ev },
  actions: { pong: emit(({ event }) => ({ type: 'PONG', to: event.from! })), see: assign({ seen: ({ context }) => context.seen + 1 }) },
}).createMachine({ id: 'echo', context: { seen: 0 }, initial: 'up', states: { up: { on: { PING: { actions: ['see', 'pong'] }, NAP: 'asleep' } }, asleep: { on: { WAKE: 'up' } } } });

function system(withSymmetry: boolean): ActorSystemModel<number> {
  const rename = (id: string, perm: readonly number[]) => IDS[perm[IDS.indexOf(id)]];
  return createActorSystemModel<number>({
    name: 'askers',
    actors: [
      { id: 'A', machine: asker, environment: () => [{ type: 'GO' }] },
      ...['B', 'C', 'D'].map((id) => ({ id, machine: echo, environment: (s: { value: unknown }) => [s.value === 'up' ? { type: 'NAP' } : { type: 'WAKE' }] })),
    ],
    monitor: { initial: 0, step: (ghost, record) => (record.event?.type === 'PONG' ? Math.min(ghost + 1, 3) : ghost) },
    properties: [
      always('A never hears four answers', (s: SystemState<number>) => (s.actors[0].context as { answers: number }).answers < 4),
      sometimes('an echo falls asleep', (s: SystemState<number>) => s.actors.some((a) => a.value === 'asleep')),
    ],
    ...(withSymmetry
      ? {
          symmetry: {
            groups: [[1, 2, 3]],
            renameSnapshot: (snapshot) => snapshot, // contexts name no actor
            renameMessage: (m: Message, perm) => ({ ...m, from: rename(m.from, perm), to: rename(m.to, perm) }),
          },
        }
      : {}),
  });
}

const run = (withSymmetry: boolean, options: Parameters<typeof explore>[1] = {}) => {
  const r = explore(system(withSymmetry), options);
  return { states: r.stats.states, transitions: r.stats.transitions, verdicts: r.properties.map((p) => [p.status, p.trace?.path.length]) };
};

describe('symmetry of actor systems', () => {
  test('counts one state per class, on the packed engine and on the objects alike', () => {
    const packed = run(true);
    const objects = run(true, { engine: 'object' });
    const full = run(false);
    expect(packed).toEqual(objects);
    expect(packed.states).toBeLessThan(full.states / 3);
    expect(run(true, { symmetry: false })).toEqual(full);
  });

  test('gives the same verdicts and shortest counterexample lengths with and without', () => {
    expect(run(true).verdicts).toEqual(run(false).verdicts);
    expect(run(true, { strategy: 'dfs' }).verdicts.map((v) => v[0])).toEqual(run(false, { strategy: 'dfs' }).verdicts.map((v) => v[0]));
  });

  test('enumerates the permutations within groups, identity first, and rejects bad groups', () => {
    expect(groupPermutations([[1, 2]], 3)).toEqual([[0, 1, 2], [0, 2, 1]]);
    expect(groupPermutations([[0, 1], [2, 3]], 4)).toHaveLength(4);
    expect(() => groupPermutations([[0, 1], [1, 2]], 3)).toThrow(/SV304: actor 1 is in two symmetry groups/);
    expect(() => groupPermutations([[0, 5]], 3)).toThrow(/SV304: symmetry group member 5 is not an actor index/);
    expect(() => groupPermutations([[0, 1, 2, 3, 4, 5, 6, 7]], 8)).toThrow(/more than 5040 permutations/);
  });
});
