import { expect } from 'vitest';
import { transition, type AnyStateMachine, type EventObject, type StateValue } from 'xstate';
import { emittedOf } from '../../src/xstate/reference.ts';
import type { CompiledMachine, MachineContext } from '../../src/xstate/types.ts';

/** What public `xstate.transition()` does from a snapshot restored with `resolveState`. */
export function xstateReference(machine: AnyStateMachine, value: StateValue, context: MachineContext, event: EventObject) {
  const snapshot = machine.resolveState({ value, context });
  const enabled = machine.getTransitionData(snapshot, event).length > 0;
  const [next, actions] = transition(machine, snapshot, event);
  return { enabled, value: next.value as StateValue, context: next.context as MachineContext, emitted: emittedOf(actions), status: next.status };
}

/**
 * Asserts that the compiled step and XState agree on (config, context, event): same state
 * value, context and emitted events, or both ignore the event. Done configurations absorb
 * every event (the documented difference). Returns the compiled result.
 */
export function expectSameStep(compiled: CompiledMachine, config: number, context: MachineContext, event: EventObject) {
  const got = compiled.step(config, context, event);
  if (compiled.done[config]) {
    expect(got).toBeUndefined();
    return undefined;
  }
  const ref = xstateReference(compiled.machine, compiled.values[config], context, event);
  const where = `${compiled.id} in ${compiled.labels[config]} on ${JSON.stringify(event)} with ${JSON.stringify(context)}`;
  if (!ref.enabled) {
    expect(got, where).toBeUndefined();
    return undefined;
  }
  expect(got, where).toBeDefined();
  if (got === undefined) return undefined;
  expect(compiled.values[got.config], where).toEqual(ref.value);
  expect(got.context, where).toEqual(ref.context);
  expect(got.emitted, where).toEqual(ref.emitted);
  expect(compiled.done[got.config], where).toBe(ref.status === 'done');
  return got;
}

/**
 * Checks every (snapshot, event) pair reachable from the initial snapshot within `depth`
 * steps (a BFS over compiled snapshots, deduplicated by config and context). Returns how
 * many pairs were compared.
 */
export function checkReachablePairs(compiled: CompiledMachine, input: unknown, events: readonly EventObject[], depth: number): { pairs: number; snapshots: number } {
  const init = compiled.initial(input);
  const key = (config: number, context: MachineContext) => `${config}|${JSON.stringify(context)}`;
  const seen = new Set([key(init.config, init.context)]);
  let frontier: { config: number; context: MachineContext }[] = [{ config: init.config, context: init.context }];
  let pairs = 0;
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: typeof frontier = [];
    for (const s of frontier) {
      for (const event of events) {
        pairs++;
        const got = expectSameStep(compiled, s.config, s.context, event);
        if (got === undefined) continue;
        const k = key(got.config, got.context);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push({ config: got.config, context: got.context });
      }
    }
    frontier = next;
  }
  return { pairs, snapshots: seen.size };
}
