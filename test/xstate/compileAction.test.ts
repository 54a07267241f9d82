import { describe, expect, test } from 'vitest';
import { assign, createMachine, enqueueActions, log, raise, sendTo, setup, spawnChild, fromPromise } from 'xstate';
import { compileMachine } from '../../src/xstate/compile.ts';

const on = (actions: unknown) => createMachine({ id: 'm', initial: 'a', context: {}, states: { a: { on: { E: { actions: actions as never } } } } });

describe('compileMachine rejects actions other than assign and emit, naming the transition', () => {
  test.each([
    ['raise', raise({ type: 'X' }), /transition of state #m.a uses the action raise/],
    ['sendTo', sendTo('other', { type: 'X' }), /uses the action sendTo/],
    ['enqueueActions', enqueueActions(() => {}), /uses the action enqueueActions/],
    ['log', log('hi'), /uses the action log/],
    ['spawnChild', spawnChild(fromPromise(async () => 1)), /uses the action spawnChild/],
    ['a custom inline function', function notify() {}, /runs the custom action function 'notify'/],
  ])('%s', (_name, action, message) => {
    expect(() => compileMachine(on(action))).toThrow(message);
  });

  test('a named custom side-effect action', () => {
    const m = setup({ actions: { notify: () => {} } }).createMachine({ id: 'm', initial: 'a', states: { a: { entry: 'notify' } } });
    expect(() => compileMachine(m)).toThrow(/entry of state #m.a runs the custom action 'notify'/);
  });

  test('a named action without an implementation is SV303', () => {
    expect(() => compileMachine(on('missing'))).toThrow(/SV303: the 'E' transition of state #m.a uses the action 'missing'/);
  });

  test('spawn inside an assign fails when the step runs it', () => {
    const compiled = compileMachine(on(assign(({ spawn }) => ({ ref: spawn(fromPromise(async () => 1)) }))));
    expect(() => compiled.step(0, {}, { type: 'E' })).toThrow(/SV301: .*calls spawn/);
  });

  test('actions are rejected even in states that are never reached', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: {}, unreachable: { exit: raise({ type: 'X' }) } } });
    expect(() => compileMachine(m)).toThrow(/exit of state #m.unreachable uses the action raise/);
  });
});
