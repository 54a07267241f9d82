import { assign, setup } from 'xstate';
import { createActorSystemModel, type ActorSystemModel } from '../../src/index.ts';

/**
 * A door whose LOCK transition needs a key nobody has: an exhaustive search never takes
 * it and never reaches `locked`, so coverage must report both. 2 states, 2 transitions.
 */
export const doorMachine = setup({
  guards: { hasKey: () => false },
}).createMachine({
  id: 'door',
  initial: 'closed',
  states: {
    closed: { on: { OPEN: 'open', LOCK: { guard: 'hasKey', target: 'locked' } } },
    open: { on: { CLOSE: 'closed' } },
    locked: { type: 'final' },
  },
});

/** The door as a one-actor system; its environment may try every event at any time. */
export function doorModel(): ActorSystemModel {
  return createActorSystemModel({
    name: 'door',
    actors: [{ id: 'D', machine: doorMachine, environment: () => [{ type: 'OPEN' }, { type: 'CLOSE' }, { type: 'LOCK' }] }],
  });
}

/** A player with two parallel regions (sound, video), an entry action and a final state. */
export const playerMachine = setup({
  types: {} as { context: { beeps: number } },
  actions: { beep: assign({ beeps: ({ context }) => context.beeps + 1 }) },
}).createMachine({
  id: 'player',
  context: { beeps: 0 },
  initial: 'running',
  states: {
    running: {
      type: 'parallel',
      on: { STOP: 'stopped' },
      states: {
        sound: { initial: 'loud', states: { loud: { on: { MUTE: 'muted' } }, muted: { on: { UNMUTE: 'loud' } } } },
        video: { initial: 'playing', states: { playing: { on: { PAUSE: 'paused' } }, paused: { entry: 'beep', on: { PLAY: 'playing' } } } },
      },
    },
    stopped: { type: 'final' },
  },
});
