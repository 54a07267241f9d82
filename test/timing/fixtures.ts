import { assign, emit, setup } from 'xstate';
import { createActorSystemModel, type Distribution, type Draw, type SystemState, type Timing } from '../../src/index.ts';

/**
 * A two-actor system for the timed layer: A sends MSG 0, 1, 2 to B, one per GO event; B
 * records what it got. With {@link pacedTiming}, GO is due 1 ms after A's previous step and
 * every message takes a latency from `latency`.
 */
const sender = setup({
  types: {} as { context: { n: number } },
  actions: {
    send: emit(({ context }) => ({ type: 'MSG', to: 'B', seq: context.n })),
    bump: assign({ n: ({ context }) => context.n + 1 }),
  },
}).createMachine({ id: 'a', context: { n: 0 }, initial: 'on', states: { on: { on: { GO: { actions: ['send', 'bump'] } } } } });

const receiver = setup({
  types: {} as { context: { got: readonly number[] } },
  actions: { record: assign({ got: ({ context, event }) => [...context.got, (event as unknown as { seq: number }).seq] }) },
}).createMachine({ id: 'b', context: { got: [] }, initial: 'on', states: { on: { on: { MSG: { actions: 'record' } } } } });

const GO = Object.freeze({ type: 'GO' });

/** The sender/receiver system: A may take GO while it has sent fewer than `count` messages. */
export function pingSystem(count = 3) {
  return createActorSystemModel({
    name: 'ping',
    actors: [
      { id: 'A', machine: sender, environment: (s) => ((s.context as { n: number }).n < count ? [GO] : []) },
      { id: 'B', machine: receiver },
    ],
  });
}

/** What B got so far. */
export function received(state: SystemState<undefined>): readonly number[] {
  return (state.actors[1].context as { got: readonly number[] }).got;
}

/** GO 1 ms after A's last step; latencies drawn from `latency`, or taken in turn from `fixed`. */
export function pacedTiming(latency: Distribution, fixed?: readonly number[]): Timing<undefined, number> {
  return {
    start: () => 0,
    due: (_actor, _event, _state, _clock, since) => since + 1,
    latency: (_m, _from, _to, draw: Draw) => draw.value(latency),
    observe: (_step, clock) => clock + 1,
    encode: () => {},
    ...(fixed === undefined ? {} : { latency: (message) => fixed[(message as unknown as { seq: number }).seq] }),
  };
}
