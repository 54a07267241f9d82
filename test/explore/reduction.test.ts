import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { assign, emit, setup, type AnyStateMachine } from 'xstate';
import { always, explore, sometimes, type ExploreOptions } from '../../src/index.ts';
import { createActorSystemModel } from '../../src/xstate/system.ts';
import type { ActorSystemModel, SystemState } from '../../src/xstate/types.ts';
import { catalog } from '../../models/index.ts';

/** One random actor: two states; GO (environment) and M (a message) move it, may bump its counter and send. */
interface ActorPlan {
  readonly goTarget: ('a' | 'b')[];
  readonly mTarget: ('a' | 'b')[];
  readonly goGuard: number[];
  readonly mGuard: number[];
  readonly bumpOnM: boolean[];
  readonly sendOnGo: boolean[];
  readonly to: number[];
}

const ids = (k: number) => Array.from({ length: k }, (_, i) => `X${i}`);

function machineOf(plan: ActorPlan, i: number, k: number): AnyStateMachine {
  const targets = plan.to.map((t) => `X${t % k}`).filter((id) => id !== `X${i}`);
  return (setup({
    types: {} as { context: { c: number; sent: number }; events: { type: string } },
    actions: {
      send: emit({ type: 'M', to: targets } as never),
      count: assign({ sent: ({ context }) => context.sent + 1 }),
      bump: assign({ c: ({ context }) => Math.min(context.c + 1, 2) }),
    },
  }).createMachine({
    id: `x${i}`,
    context: { c: 0, sent: 0 },
    initial: 'a',
    states: Object.fromEntries(
      (['a', 'b'] as const).map((s, si) => [
        s,
        {
          on: {
            GO: { guard: ({ context }: { context: { c: number; sent: number } }) => context.c >= plan.goGuard[si] && context.sent < 2, target: plan.goTarget[si], actions: plan.sendOnGo[si] && targets.length > 0 ? ['send', 'count'] : ['count'] },
            M: { guard: ({ context }: { context: { c: number } }) => context.c >= plan.mGuard[si], target: plan.mTarget[si], actions: plan.bumpOnM[si] ? ['bump'] : [] },
          },
        },
      ]),
    ),
  } as never) as unknown) as AnyStateMachine;
}

function randomSystem(plans: readonly ActorPlan[]): ActorSystemModel<undefined> {
  const k = plans.length;
  return createActorSystemModel({
    name: 'random',
    actors: plans.map((plan, i) => ({ id: ids(k)[i], machine: machineOf(plan, i, k), environment: () => [{ type: 'GO' }] })),
    sendsTo: (j) => plans[j].to.map((t) => t % k).filter((t) => t !== j),
    properties: [
      always('no actor reaches counter 2', (s: SystemState<undefined>) => s.actors.every((a) => (a.context as { c: number }).c < 2), { monotone: true }),
      sometimes('actor 0 bumps its counter', (s: SystemState<undefined>) => (s.actors[0].context as { c: number }).c > 0, { monotone: true }),
    ],
  });
}

const plan = fc.record({
  goTarget: fc.array(fc.constantFrom<'a' | 'b'>('a', 'b'), { minLength: 2, maxLength: 2 }),
  mTarget: fc.array(fc.constantFrom<'a' | 'b'>('a', 'b'), { minLength: 2, maxLength: 2 }),
  goGuard: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 2 }),
  mGuard: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 2 }),
  bumpOnM: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  sendOnGo: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  to: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 2 }),
});

const verdicts = (model: ActorSystemModel<undefined>, options: ExploreOptions) => {
  const r = explore(model, options);
  return { states: r.stats.states, reduced: r.stats.reduction!.reducedStates, statuses: r.properties.map((p) => p.status) };
};

describe('partial-order reduction', { timeout: 120_000 }, () => {
  test('keeps every verdict on random actor systems (random guards, moves, sends and topology), BFS and DFS', () => {
    let reducedSomewhere = 0;
    fc.assert(
      fc.property(fc.array(plan, { minLength: 2, maxLength: 3 }), (plans) => {
        for (const strategy of ['bfs', 'dfs'] as const) {
          const full = verdicts(randomSystem(plans), { strategy, por: false });
          const reduced = verdicts(randomSystem(plans), { strategy });
          expect(reduced.statuses).toEqual(full.statuses);
          expect(reduced.states).toBeLessThanOrEqual(full.states);
          if (reduced.reduced > 0) reducedSomewhere++;
        }
      }),
      { seed: 11, numRuns: 120 },
    );
    expect(reducedSomewhere).toBeGreaterThan(10); // the reduction does run on these systems
  });

  test('says why it is off: switched off, --shortest, liveness properties, a monitor that does not commute', () => {
    const model = randomSystem([
      { goTarget: ['b', 'a'], mTarget: ['a', 'b'], goGuard: [0, 0], mGuard: [0, 0], bumpOnM: [true, false], sendOnGo: [true, true], to: [1] },
      { goTarget: ['b', 'b'], mTarget: ['a', 'a'], goGuard: [0, 0], mGuard: [0, 0], bumpOnM: [false, true], sendOnGo: [false, false], to: [] },
    ]);
    expect(explore(model).stats.reduction).toMatchObject({ enabled: true });
    expect(explore(model, { por: false }).stats.reduction).toMatchObject({ enabled: false, reason: 'switched off' });
    expect(explore(model, { shortest: true }).stats.reduction).toMatchObject({ enabled: false, reason: 'off to guarantee shortest counterexamples' });
    const failover = catalog.find((e) => e.name === 'valkey-failover')!.create({ preset: 'stale-nack', variants: ['nack-3833'] });
    expect(explore(failover).stats.reduction!.reason).toMatch(/the monitor does not declare that its ghost updates commute|not sound for recoverable/);
  });
});
