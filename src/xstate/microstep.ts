import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';

/**
 * The structural part of one XState microstep, computed at compile time: which transitions
 * survive conflict removal, which states are exited (reverse document order) and entered
 * (document order), and whether the machine is done afterwards. Guards and actions are not
 * involved; a port of XState 5's `microstep` (SCXML algorithm) without history states.
 */
export interface MicrostepPlan {
  /** Transitions after conflict removal, in selection order. */
  readonly transitions: readonly AnyTransitionDefinition[];
  /** Exited states, reverse document order (their exit actions run first). */
  readonly exited: readonly AnyStateNode[];
  /** Entered states in document order, each with whether its `initial` actions run. */
  readonly entered: readonly { readonly node: AnyStateNode; readonly defaultEntry: boolean }[];
  /** The configuration after the step. */
  readonly active: ReadonlySet<AnyStateNode>;
  /** True when a top-level final state was reached: every active state's exit actions run last. */
  readonly done: boolean;
}

/** XState's `isDescendant`; note that every node is a descendant of `undefined`. */
function isDescendant(child: AnyStateNode, parent: AnyStateNode | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

function properAncestors(node: AnyStateNode, upTo: AnyStateNode | undefined): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  if (upTo === node) return out;
  let m = node.parent;
  while (m && m !== upTo) {
    out.push(m);
    m = m.parent;
  }
  return out;
}

function leastCommonAncestor(nodes: readonly AnyStateNode[]): AnyStateNode | undefined {
  const [head, ...tail] = nodes;
  for (const ancestor of properAncestors(head, undefined)) {
    if (tail.every((n) => isDescendant(n, ancestor))) return ancestor;
  }
  return undefined;
}

function targetsOf(t: AnyTransitionDefinition): readonly AnyStateNode[] {
  return (t.target ?? []) as readonly AnyStateNode[];
}

function domainOf(t: AnyTransitionDefinition): AnyStateNode | undefined {
  const source = t.source as AnyStateNode;
  const targets = targetsOf(t);
  if (!t.reenter && targets.every((x) => x === source || isDescendant(x, source))) return source;
  const lca = leastCommonAncestor([...targets, source]);
  if (lca) return lca;
  if (t.reenter) return undefined;
  return source.machine.root;
}

function exitSet(transitions: readonly AnyTransitionDefinition[], active: ReadonlySet<AnyStateNode>): AnyStateNode[] {
  const out = new Set<AnyStateNode>();
  for (const t of transitions) {
    if (targetsOf(t).length === 0) continue; // targetless: no exit, no entry
    const domain = domainOf(t);
    if (t.reenter && t.source === domain) out.add(domain as AnyStateNode);
    for (const node of active) if (isDescendant(node, domain)) out.add(node);
  }
  return [...out];
}

function removeConflicts(selected: readonly AnyTransitionDefinition[], active: ReadonlySet<AnyStateNode>): AnyTransitionDefinition[] {
  const kept = new Set<AnyTransitionDefinition>();
  for (const t1 of selected) {
    let preempted = false;
    const remove = new Set<AnyTransitionDefinition>();
    const exit1 = new Set(exitSet([t1], active));
    for (const t2 of kept) {
      if (exitSet([t2], active).some((n) => exit1.has(n))) {
        if (isDescendant(t1.source as AnyStateNode, t2.source as AnyStateNode)) remove.add(t2);
        else {
          preempted = true;
          break;
        }
      }
    }
    if (!preempted) {
      for (const t of remove) kept.delete(t);
      kept.add(t1);
    }
  }
  return [...kept];
}

function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.keys(node.states).map((k) => node.states[k]);
}

function addDescendants(node: AnyStateNode, defaults: Set<AnyStateNode>, enter: Set<AnyStateNode>): void {
  if (node.type === 'compound') {
    const initial = node.initial.target[0] as AnyStateNode;
    enter.add(initial);
    defaults.add(initial);
    addDescendants(initial, defaults, enter);
    addAncestors(enter, defaults, properAncestors(initial, node), undefined);
  } else if (node.type === 'parallel') {
    for (const child of childrenOf(node)) {
      if (![...enter].some((s) => isDescendant(s, child))) {
        enter.add(child);
        defaults.add(child);
        addDescendants(child, defaults, enter);
      }
    }
  }
}

function addAncestors(enter: Set<AnyStateNode>, defaults: Set<AnyStateNode>, ancestors: readonly AnyStateNode[], domain: AnyStateNode | undefined): void {
  for (const anc of ancestors) {
    if (!domain || isDescendant(anc, domain)) enter.add(anc);
    if (anc.type === 'parallel') {
      for (const child of childrenOf(anc)) {
        if (![...enter].some((s) => isDescendant(s, child))) {
          enter.add(child);
          addDescendants(child, defaults, enter);
        }
      }
    }
  }
}

function entrySet(transitions: readonly AnyTransitionDefinition[], defaults: Set<AnyStateNode>, enter: Set<AnyStateNode>): void {
  for (const t of transitions) {
    const domain = domainOf(t);
    const source = t.source as AnyStateNode;
    for (const s of targetsOf(t)) {
      if (t.source !== s || t.source !== domain || t.reenter) {
        enter.add(s);
        defaults.add(s);
      }
      addDescendants(s, defaults, enter);
    }
    for (const s of targetsOf(t)) {
      const ancestors = properAncestors(s, domain);
      if (domain?.type === 'parallel') ancestors.push(domain);
      addAncestors(enter, defaults, ancestors, !source.parent && t.reenter ? undefined : domain);
    }
  }
}

function isInFinalState(active: ReadonlySet<AnyStateNode>, node: AnyStateNode): boolean {
  if (node.type === 'compound') return childrenOf(node).some((s) => s.type === 'final' && active.has(s));
  if (node.type === 'parallel') return childrenOf(node).every((s) => isInFinalState(active, s));
  return node.type === 'final';
}

/** True when `active` is a top-level final configuration (XState status `done`). */
export function isDoneConfiguration(root: AnyStateNode, active: ReadonlySet<AnyStateNode>): boolean {
  return isInFinalState(active, root);
}

/**
 * Plans the microstep for the transitions selected (in selection order) from the
 * configuration `active`. Pure; called at compile time, or once per new combination of
 * parallel-region transitions.
 */
export function planMicrostep(selected: readonly AnyTransitionDefinition[], active: ReadonlySet<AnyStateNode>): MicrostepPlan {
  const transitions = removeConflicts(selected, active);
  const next = new Set(active);
  const exited = exitSet(transitions, active).sort((a, b) => b.order - a.order);
  for (const node of exited) next.delete(node);
  const defaults = new Set<AnyStateNode>();
  const enter = new Set<AnyStateNode>();
  entrySet(transitions, defaults, enter);
  const entered = [...enter].sort((a, b) => a.order - b.order);
  let done = false;
  const completed = new Set<AnyStateNode>();
  // Entered one by one, as XState does, so "is this parallel node complete" sees the same set.
  for (const node of entered) {
    next.add(node);
    if (node.type !== 'final') continue;
    const parent = node.parent;
    let marker = parent?.type === 'parallel' ? parent : parent?.parent;
    while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(next, marker)) {
      completed.add(marker);
      marker = marker.parent;
    }
    if (!marker) done = true;
  }
  return { transitions, exited, entered: entered.map((node) => ({ node, defaultEntry: defaults.has(node) })), active: next, done };
}
