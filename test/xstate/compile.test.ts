import { describe, expect, test } from 'vitest';
import type { EventObject } from 'xstate';
import { compileMachine } from '../../src/xstate/compile.ts';
import type { CompiledMachine, MachineContext, StepResult } from '../../src/xstate/types.ts';
import { afterMachine, assignMachine, compoundMachine, finalMachine, guardMachine, parallelMachine, reenterMachine } from './fixtures.ts';

/** Runs events from the initial snapshot; returns the last step's result (or the start). */
function run(compiled: CompiledMachine, types: readonly (string | EventObject)[], context?: MachineContext): StepResult & { label: string } {
  const init = compiled.initial();
  let current: StepResult = context === undefined ? init : { ...init, context };
  for (const t of types) {
    const event = typeof t === 'string' ? { type: t } : t;
    const next = compiled.step(current.config, current.context, event);
    if (next === undefined) throw new Error(`${event.type} ignored in ${compiled.labels[current.config]}`);
    current = next;
  }
  return { ...current, label: compiled.labels[current.config] };
}

const log = (r: StepResult) => r.context.log as string[];

describe('compileMachine', () => {
  test('numbers every configuration and keeps its canonical state value', () => {
    const compiled = compileMachine(compoundMachine);
    expect(compiled.labels).toEqual(['a.a1', 'a.a2', 'b.b1', 'b.b2']);
    expect(compiled.values[1]).toEqual({ a: 'a2' });
    expect(compiled.configOf({ b: 'b2' })).toBe(3);
    expect(compiled.configOf('b')).toBe(2); // partial values complete with initial states
    expect(compiled.activeIds[0]).toEqual(['compound', 'compound.a', 'compound.a.a1']);
  });

  test('enumerates parallel regions as products', () => {
    const compiled = compileMachine(parallelMachine);
    // idle + running x (3 left states x 3 right states x 1 flag)
    expect(compiled.configCount).toBe(1 + 3 * 3);
    expect(compiled.labels[1]).toBe('running.(left.l1, right.r1, flag)');
  });

  test('the initial snapshot runs entry actions in document order', () => {
    expect(log(compileMachine(compoundMachine).initial())).toEqual(['enter root', 'enter a', 'enter a1']);
  });

  test('exit actions run innermost first, then transition actions, then entry actions outermost first', () => {
    const r = run(compileMachine(compoundMachine), ['NEXT', 'GO']);
    expect(r.label).toBe('b.b2');
    expect(log(r).slice(-5)).toEqual(['exit a2', 'exit a', 'a2 GO', 'enter b', 'enter b2']); // the innermost GO wins over a's
  });

  test('a failing guard falls through to the parent state', () => {
    const r = run(compileMachine(compoundMachine), ['PING']);
    expect(log(r).at(-1)).toBe('a PING');
    expect(r.label).toBe('a.a1');
  });

  test('an event no active state listens to is ignored', () => {
    const compiled = compileMachine(compoundMachine);
    expect(compiled.step(0, compiled.initial().context, { type: 'NOPE' })).toBeUndefined();
    expect(compiled.step(2, compiled.initial().context, { type: 'PING' })).toBeUndefined();
  });

  test('a root transition to a child re-enters only below the root; with reenter the root itself is exited and entered', () => {
    const compiled = compileMachine(compoundMachine);
    expect(log(run(compiled, ['GO', 'RESET'])).slice(-5)).toEqual(['exit b1', 'exit b', 'reset', 'enter a', 'enter a1']);
    expect(log(run(compiled, ['RESTART'])).slice(-7)).toEqual(['exit a1', 'exit a', 'exit root', 'restart', 'enter root', 'enter b', 'enter b1']);
  });

  test('parallel regions each take their transition, in document order', () => {
    const r = run(compileMachine(parallelMachine), ['START', 'BOTH']);
    expect(r.label).toBe('running.(left.l2, right.r2, flag)');
    expect(log(r).slice(-6)).toEqual(['exit l1', 'left BOTH', 'right BOTH', 'flag BOTH', 'enter l2', 'enter r2']);
  });

  test('a region transition beats the parallel parent; the parent handles what no region does', () => {
    const compiled = compileMachine(parallelMachine);
    const ticked = log(run(compiled, ['START', 'TICK']));
    expect(ticked.slice(-3)).toEqual(['exit l1', 'left TICK', 'enter l2']);
    expect(ticked).not.toContain('running TICK');
    expect(log(run(compiled, ['START', 'TICK', 'DONE', 'TICK'])).at(-1)).toBe('running TICK'); // left is final, no region handles TICK
    expect(log(run(compiled, ['START', 'STOP'])).slice(-4)).toEqual(['exit l1', 'exit left', 'exit running', 'stop']);
  });

  test('a transition across regions preempts a later conflicting one', () => {
    const r = run(compileMachine(parallelMachine), ['START', 'TICK', 'ESCAPE']);
    expect(r.label).toBe('running.(left.l1, right.r2, flag)');
    expect(log(r)).toContain('left ESCAPE');
    expect(log(r)).not.toContain('right ESCAPE');
  });

  test('guards combine with and, or, not and take params, constant or computed', () => {
    const compiled = compileMachine(guardMachine);
    expect(run(compiled, ['INC', 'CHECK']).label).toBe('mid'); // positive and not flagged
    const flagged = run(compiled, ['INC', 'TOGGLE']);
    expect(compiled.step(flagged.config, flagged.context, { type: 'CHECK' })).toBeUndefined(); // and() and or() both fail
    expect(run(compiled, [{ type: 'CHECK', by: 2 } as EventObject]).label).toBe('high'); // eventBig
    expect(run(compiled, ['INC', 'INC', 'INC', 'TOGGLE', 'CHECK']).label).toBe('high'); // atLeast 3
    expect(run(compiled, ['DEC', 'CHECK']).label).toBe('neg'); // inline guard, third candidate
    expect(compiled.step(run(compiled, ['INC', 'CHECK']).config, { n: 2, flag: false }, { type: 'CHECK' })).toBeUndefined(); // min 4
    expect(run(compiled, ['INC', 'CHECK', 'TOGGLE', 'CHECK']).label).toBe('high'); // min 1 when flagged
  });

  test('assign actions run in order and later actions see the new context', () => {
    const r = run(compileMachine(assignMachine), ['STEP']);
    // a: 1 -> 2; b = 4; report(2,4); a += 3 -> 5; a += b -> 9 % 7 = 2; report(2,4)
    expect(r.context).toEqual({ a: 2, b: 4 });
    expect(r.emitted).toEqual([
      { type: 'REPORT', to: 'peer', a: 2, b: 4 },
      { type: 'REPORT', to: 'peer', a: 2, b: 4 },
    ]);
    const swapped = run(compileMachine(assignMachine), ['SWAP']);
    expect(swapped.context).toEqual({ a: 2, b: 1 });
    expect(swapped.emitted).toEqual([{ type: 'SWAPPED', to: '*' }]);
  });

  test('a step without assign keeps the same context object and emits nothing', () => {
    const compiled = compileMachine(assignMachine);
    const init = compiled.initial();
    expect(init.emitted).toEqual([{ type: 'REPORT', to: 'peer', a: 1, b: 2 }]);
    const off = compiled.step(init.config, init.context, { type: 'OFF' });
    expect(off?.context).toBe(init.context);
    expect(off?.emitted).toEqual([]);
  });

  test('a targetless transition runs its actions without exit or entry', () => {
    expect(log(run(compileMachine(reenterMachine), ['STAY']))).toEqual(['enter p', 'enter c1', 'stay']);
  });

  test('a self transition exits and re-enters only with reenter', () => {
    const compiled = compileMachine(reenterMachine);
    expect(log(run(compiled, ['SELF'])).slice(2)).toEqual(['exit c1', 'self reenter', 'enter c1']);
    expect(log(run(compiled, ['SELF_INTERNAL'])).slice(2)).toEqual(['self internal']);
    expect(log(run(compiled, ['P_REENTER'])).slice(2)).toEqual(['exit c1', 'exit p', 'p reenter', 'enter p', 'enter c1']);
    expect(log(run(compiled, ['TO_C2'])).slice(2)).toEqual(['exit c1', 'to c2', 'enter c2']);
  });

  test('a top-level final state runs every exit action and then ignores events', () => {
    const compiled = compileMachine(finalMachine);
    const r = run(compiled, ['QUIT']);
    expect(compiled.done[r.config]).toBe(true);
    expect(log(r)).toEqual(['exit job', 'quit', 'enter over', 'exit over', 'exit root']);
    expect(r.emitted).toEqual([{ type: 'BYE', to: '*' }]);
    expect(compiled.step(r.config, r.context, { type: 'QUIT' })).toBeUndefined();
  });

  test('a nested final state is just a state: the machine goes on', () => {
    const compiled = compileMachine(finalMachine);
    const r = run(compiled, ['END']);
    expect(r.label).toBe('job.fin');
    expect(compiled.done[r.config]).toBe(false);
    expect(run(compiled, ['END', 'QUIT']).label).toBe('over');
  });

  test('after delays become timer events of the states that declare them', () => {
    const compiled = compileMachine(afterMachine);
    const a = compiled.configOf('a');
    expect(compiled.timers[a].map((t) => [t.type, t.delay, t.ms])).toEqual([
      ['xstate.after.100.after.a', 100, 100],
      ['xstate.after.SLOW.after.a', 'SLOW', 500],
    ]);
    expect(compiled.timers[compiled.configOf('b')].map((t) => [t.delay, t.ms])).toEqual([['COMPUTED', undefined]]);
    expect(run(compiled, ['xstate.after.SLOW.after.a'])).toMatchObject({ label: 'b', context: { n: 1 } });
    expect(run(compiled, ['FLAG', 'xstate.after.SLOW.after.a']).label).toBe('c');
    expect(compiled.step(compiled.configOf('c'), { n: 0, flag: false }, { type: 'xstate.after.100.after.a' })).toBeUndefined();
  });

  test('lists every transition with its guard and action names', () => {
    const compiled = compileMachine(guardMachine);
    const check = compiled.transitions.filter((t) => t.source === 'guards.low');
    expect(check.map((t) => t.guard)).toEqual(['and(positive, not(flagged))', 'or(atLeast, eventBig)', 'inline']);
    expect(compiled.transitions.find((t) => t.eventType === 'INC')?.actions).toEqual(['inc']);
  });

  test('reports the transitions a step took', () => {
    const compiled = compileMachine(compoundMachine);
    const r = run(compiled, ['PING']);
    expect(r.taken.map((id) => compiled.transitions[id]).map((t) => [t.source, t.eventType])).toEqual([['compound.a', 'PING']]);
  });
});
