import { initialTransition, type AnyStateMachine, type AnyStateNode, type EventObject, type StateValue } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import { buildEntry, buildOutcome, compileParts, type Chain, type Entry, type Outcome } from './compileTable.ts';
import { isDoneConfiguration } from './microstep.ts';
import { emittedOf } from './reference.ts';
import { enumerateConfigurations, indexNodes, labelOfValue, nodesOfValue, valueOfConfiguration } from './stateTree.ts';
import { HOLD_INPUT_TAG, type CompiledMachine, type MachineContext, type StepResult, type TimerEvent } from './types.ts';

const NO_EVENTS: readonly EventObject[] = Object.freeze([]);

/**
 * Compiles an XState v5 machine once into plain tables: every configuration (set of active
 * states) gets an int id, and every (configuration, event type) a selection program over the
 * candidate transitions with the machine's own guards, and per selection the exit,
 * transition and entry actions in XState's order and the target configuration.
 *
 * The returned `step` matches `xstate.transition()` from a snapshot restored with
 * `machine.resolveState({ value, context })`: same state value, context and emitted events
 * (see the deliberate differences in `types.ts`: done configurations absorb every event,
 * parallel regions in document order). It never calls XState, builds no strings and no JSON.
 *
 * Throws SV301 for unsupported features and SV303 for unknown named guards, actions or
 * delays, naming the state. Deterministic: the same machine gives the same numbering.
 */
export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  const table = indexNodes(machine);
  const parts = compileParts(table);
  const configs = enumerateConfigurations(table);
  const configIds = new Map<string, number>();
  configs.forEach((c, i) => configIds.set(c.join(','), i));
  const activeSets = configs.map((c) => new Set(c));
  const configOfNodes = (nodes: Iterable<AnyStateNode>): number => {
    const key = [...nodes].map((n) => n.order).sort((a, b) => a - b).join(',');
    const id = configIds.get(key);
    if (id === undefined) throw splitvoteError('SV301', `machine '${machine.id}' reached an unexpected configuration {${key}}`);
    return id;
  };

  const values = activeSets.map((s) => deepFreeze(valueOfConfiguration(table, s)));
  const labels = values.map(labelOfValue);
  const activeIds = configs.map((c) => Object.freeze(c.map((i) => table.nodes[i].id)));
  const done = activeSets.map((s) => isDoneConfiguration(machine.root, new Set([...s].map((i) => table.nodes[i]))));
  const holdsInput = configs.map((c) => c.some((j) => table.nodes[j].tags.includes(HOLD_INPUT_TAG)));
  const timers = configs.map((c, i) => (done[i] ? [] : timersOf(machine, c.map((j) => table.nodes[j]))));

  const eventTypes = [...new Set(parts.infos.map((t) => t.eventType))];
  const eventIndex = new Map(eventTypes.map((e, i) => [e, i]));
  const width = eventTypes.length;
  const cells: (Entry | undefined)[] = new Array(configs.length * width).fill(undefined);
  for (let c = 0; c < configs.length; c++) {
    if (done[c]) continue;
    for (let e = 0; e < width; e++) {
      const entry = buildEntry(table, parts, activeSets[c], c, eventTypes[e]);
      if (entry === undefined) continue;
      const single = entry.transitions.map((t) => buildOutcome(table, parts, [t], activeSets[c], configOfNodes));
      cells[c * width + e] = { ...entry, single };
    }
  }

  const multiOutcome = (entry: Entry, chosen: Int32Array, count: number): Outcome => {
    let key = 0;
    for (let i = 0; i < count; i++) key += 2 ** chosen[i];
    let outcome = entry.multi.get(key);
    if (outcome === undefined) {
      // First time these parallel transitions fire together: plan once and remember it.
      const selected = Array.from(chosen.subarray(0, count), (j) => entry.transitions[j]);
      outcome = buildOutcome(table, parts, selected, activeSets[entry.config], configOfNodes);
      entry.multi.set(key, outcome);
    }
    return outcome;
  };

  const chosen = new Int32Array(64);
  let chosenCount = 0;
  const select = (chain: Chain, guards: Entry['guards'], context: MachineContext, event: EventObject): void => {
    const before = chosenCount;
    const branches = chain.branches;
    for (let i = 0; i < branches.length; i++) select(branches[i], guards, context, event);
    if (chosenCount !== before) return;
    const cands = chain.cands;
    for (let i = 0; i < cands.length; i++) {
      const j = cands[i];
      const guard = guards[j];
      if (guard === null || guard(context, event)) {
        chosen[chosenCount++] = j;
        return;
      }
    }
  };

  const step = (config: number, context: MachineContext, event: EventObject): StepResult | undefined => {
    if (done[config]) return undefined;
    const e = eventIndex.get(event.type);
    if (e === undefined) return undefined;
    const entry = cells[config * width + e];
    if (entry === undefined) return undefined;
    chosenCount = 0;
    select(entry.chain, entry.guards, context, event);
    if (chosenCount === 0) return undefined;
    const outcome = chosenCount === 1 ? entry.single[chosen[0]] : multiOutcome(entry, chosen, chosenCount);
    const actions = outcome.actions;
    const emitted: EventObject[] = outcome.emits ? [] : (NO_EVENTS as EventObject[]);
    let next = context;
    for (let i = 0; i < actions.length; i++) next = actions[i](next, event, emitted);
    return { config: outcome.config, context: next, emitted, taken: outcome.taken };
  };

  const configOf = (value: StateValue): number => configOfNodes(nodesOfValue(table, value).map((i) => table.nodes[i]));

  const initial = (input?: unknown): StepResult => {
    const [snapshot, actions] = initialTransition(machine, input);
    if (snapshot.status === 'error') {
      throw splitvoteError('SV301', `machine '${machine.id}' failed to start: ${String((snapshot as { error?: unknown }).error)}`);
    }
    const emitted = emittedOf(actions);
    return { config: configOf(snapshot.value), context: snapshot.context as MachineContext, emitted, taken: [] };
  };

  return {
    machine,
    id: machine.id,
    configCount: configs.length,
    values,
    labels,
    activeIds,
    done,
    holdsInput,
    timers,
    eventTypes,
    transitions: parts.infos,
    configOf,
    initial,
    step,
  };
}

function timersOf(machine: AnyStateMachine, active: readonly AnyStateNode[]): readonly TimerEvent[] {
  const delays = machine.implementations.delays as Record<string, unknown>;
  const out: TimerEvent[] = [];
  const seen = new Set<string>();
  for (const node of active) {
    for (const t of node.after) {
      const type = t.eventType as string;
      if (seen.has(type)) continue; // several guarded transitions share one delay event
      seen.add(type);
      const delay = t.delay as number | string;
      const ms = typeof delay === 'number' ? delay : typeof delays[delay] === 'number' ? (delays[delay] as number) : undefined;
      out.push(Object.freeze({ type, delay, ms, stateId: node.id }));
    }
  }
  return Object.freeze(out);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
