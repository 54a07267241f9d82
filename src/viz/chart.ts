import type { AnyStateNode } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import { isTimerBookkeeping } from '../xstate/compileAction.ts';
import type { CompiledMachine, TransitionInfo } from '../xstate/types.ts';

/** One transition as drawn: the compiled transition plus its display text. */
export interface ChartTransition {
  /** The id in `CompiledMachine.transitions` (what coverage counts). */
  readonly id: number;
  readonly source: string;
  readonly targets: readonly string[];
  /** The event as a reader says it: `PREPARED`, `after PREPARE_TIMEOUT (1000 ms)`. */
  readonly event: string;
  readonly guard: string | undefined;
  readonly actions: readonly string[];
  /** `EVENT [guard] / action, action`. */
  readonly label: string;
}

/** A state node of the chart. */
export interface ChartState {
  /** XState's state node id (`node.candidate.idle`), unique in the machine. */
  readonly id: string;
  /** The key under its parent (`idle`); the machine id for the root. */
  readonly key: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final';
  readonly children: readonly ChartState[];
  /** Id of the initial child of a compound state. */
  readonly initial: string | undefined;
  readonly entry: readonly string[];
  readonly exit: readonly string[];
  /** Transitions declared on this state, in document order. */
  readonly transitions: readonly ChartTransition[];
}

/** A machine, or one state's subtree of it, ready to draw. */
export interface Chart {
  /** The machine name (see `machinesOf`). */
  readonly name: string;
  /** The dotted path of the drawn state, for a focused subtree. */
  readonly focus: string | undefined;
  readonly compiled: CompiledMachine;
  readonly root: ChartState;
  /** Every state id in the drawn subtree, in document order. */
  readonly stateIds: readonly string[];
  /** Every transition declared in the drawn subtree, in id order. */
  readonly transitions: readonly ChartTransition[];
  /**
   * For a focused subtree: the transitions declared on its ancestors, which its states
   * also handle (drawn as a one-line list, not as edges). Empty for a whole machine.
   */
  readonly inherited: readonly ChartTransition[];
}

/**
 * Builds the drawable chart of a compiled machine by walking `machine.root`: states,
 * initial states, parallel regions, entry/exit actions and the compiled transitions
 * (guards by name, actions by name, `after` delays as `after NAME (ms)`). `focus` is a
 * dotted state path from the root (`candidate`, `candidate.waiting`) to draw one state's
 * subtree; an unknown path throws SV401 listing the state paths there are. Pure.
 */
export function buildChart(name: string, compiled: CompiledMachine, focus?: string): Chart {
  const byState = new Map<string, ChartTransition[]>();
  for (const info of compiled.transitions) {
    const list = byState.get(info.source) ?? [];
    list.push(chartTransition(info, compiled));
    byState.set(info.source, list);
  }
  const walk = (node: AnyStateNode): ChartState => ({
    id: node.id,
    key: node.parent === undefined ? compiled.id : node.key,
    type: node.type === 'history' ? 'atomic' : node.type,
    children: Object.keys(node.states).map((key) => walk(node.states[key])),
    initial: node.type === 'compound' ? (node.initial.target[0] as AnyStateNode | undefined)?.id : undefined,
    entry: actionNames(node, node.entry),
    exit: actionNames(node, node.exit),
    transitions: byState.get(node.id) ?? [],
  });
  const whole = walk(compiled.machine.root);
  const { root, ancestors } = focus === undefined ? { root: whole, ancestors: [] } : findState(whole, focus);
  const states: ChartState[] = [];
  const collect = (state: ChartState): void => {
    states.push(state);
    state.children.forEach(collect);
  };
  collect(root);
  return {
    name,
    focus,
    compiled,
    root,
    stateIds: states.map((s) => s.id),
    transitions: states.flatMap((s) => s.transitions).sort((a, b) => a.id - b.id),
    inherited: ancestors.flatMap((s) => s.transitions),
  };
}

/** Every dotted state path of a chart (`voter`, `candidate`, `candidate.idle`, ...), in document order. */
export function statePaths(root: ChartState, prefix = ''): string[] {
  return root.children.flatMap((child) => {
    const path = prefix === '' ? child.key : `${prefix}.${child.key}`;
    return [path, ...statePaths(child, path)];
  });
}

function findState(root: ChartState, path: string): { root: ChartState; ancestors: ChartState[] } {
  const ancestors: ChartState[] = [];
  let at = root;
  for (const key of path.split('.')) {
    const child = at.children.find((c) => c.key === key);
    if (child === undefined) {
      throw splitvoteError('SV401', `--state ${path}: machine ${root.key} has no state "${path}"; pass one of: ${statePaths(root).join(', ')}`);
    }
    ancestors.push(at);
    at = child;
  }
  return { root: at, ancestors };
}

const AFTER = 'xstate.after.';

function chartTransition(info: TransitionInfo, compiled: CompiledMachine): ChartTransition {
  const event = eventText(info, compiled);
  const guard = info.guard === undefined ? '' : ` [${info.guard}]`;
  const actions = info.actions.length === 0 ? '' : ` / ${info.actions.join(', ')}`;
  return { id: info.id, source: info.source, targets: info.targets, event, guard: info.guard, actions: info.actions, label: `${event}${guard}${actions}` };
}

/**
 * The event of a transition as a reader says it. XState names a delayed event
 * `xstate.after.<delay>.<state id>`; readers know it as `after <delay> (<ms> ms)`. Pure.
 */
export function eventText(info: TransitionInfo, compiled: CompiledMachine): string {
  if (!info.eventType.startsWith(AFTER) || !info.eventType.endsWith(`.${info.source}`)) return info.eventType;
  const delay = info.eventType.slice(AFTER.length, info.eventType.length - info.source.length - 1);
  const timer = compiled.timers.flat().find((t) => t.type === info.eventType);
  const ms = timer?.ms;
  if (ms === undefined || String(ms) === delay) return `after ${delay}${ms === undefined ? '' : ' ms'}`;
  return `after ${delay} (${ms} ms)`;
}

function actionNames(node: AnyStateNode, actions: readonly unknown[]): string[] {
  // `after` delays add raise/cancel actions to entry/exit; they are drawn as the delayed transitions instead.
  return actions.filter((a) => !isTimerBookkeeping(node, a)).map(actionName);
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  const a = action as { type?: unknown; name?: unknown };
  if (typeof a.type === 'string') return a.type.replace(/^xstate\./, '');
  return typeof a.name === 'string' && a.name !== '' ? a.name : 'inline';
}
