import { describe, expect, test } from 'vitest';
import { createMachine, fromPromise, setup } from 'xstate';
import { compileMachine } from '../../src/xstate/compile.ts';
import { SplitvoteError } from '../../src/core/errors.ts';

function rejection(fn: () => unknown): SplitvoteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SplitvoteError) return error;
    throw error;
  }
  throw new Error('expected a SplitvoteError');
}

describe('compileMachine rejects unsupported state features, naming the state', () => {
  test('invoke', () => {
    const m = setup({ actors: { load: fromPromise(async () => 1) } }).createMachine({ id: 'm', initial: 'a', states: { a: { invoke: { src: 'load' } } } });
    const e = rejection(() => compileMachine(m));
    expect(e.code).toBe('SV301');
    expect(e.message).toContain('state #m.a uses invoke (load)');
  });

  test('history states', () => {
    const m = createMachine({ id: 'm', initial: 'p', states: { p: { initial: 'a', states: { a: {}, h: { type: 'history' } } } } });
    expect(rejection(() => compileMachine(m)).message).toContain('state #m.p.h uses a history state');
  });

  test('always transitions', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: { always: 'b' }, b: {} } });
    expect(rejection(() => compileMachine(m)).message).toContain('state #m.a uses `always`');
  });

  test('onDone', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: { initial: 'x', states: { x: { type: 'final' } }, onDone: 'b' }, b: {} } });
    expect(rejection(() => compileMachine(m)).message).toContain('state #m.a uses `onDone`');
  });

  test('wildcard event descriptors', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: { on: { '*': 'b' } }, b: { on: { 'auth.*': 'a' } } } });
    expect(rejection(() => compileMachine(m)).message).toContain("state #m.a uses the wildcard event descriptor '*'");
  });

  test('a named delay without an implementation (SV303)', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: { after: { LATER: 'b' } }, b: {} } });
    const e = rejection(() => compileMachine(m));
    expect(e.code).toBe('SV303');
    expect(e.message).toContain("state #m.a uses the delay 'LATER'");
  });
});

describe('compileMachine state values', () => {
  test('an unknown state value is an error that names the state', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: {}, b: {} } });
    expect(() => compileMachine(m).configOf('zzz')).toThrow(/no state 'zzz' under #m/);
  });

  test('a machine without states has one configuration with the empty value', () => {
    const compiled = compileMachine(createMachine({ id: 'flat', context: { n: 0 }, on: { E: { actions: [] } } }));
    expect(compiled.configCount).toBe(1);
    expect(compiled.values[0]).toEqual({});
    expect(compiled.step(0, { n: 0 }, { type: 'E' })).toMatchObject({ config: 0, emitted: [] });
  });
});
