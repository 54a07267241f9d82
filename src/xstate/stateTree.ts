import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';
import { splitvoteError } from '../core/errors.ts';

/**
 * The state-node tree of one machine, flattened once. `nodes[i].order === i`: XState numbers
 * state nodes in document (pre-)order, and every sort in its algorithm uses that number, so
 * we use it as our node index too.
 */
export interface NodeTable {
  readonly machine: AnyStateMachine;
  readonly nodes: readonly AnyStateNode[];
}

/**
 * Flattens the machine's state-node tree and rejects what the compiler does not support
 * (SV301, naming the state id and the feature). Pure: reads the machine, never mutates it.
 */
export function indexNodes(machine: AnyStateMachine): NodeTable {
  const nodes: AnyStateNode[] = [];
  const walk = (node: AnyStateNode): void => {
    checkSupported(machine, node);
    nodes.push(node);
    for (const key of Object.keys(node.states)) walk(node.states[key]);
  };
  walk(machine.root);
  // XState assigns `order` in the same pre-order walk; if that ever changes, sorting by
  // our index would no longer match XState's action order, so fail loudly.
  nodes.forEach((node, i) => {
    if (node.order !== i) throw splitvoteError('SV301', `state #${node.id} has document order ${node.order}, expected ${i} (duplicate state ids?)`);
  });
  return { machine, nodes };
}

function unsupported(node: AnyStateNode, feature: string): Error {
  return splitvoteError('SV301', `state #${node.id} uses ${feature}`);
}

function checkSupported(machine: AnyStateMachine, node: AnyStateNode): void {
  if (node.type === 'history') throw unsupported(node, 'a history state');
  if (node.invoke.length > 0) throw unsupported(node, `invoke (${node.invoke.map((d) => d.src).join(', ')})`);
  if (node.always !== undefined && node.always.length > 0) throw unsupported(node, '`always` (eventless) transitions');
  const config = node.config as { after?: Record<string, unknown>; onDone?: unknown };
  if (config.onDone !== undefined) throw unsupported(node, '`onDone`');
  for (const descriptor of node.transitions.keys()) {
    if (descriptor === '*' || descriptor.endsWith('.*')) throw unsupported(node, `the wildcard event descriptor '${descriptor}'`);
    if (descriptor === 'xstate.route') throw unsupported(node, '`route` transitions');
    if (descriptor.startsWith('xstate.') && !descriptor.startsWith('xstate.after.')) throw unsupported(node, `a transition on the internal event '${descriptor}'`);
  }
  if (config.after !== undefined) {
    const delays = machine.implementations.delays as Record<string, unknown>;
    for (const delay of Object.keys(config.after)) {
      // A named delay without an implementation makes XState raise the event at once (no
      // delay at all), which the untimed abstraction cannot express; make it an error.
      if (Number.isNaN(+delay) && !(delay in delays)) {
        throw splitvoteError('SV303', `state #${node.id} uses the delay '${delay}', which setup({ delays }) does not define`);
      }
    }
  }
}

/** True for the node types XState treats as leaves of a configuration. */
export function isAtomic(node: AnyStateNode): boolean {
  return node.type === 'atomic' || node.type === 'final';
}

/** The candidate transitions of `node` for `eventType`, in document order (no wildcards). */
export function candidatesOf(node: AnyStateNode, eventType: string): readonly AnyTransitionDefinition[] {
  return node.transitions.get(eventType) ?? [];
}

/** Cap on configurations per machine; parallel products beyond it are almost surely a modelling mistake. */
export const MAX_CONFIGURATIONS = 1 << 16;

/**
 * Every configuration (set of active state nodes, ancestors included), each as ascending
 * node indices; parallel regions are products. Deterministic: document order.
 */
export function enumerateConfigurations(table: NodeTable): number[][] {
  const of = (node: AnyStateNode): number[][] => {
    if (isAtomic(node)) return [[node.order]];
    const children = Object.keys(node.states).map((key) => node.states[key]);
    if (node.type === 'compound') return children.flatMap((child) => of(child).map((rest) => [node.order, ...rest]));
    let product: number[][] = [[node.order]];
    for (const child of children) {
      const options = of(child);
      product = product.flatMap((prefix) => options.map((rest) => [...prefix, ...rest]));
      if (product.length > MAX_CONFIGURATIONS) throw unsupported(node, `more than ${MAX_CONFIGURATIONS} configurations (parallel regions multiply)`);
    }
    return product;
  };
  return of(table.machine.root).map((config) => config.sort((a, b) => a - b));
}

/**
 * The state value of a configuration, as XState's `getStateValue` builds it, with regions in
 * document order. Pure.
 */
export function valueOfConfiguration(table: NodeTable, active: ReadonlySet<number>): StateValue {
  const of = (node: AnyStateNode): StateValue => {
    const children = Object.keys(node.states).map((key) => node.states[key]).filter((child) => active.has(child.order));
    if (node.type === 'compound') {
      const child = children[0];
      if (child === undefined) return {};
      if (isAtomic(child)) return child.key;
    }
    const value: Record<string, StateValue> = {};
    for (const child of children) value[child.key] = of(child);
    return value;
  };
  return of(table.machine.root);
}

/** "primary.voting"; parallel regions as "a.x, b.y" (nested: "p.(a.x, b.y)"). Pure. */
export function labelOfValue(value: StateValue): string {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  const part = (key: string): string => {
    const inner = value[key];
    if (inner === undefined || (typeof inner === 'object' && Object.keys(inner).length === 0)) return key;
    const label = labelOfValue(inner);
    return typeof inner === 'object' && Object.keys(inner).length > 1 ? `${key}.(${label})` : `${key}.${label}`;
  };
  return keys.map(part).join(', ');
}

/**
 * The active node indices (ascending) for a state value, completing partial values with
 * initial states as `machine.resolveState` does. Throws SV301 for a state that does not exist.
 */
export function nodesOfValue(table: NodeTable, value: StateValue | undefined): number[] {
  const out: number[] = [];
  const add = (node: AnyStateNode, sub: StateValue | undefined): void => {
    out.push(node.order);
    if (isAtomic(node)) return;
    if (node.type === 'compound') {
      const key = typeof sub === 'string' ? sub : sub !== undefined ? Object.keys(sub)[0] : undefined;
      const child = key === undefined ? (node.initial.target[0] as AnyStateNode) : node.states[key];
      if (child === undefined) throw splitvoteError('SV301', `machine '${table.machine.id}' has no state '${key}' under #${node.id}`);
      add(child, typeof sub === 'object' && key !== undefined ? sub[key] : undefined);
      return;
    }
    for (const key of Object.keys(node.states)) add(node.states[key], typeof sub === 'object' ? sub[key] : undefined);
  };
  add(table.machine.root, value);
  return out.sort((a, b) => a - b);
}
