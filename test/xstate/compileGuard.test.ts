import { describe, expect, test } from 'vitest';
import { and, createMachine, not, setup, stateIn } from 'xstate';
import { compileMachine } from '../../src/xstate/compile.ts';

describe('compileGuard', () => {
  test('an unknown named guard is SV303, even nested in and()', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: { on: { E: { guard: and([not('nope')]), target: 'b' } } }, b: {} } });
    expect(() => compileMachine(m)).toThrow(/SV303: the 'E' transition of state #m.a uses the guard 'nope'/);
  });

  test('stateIn guards are rejected', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: { on: { E: { guard: stateIn('#m.b'), target: 'b' } } }, b: {} } });
    expect(() => compileMachine(m)).toThrow(/SV301: .*stateIn/);
  });

  test('a named guard that aliases another guard is followed, as XState does', () => {
    const m = setup({ guards: { yes: () => true, alias: 'yes' as never } }).createMachine({ id: 'm', initial: 'a', states: { a: { on: { E: { guard: 'alias', target: 'b' } } }, b: {} } });
    const compiled = compileMachine(m);
    expect(compiled.labels[compiled.step(0, {}, { type: 'E' })!.config]).toBe('b');
    expect(compiled.transitions[0].guard).toBe('alias');
  });

  test('machine.provide() replaces a guard: the compiled table uses the new implementation', () => {
    const m = setup({ guards: { ok: () => false } }).createMachine({ id: 'm', initial: 'a', states: { a: { on: { E: { guard: 'ok', target: 'b' } } }, b: {} } });
    expect(compileMachine(m).step(0, {}, { type: 'E' })).toBeUndefined();
    expect(compileMachine(m.provide({ guards: { ok: () => true } })).step(0, {}, { type: 'E' })).toBeDefined();
  });
});
