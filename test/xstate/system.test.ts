import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { assign, emit, setup, type EventObject } from 'xstate';
import { Hasher } from '../../src/core/hasher.ts';
import { createActorSystemModel } from '../../src/xstate/system.ts';
import { HOLD_INPUT_TAG } from '../../src/xstate/types.ts';
import type { ActorSystemModel, Monitor, SystemAction, SystemOptions, SystemState } from '../../src/xstate/types.ts';
import { createTwoPhaseCommitModel } from '../../models/two-phase-commit/model.ts';

type Ev = { type: string; from?: string; to?: string };
type Out = { type: string; to: string | string[] };

/** Sends on environment events; also greets everyone on start. */
const sender = setup({
  types: {} as { context: Record<string, never>; events: Ev; emitted: Out },
  actions: {
    sendTwo: emit({ type: 'M1', to: 'B' }),
    sendSecond: emit({ type: 'M2', to: 'B' }),
    hello: emit({ type: 'HELLO', to: '*' }),
    multi: emit({ type: 'HI', to: ['B', 'C', 'nobody'] }),
    bad: emit({ type: 'NOWHERE' } as never),
  },
}).createMachine({
  id: 'sender',
  context: {},
  initial: 'ready',
  entry: 'hello',
  states: {
    ready: { on: { SEND: { actions: ['sendTwo', 'sendSecond'] }, BROADCAST: { actions: 'hello' }, MULTI: { actions: 'multi' }, BAD: { actions: 'bad' }, STOP: 'stopped' } },
    stopped: { type: 'final' },
  },
});

/** Records the last three message types it received; M2 is ignored while `deaf`. */
const receiver = setup({
  types: {} as { context: { got: readonly string[] }; events: Ev },
  actions: { record: assign({ got: ({ context, event }) => [...context.got, `${event.type}<${event.from}`].slice(-3) }) },
  delays: { NAP: 10 },
}).createMachine({
  id: 'receiver',
  context: { got: [] },
  initial: 'listening',
  states: {
    listening: { on: { M1: { actions: 'record' }, M2: { actions: 'record' }, HELLO: { actions: 'record' }, HI: { actions: 'record' } }, after: { NAP: 'deaf' } },
    deaf: { on: { M1: { target: 'listening', actions: 'record' } } },
  },
});

function system(extra: Partial<SystemOptions<unknown>> = {}): ActorSystemModel<unknown> {
  return createActorSystemModel<unknown>({
    name: 'test',
    actors: [
      { id: 'A', machine: sender, environment: () => [{ type: 'SEND' }, { type: 'BROADCAST' }, { type: 'MULTI' }] },
      { id: 'B', machine: receiver },
      { id: 'C', machine: receiver },
    ],
    ...extra,
  });
}

const actionsOf = <S, A>(model: { actions(s: S, out: A[]): void }, state: S): A[] => {
  const out: A[] = [];
  model.actions(state, out);
  return out;
};
const labels = (model: ActorSystemModel<unknown>, state: SystemState<unknown>) => actionsOf(model, state).map((a) => model.formatAction!(a, state));
const fingerprint = (model: ActorSystemModel<unknown>, state: SystemState<unknown>) => {
  const h = new Hasher().reset();
  model.encode!(state, h);
  h.finish();
  return `${h.hi}:${h.lo}`;
};
const take = (model: ActorSystemModel<unknown>, state: SystemState<unknown>, label: string) => {
  const action = actionsOf(model, state).find((a) => model.formatAction!(a, state) === label);
  if (action === undefined) throw new Error(`no action '${label}' in ${labels(model, state).join(' | ')}`);
  const next = model.next(state, action);
  if (next === undefined) throw new Error(`'${label}' does not apply`);
  return next;
};
const walk = (model: ActorSystemModel<unknown>, ...steps: string[]) => steps.reduce((s, label) => take(model, s, label), model.initStates()[0]);

describe('createActorSystemModel', () => {
  test('sends what actors emit on entry into the initial state', () => {
    const model = system();
    const [s0] = model.initStates();
    expect(model.view!(s0)).toEqual({
      A: { state: 'ready' },
      B: { state: 'listening', got: [] },
      C: { state: 'listening', got: [] },
      network: { 'A -> B': [{ type: 'HELLO' }], 'A -> C': [{ type: 'HELLO' }] },
    });
  });

  test('lists deliveries by link, then environment events and timers per actor, in a fixed order', () => {
    const model = system();
    const s0 = model.initStates()[0];
    expect(labels(model, s0)).toEqual([
      'B receives HELLO from A',
      'C receives HELLO from A',
      'A: SEND',
      'A: BROADCAST',
      'A: MULTI',
      'B: timer NAP',
      'C: timer NAP',
    ]);
    expect(actionsOf(model, s0).map((a) => model.actor!(a, s0))).toEqual(['B', 'C', 'A', 'A', 'A', 'B', 'C']);
    expect(actionsOf(model, s0)).toEqual(actionsOf(model, s0)); // deterministic
  });

  test('a FIFO link delivers only its head, in sending order', () => {
    const model = system();
    const s1 = walk(model, 'B receives HELLO from A', 'A: SEND');
    expect(model.view!(s1)).toMatchObject({ network: { 'A -> B': [{ type: 'M1' }, { type: 'M2' }] } });
    expect(labels(model, s1).filter((l) => l.startsWith('B receives'))).toEqual(['B receives M1 from A']);
    const s3 = walk(model, 'B receives HELLO from A', 'A: SEND', 'B receives M1 from A', 'B receives M2 from A');
    expect(s3.actors[1].context.got).toEqual(['HELLO<A', 'M1<A', 'M2<A']);
  });

  test("'*' sends to every other actor and an array to each listed actor; unknown ids are dropped", () => {
    const model = system();
    const s0 = model.initStates()[0];
    const broadcast = take(model, s0, 'A: BROADCAST');
    expect(broadcast.channels[model.indexOf('A') * 3 + model.indexOf('B')].map((m) => m.type)).toEqual(['HELLO', 'HELLO']);
    expect(broadcast.channels[0]).toHaveLength(0); // never to itself
    const multi = take(model, s0, 'A: MULTI');
    expect(model.view!(multi)).toMatchObject({ network: { 'A -> B': [{ type: 'HELLO' }, { type: 'HI' }], 'A -> C': [{ type: 'HELLO' }, { type: 'HI' }] } });
    expect(multi.channels[1][1]).toEqual({ type: 'HI', from: 'A', to: 'B' });
  });

  test('a message the receiver ignores is consumed and leaves the receiver as it was', () => {
    const model = system();
    const deaf = walk(model, 'B: timer NAP', 'A: SEND', 'B receives HELLO from A');
    expect(model.label(deaf, 'B')).toBe('deaf');
    const before = walk(model, 'B: timer NAP', 'A: SEND', 'B receives HELLO from A', 'B receives M1 from A');
    const after = take(model, walk(model, 'B: timer NAP', 'A: SEND', 'B receives HELLO from A', 'B receives M1 from A', 'B: timer NAP'), 'B receives M2 from A');
    expect(before.channels[1]).toHaveLength(1);
    expect(after.channels[1]).toHaveLength(0);
    expect(model.label(after, 'B')).toBe('deaf');
  });

  test('an actor in a state tagged hold-input takes no deliveries: its messages wait in order until it leaves that state', () => {
    const sleeper = setup({
      types: {} as { context: { got: readonly string[] }; events: Ev },
      actions: { record: assign({ got: ({ context, event }) => [...context.got, event.type] }) },
    }).createMachine({
      id: 'sleeper',
      context: { got: [] },
      initial: 'asleep',
      states: {
        asleep: { tags: [HOLD_INPUT_TAG], on: { WAKE: 'awake', M1: { actions: 'record' } } },
        awake: { on: { M1: { actions: 'record' }, M2: { actions: 'record' } } },
      },
    });
    const model = createActorSystemModel<unknown>({
      name: 'held',
      actors: [
        { id: 'A', machine: sender, environment: () => [{ type: 'SEND' }] },
        { id: 'B', machine: sleeper, environment: () => [{ type: 'WAKE' }] },
      ],
    });
    const sent = walk(model, 'A: SEND');
    expect(sent.channels[1].map((m) => m.type)).toEqual(['HELLO', 'M1', 'M2']);
    expect(labels(model, sent)).toEqual(['A: SEND', 'B: WAKE']);
    expect(model.next(sent, { kind: 'deliver', link: 1, index: 0 })).toBeUndefined();
    const woken = walk(model, 'A: SEND', 'B: WAKE', 'B receives HELLO from A', 'B receives M1 from A', 'B receives M2 from A');
    expect((woken.actors[1].context as { got: string[] }).got).toEqual(['M1', 'M2']);
    expect(model.compiled[1].holdsInput).toEqual([true, false]);
  });

  test('an environment or timer event with no enabled transition has no successor', () => {
    const model = system();
    const deaf = walk(model, 'B: timer NAP');
    expect(model.next(deaf, { kind: 'event', actor: 1, event: { type: 'xstate.after.NAP.receiver.listening' } })).toBeUndefined();
    expect(model.next(deaf, { kind: 'event', actor: 0, event: { type: 'UNKNOWN' } })).toBeUndefined();
  });

  test('drops use the budget and stop when it is spent', () => {
    const model = system({ network: { maxDrops: 1 } });
    const s0 = model.initStates()[0];
    expect(labels(model, s0).slice(-2)).toEqual(['network drops HELLO A -> B', 'network drops HELLO A -> C']);
    const dropped = take(model, s0, 'network drops HELLO A -> B');
    expect(dropped.dropsLeft).toBe(0);
    expect(dropped.channels[1]).toHaveLength(0);
    expect(labels(model, dropped).some((l) => l.startsWith('network drops'))).toBe(false);
    expect(model.view!(dropped)).toMatchObject({ dropsLeft: 0 });
    expect(model.bounds).toEqual({ ordering: 'fifo', maxDrops: 1 });
  });

  test('unordered links deliver any message, and arrival order does not change the fingerprint', () => {
    const model = system({ network: { ordering: 'unordered' } });
    const s = walk(model, 'A: SEND');
    expect(labels(model, s).filter((l) => l.startsWith('B receives'))).toEqual(['B receives HELLO from A', 'B receives M1 from A', 'B receives M2 from A']);
    const swapped: SystemState<unknown> = { ...s, channels: s.channels.map((c) => [...c].reverse()) };
    expect(fingerprint(model, swapped)).toBe(fingerprint(model, s));
    expect(fingerprint(system(), swapped)).not.toBe(fingerprint(system(), s));
  });

  test('the monitor sees every step and its ghost is part of the state', () => {
    const monitor: Monitor<number> = { initial: 0, step: (ghost, record) => ghost + (record.sent.length > 0 ? 1 : 0) };
    const model = createActorSystemModel({ name: 'ghost', actors: [{ id: 'A', machine: sender, environment: () => [{ type: 'SEND' }] }, { id: 'B', machine: receiver }], monitor });
    const records: unknown[] = [];
    const spy = createActorSystemModel({ name: 'spy', actors: [{ id: 'A', machine: sender, environment: () => [{ type: 'SEND' }] }, { id: 'B', machine: receiver }], monitor: { initial: 0, step: (g, r) => (records.push(r), g) } });
    const s0 = model.initStates()[0];
    const s1 = model.next(s0, { kind: 'event', actor: 0, event: { type: 'SEND' } })!;
    expect(s1.ghost).toBe(1);
    expect(model.view!(s1)).toMatchObject({ ghost: 1 });
    const h = (s: SystemState<number>) => {
      const hasher = new Hasher().reset();
      model.encode!(s, hasher);
      return hasher.finish().lo;
    };
    expect(h({ ...s1, ghost: 2 })).not.toBe(h(s1));
    spy.next(spy.initStates()[0], { kind: 'deliver', link: 1, index: 0 });
    expect(records).toEqual([expect.objectContaining({ actor: 1, event: { type: 'HELLO', from: 'A', to: 'B' }, sent: [] })]);
  });

  test('next never mutates the state it is given', () => {
    const model = system({ network: { maxDrops: 2 } });
    const freeze = <T>(v: T): T => {
      if (typeof v === 'object' && v !== null) {
        Object.values(v).forEach(freeze);
        Object.freeze(v);
      }
      return v;
    };
    const s = freeze(walk(model, 'A: SEND'));
    for (const action of actionsOf(model, s)) model.next(s, action);
  });

  test('an emitted event without `to` is an error that names the actor', () => {
    const model = createActorSystemModel({ name: 'bad', actors: [{ id: 'A', machine: sender, environment: () => [{ type: 'BAD' }] }] });
    expect(() => model.next(model.initStates()[0], { kind: 'event', actor: 0, event: { type: 'BAD' } })).toThrow(/actor 'A' emitted 'NOWHERE' without a `to`/);
  });

  test('actor ids must be unique', () => {
    expect(() => createActorSystemModel({ name: 'dup', actors: [{ id: 'A', machine: sender }, { id: 'A', machine: receiver }] })).toThrow(/actor id 'A' is used twice/);
  });

  test('a state where every actor is in a top-level final state is final', () => {
    const model = createActorSystemModel({ name: 'stop', actors: [{ id: 'A', machine: sender, environment: () => [{ type: 'STOP' }] }] });
    const s0 = model.initStates()[0];
    expect(model.isFinal!(s0)).toBe(false);
    expect(model.isFinal!(model.next(s0, { kind: 'event', actor: 0, event: { type: 'STOP' } })!)).toBe(true);
  });
});

describe("engine 'xstate' and engine 'compiled'", () => {
  const pairs: [string, () => [ActorSystemModel<unknown>, ActorSystemModel<unknown>]][] = [
    ['the test system', () => [system({ network: { maxDrops: 1 } }), system({ network: { maxDrops: 1 }, engine: 'xstate' })]],
    ['the test system with unordered links', () => [system({ network: { ordering: 'unordered' } }), system({ network: { ordering: 'unordered' }, engine: 'xstate' })]],
    ['two-phase commit with 3 RMs', () => [createTwoPhaseCommitModel({ rms: 3 }) as ActorSystemModel<unknown>, createTwoPhaseCommitModel({ rms: 3, engine: 'xstate' }) as ActorSystemModel<unknown>]],
  ];
  for (const [name, make] of pairs) {
    test(`give identical successor lists on random walks of ${name}`, () => {
      const [compiled, reference] = make();
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), (choices) => {
          let a = compiled.initStates()[0];
          let b = reference.initStates()[0];
          for (const choice of choices) {
            const actionsA = actionsOf<SystemState<unknown>, SystemAction>(compiled, a);
            expect(actionsOf<SystemState<unknown>, SystemAction>(reference, b)).toEqual(actionsA);
            const nextA = actionsA.map((act) => compiled.next(a, act));
            const nextB = actionsA.map((act) => reference.next(b, act));
            expect(nextB.map((s) => s && fingerprint(reference, s))).toEqual(nextA.map((s) => s && fingerprint(compiled, s)));
            expect(nextB.map((s) => s && reference.view!(s))).toEqual(nextA.map((s) => s && compiled.view!(s)));
            const enabled = nextA.flatMap((s, i) => (s === undefined ? [] : [i]));
            if (enabled.length === 0) return;
            const pick = enabled[choice % enabled.length];
            a = nextA[pick]!;
            b = nextB[pick]!;
          }
        }),
        { seed: 7, numRuns: 60 },
      );
    });
  }
});

describe('default action words', () => {
  test('deliveries, environment events and timers read as protocol steps', () => {
    const model = system({ network: { maxDrops: 1 } });
    const s0 = model.initStates()[0];
    const words = actionsOf(model, s0).map((a) => model.formatAction!(a, s0));
    expect(words).toContain('B receives HELLO from A');
    expect(words).toContain('B: timer NAP');
    expect(words).toContain('network drops HELLO A -> C');
    expect(actionsOf(model, s0).map((a) => model.actor!(a, s0)).at(-1)).toBe('network');
  });

  test('a formatAction option overrides the default, which stays the fallback', () => {
    const model = system({ formatAction: (a: SystemAction) => (a.kind === 'deliver' ? 'custom' : undefined) });
    const s0 = model.initStates()[0];
    expect(labels(model, s0).slice(0, 3)).toEqual(['custom', 'custom', 'A: SEND']);
  });

  test('an after event of a state that is not active prints its delay and state id', () => {
    const model = system();
    const e: EventObject = { type: 'xstate.after.5.somewhere' };
    expect(model.formatAction!({ kind: 'event', actor: 0, event: e }, model.initStates()[0])).toBe('A: timer 5.somewhere');
  });
});
