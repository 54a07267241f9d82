import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import { compileAction, isTimerBookkeeping, type CompiledAction } from './compileAction.ts';
import { compileGuard, type CompiledGuard } from './compileGuard.ts';
import { planMicrostep } from './microstep.ts';
import { candidatesOf, isAtomic, type NodeTable } from './stateTree.ts';
import type { TransitionInfo } from './types.ts';

/** What one selection of transitions does: the actions to run in order and the target configuration. */
export interface Outcome {
  readonly config: number;
  readonly actions: readonly CompiledAction[];
  /** True when some action may emit (then the step allocates an `emitted` array). */
  readonly emits: boolean;
  readonly taken: readonly number[];
}

/**
 * XState's transition selection for one (configuration, event type), as a small program:
 * the parallel regions below (`branches`) each contribute their selected transition; when
 * none does, the first candidate in `cands` whose guard passes is selected. For a machine
 * without parallel states this is one flat candidate list: innermost state first.
 */
export interface Chain {
  readonly branches: readonly Chain[];
  readonly cands: readonly number[];
}

/** One table cell: a configuration and an event type that some active state listens to. */
export interface Entry {
  readonly chain: Chain;
  readonly guards: readonly (CompiledGuard | null)[];
  readonly transitions: readonly AnyTransitionDefinition[];
  /** Outcome when exactly candidate j is selected. */
  readonly single: readonly Outcome[];
  /** Outcomes of several parallel transitions, keyed by the sum of 2^j; filled on first use. */
  readonly multi: Map<number, Outcome>;
  readonly config: number;
}

/** The largest candidate index whose bit fits a double exactly (the multi key is a sum of 2^j). */
const MAX_CANDIDATES = 53;

/** Compiled guards and actions of every node and transition (compile-time rejection happens here). */
export interface CompiledParts {
  readonly entry: readonly (readonly CompiledAction[])[];
  readonly exit: readonly (readonly CompiledAction[])[];
  readonly initial: readonly (readonly CompiledAction[])[];
  readonly transitionActions: readonly (readonly CompiledAction[])[];
  readonly guards: readonly (CompiledGuard | null)[];
  readonly transitionId: ReadonlyMap<AnyTransitionDefinition, number>;
  readonly infos: readonly TransitionInfo[];
  /** Whether any action anywhere is an emit (names are `emit` or resolve to one). */
  readonly emitting: ReadonlySet<CompiledAction>;
}

/**
 * Compiles every entry, exit and initial action list and every transition's guard and
 * actions, in document order. Throws SV301/SV303 for anything unsupported, even in states
 * that are never reached. Pure.
 */
export function compileParts(table: NodeTable): CompiledParts {
  const { machine, nodes } = table;
  const emitting = new Set<CompiledAction>();
  const compileList = (node: AnyStateNode, list: readonly unknown[], where: string): CompiledAction[] =>
    list
      .filter((a) => !isTimerBookkeeping(node, a))
      .map((a) => {
        const compiled = compileAction(machine, a, where);
        if (isEmit(machine, a)) emitting.add(compiled.run);
        return compiled.run;
      });
  const entry = nodes.map((n) => compileList(n, n.entry, `entry of state #${n.id}`));
  const exit = nodes.map((n) => compileList(n, n.exit, `exit of state #${n.id}`));
  const initial = nodes.map((n) => (n.type === 'compound' ? compileList(n, n.initial.actions, `initial transition of state #${n.id}`) : []));
  const transitionActions: CompiledAction[][] = [];
  const guards: (CompiledGuard | null)[] = [];
  const transitionId = new Map<AnyTransitionDefinition, number>();
  const infos: TransitionInfo[] = [];
  for (const node of nodes) {
    for (const [eventType, list] of node.transitions) {
      for (const t of list) {
        const id = infos.length;
        const where = `the '${eventType}' transition of state #${node.id}`;
        transitionId.set(t, id);
        const guard = t.guard === undefined ? undefined : compileGuard(machine, t.guard, where);
        guards.push(guard === undefined ? null : guard.test);
        transitionActions.push(compileList(node, t.actions, where));
        infos.push({
          id,
          source: node.id,
          eventType,
          targets: ((t.target ?? []) as AnyStateNode[]).map((x) => x.id),
          guard: guard?.name,
          actions: t.actions.map(actionName),
          reenter: t.reenter,
        });
      }
    }
  }
  return { entry, exit, initial, transitionActions, guards, transitionId, infos, emitting };
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') return ((action as { type?: string }).type ?? action.name).replace(/^xstate\./, '');
  return (action as { type: string }).type;
}

function isEmit(machine: NodeTable['machine'], action: unknown): boolean {
  const type = (a: unknown): unknown => (a as { type?: unknown }).type;
  if (typeof action === 'function') return type(action) === 'xstate.emit';
  const name = typeof action === 'string' ? action : (action as { type: string }).type;
  return type((machine.implementations.actions as Record<string, unknown>)[name]) === 'xstate.emit';
}

/**
 * Builds the selection program and candidate list for one configuration and event type, or
 * `undefined` when no active state listens to it. Mirrors XState's `transitionNode`.
 */
export function buildEntry(table: NodeTable, parts: CompiledParts, active: ReadonlySet<number>, config: number, eventType: string): Omit<Entry, 'single'> | undefined {
  const transitions: AnyTransitionDefinition[] = [];
  const build = (node: AnyStateNode): Chain => {
    const own = (): number[] =>
      candidatesOf(node, eventType).map((t) => {
        transitions.push(t);
        return transitions.length - 1;
      });
    if (isAtomic(node)) return { branches: [], cands: own() };
    const children = Object.keys(node.states).map((k) => node.states[k]).filter((c) => active.has(c.order));
    if (node.type === 'compound') {
      // Child first (innermost), then this node: one flat list when there is no parallel below.
      const inner = build(children[0]);
      return { branches: inner.branches, cands: [...inner.cands, ...own()] };
    }
    const branches = children.map(build).filter((c) => c.branches.length > 0 || c.cands.length > 0);
    return { branches, cands: own() };
  };
  const chain = build(table.machine.root);
  if (transitions.length === 0) return undefined;
  if (transitions.length > MAX_CANDIDATES) {
    throw splitvoteError('SV301', `machine '${table.machine.id}' has more than ${MAX_CANDIDATES} candidate transitions for '${eventType}' in one configuration`);
  }
  const guards = transitions.map((t) => parts.guards[parts.transitionId.get(t) as number]);
  return { chain, guards, transitions, multi: new Map(), config };
}

/**
 * The outcome of the selected transitions from a configuration: plans the microstep and
 * concatenates the compiled actions in XState's order (exit, transition, entry with initial
 * actions, then every exit action when the machine is done). Pure.
 */
export function buildOutcome(
  table: NodeTable,
  parts: CompiledParts,
  selected: readonly AnyTransitionDefinition[],
  active: ReadonlySet<number>,
  configOfNodes: (nodes: Iterable<AnyStateNode>) => number,
): Outcome {
  const activeNodes = new Set([...active].map((i) => table.nodes[i]));
  const plan = planMicrostep(selected, activeNodes);
  const actions: CompiledAction[] = [];
  for (const node of plan.exited) actions.push(...parts.exit[node.order]);
  for (const t of plan.transitions) actions.push(...parts.transitionActions[parts.transitionId.get(t) as number]);
  for (const { node, defaultEntry } of plan.entered) {
    actions.push(...parts.entry[node.order]);
    if (defaultEntry) actions.push(...parts.initial[node.order]);
  }
  if (plan.done) {
    for (const node of [...plan.active].sort((a, b) => b.order - a.order)) actions.push(...parts.exit[node.order]);
  }
  return {
    config: configOfNodes(plan.active),
    actions,
    emits: actions.some((a) => parts.emitting.has(a)),
    taken: plan.transitions.map((t) => parts.transitionId.get(t) as number),
  };
}
