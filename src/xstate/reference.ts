import { transition, type EventObject } from 'xstate';
import type { CompiledMachine, MachineContext, StepResult } from './types.ts';

/**
 * The same step as `compiled.step`, computed by XState itself: restores the snapshot with
 * `machine.resolveState({ value, context })` and calls the public `xstate.transition()`.
 * About 100x slower than the compiled table; the `engine: 'xstate'` option and the
 * differential tests use it as the reference. `taken` is empty (XState does not report it).
 *
 * Returns `undefined` when XState selects no transition (`getTransitionData` is empty) or
 * the configuration is done, as `compiled.step` does. Deterministic when the machine's
 * implementations are.
 */
export function referenceStep(compiled: CompiledMachine, config: number, context: MachineContext, event: EventObject): StepResult | undefined {
  if (compiled.done[config]) return undefined;
  const machine = compiled.machine;
  const snapshot = machine.resolveState({ value: compiled.values[config], context });
  // transition() returns an equal snapshot both when nothing is enabled and when a
  // targetless transition without actions runs; only the selection tells them apart.
  if (machine.getTransitionData(snapshot, event).length === 0) return undefined;
  const [next, actions] = transition(machine, snapshot, event);
  return {
    config: compiled.configOf(next.value),
    context: next.context as MachineContext,
    emitted: emittedOf(actions),
    taken: [],
  };
}

/** The events emitted by `emit` actions in an XState action list, in order. Pure. */
export function emittedOf(actions: readonly { type: string; params?: unknown }[]): EventObject[] {
  return actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: EventObject }).event);
}
