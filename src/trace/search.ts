import { Hasher } from '../core/hasher.ts';
import { fingerprinter } from '../explore/fingerprint.ts';
import { FingerprintSet } from '../explore/fingerprintSet.ts';
import type { LogObservation, MatchedStep, Observation, StepObservation, TraceAdapter, TraceSearchOptions, TraceVerdict } from './types.ts';

/** Default bound on distinct (state, log position) pairs. */
export const DEFAULT_TRACE_MAX_STATES = 1_000_000;

/** True when the log observation agrees with the model's on the kind and every field the log has. Pure. */
export function observationMatches(log: Observation, step: Observation): boolean {
  if (log.kind !== step.kind) return false;
  for (const key in log.fields) if (step.fields[key] !== log.fields[key]) return false;
  return true;
}

/**
 * Trace validation: breadth-first search over pairs (model state, position in each node's
 * log) for a behaviour that explains every observation. From a pair, the search may
 * - take a model step whose observations on logged nodes are empty (unobservable: a delivery
 *   to a silent node, a header merge, a timer, a recompute), keeping the positions;
 * - take a step whose observations (all of the acting node) equal that node's next log
 *   observations, advancing its position past them;
 * - consume a probe observation that holds in the current state (no model step).
 * A log is a prefix of its node's output: after its last line the node's steps are unobserved.
 * Observations are consumed in log order per node, and across nodes in timestamp order (one
 * host, one clock): a line may be consumed only when no other node has an unconsumed line
 * with an earlier timestamp; lines with equal timestamps on different nodes go in either order.
 * Pairs are deduplicated by the state's fingerprint and the positions. Observations of nodes
 * without a log are dropped (`logged[node]` false).
 *
 * Accepted when every observation is consumed; rejected when the reachable pairs run out,
 * naming the earliest observation unmatched in the deepest pair; unknown when `maxStates` pairs
 * were seen first (never accepted on a partial search). Deterministic: same input, same answer.
 */
export function validateTrace<TState, TAction>(
  adapter: TraceAdapter<TState, TAction>,
  perNode: readonly (readonly LogObservation[])[],
  options: TraceSearchOptions = {},
): TraceVerdict<TState> {
  if (adapter.actorOf === undefined || options.reduction === false) return search(adapter, perNode, options, false);
  // The reduced search finds explanations fast, and what it finds is a real behaviour; but a
  // node's enabled steps are not always a persistent set (another node's step can enable a
  // new, dependent step of it: a message on an empty link, a line of its log becoming
  // eligible), so only the exact search may reject.
  const reduced = search(adapter, perNode, options, true);
  if (reduced.status === 'accepted') return reduced;
  return search(adapter, perNode, options, false);
}

function search<TState, TAction>(
  adapter: TraceAdapter<TState, TAction>,
  perNode: readonly (readonly LogObservation[])[],
  options: TraceSearchOptions,
  reduce: boolean,
): TraceVerdict<TState> {
  const model = adapter.model;
  const maxStates = options.maxStates ?? DEFAULT_TRACE_MAX_STATES;
  const k = perNode.length;
  const lengths = perNode.map((list) => list.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  const hasher = new Hasher();
  const fp = fingerprinter(model, hasher, false);
  const pairHasher = new Hasher();
  const seen = new FingerprintSet(1 << 16, false);
  const states: TState[] = [];
  const cursors: number[] = [];
  const parent: number[] = [];
  const via: number[] = [];
  const consumed: number[] = [];
  let boundaryHits = 0;
  const deadAt = new Map<number, LogObservation>();

  let enqueue = (_index: number): void => {};
  const add = (state: TState, cur: readonly number[] | number[], from: number, action: number, count: number): number => {
    fp(state);
    pairHasher.reset();
    pairHasher.int(hasher.hi);
    pairHasher.int(hasher.lo);
    for (let j = 0; j < k; j++) pairHasher.int(cur[j]);
    pairHasher.finish();
    if (!seen.add(pairHasher.hi, pairHasher.lo)) return -1;
    states.push(state);
    for (let j = 0; j < k; j++) cursors.push(cur[j]);
    parent.push(from);
    via.push(action);
    consumed.push(count);
    enqueue(states.length - 1);
    return states.length - 1;
  };

  // May node `node` consume its observation at position `pos` given the others' positions?
  const eligible = (base: number, node: number, pos: number): boolean => {
    const ms = perNode[node][pos].source.ms;
    for (let j = 0; j < k; j++) {
      if (j === node) continue;
      const c = cursors[base + j];
      if (c < lengths[j] && perNode[j][c].source.ms < ms) return false;
    }
    return true;
  };

  // An observation no behaviour can produce (`impossible`) ends the search as soon as a pair
  // has consumed everything that must come before it (every line of an earlier timestamp).
  let wall: LogObservation | undefined;
  if (adapter.impossible !== undefined) {
    for (const list of perNode) for (const o of list) if (adapter.impossible(o) && (wall === undefined || o.source.ms < wall.source.ms)) wall = o;
  }
  const before = perNode.map((list) => (wall === undefined ? list.length + 1 : list.filter((o) => o.source.ms < wall!.source.ms).length));
  const inits = model.initStates();
  const zero = new Array<number>(k).fill(0);
  inits.forEach((s, i) => {
    if (model.withinBoundary === undefined || model.withinBoundary(s)) add(s, zero, -1, i, 0);
  });
  let best = 0;
  const actions: TAction[] = [];
  const cur = new Array<number>(k).fill(0);
  const succ: { state: TState; node: number; action: number; advance: number }[] = [];
  const push = (from: number, s: { state: TState; node: number; action: number; advance: number }): number => {
    if (s.advance === 0) return add(s.state, cur, from, s.action, consumed[from]);
    const c = cur[s.node];
    cur[s.node] = c + s.advance;
    const index = add(s.state, cur, from, s.action, consumed[from] + s.advance);
    cur[s.node] = c;
    return index;
  };
  // Pairs are taken from the deepest log position first (breadth-first within a position):
  // an explanation is found without first expanding every interleaving of earlier lines,
  // and a rejection still expands every pair.
  const buckets: number[][] = Array.from({ length: total + 1 }, () => []);
  for (let i = 0; i < states.length; i++) buckets[0].push(i);
  let top = 0;
  enqueue = (index: number) => {
    const c = consumed[index];
    buckets[c].push(index);
    if (c > top) top = c;
  };
  const taken = new Array<number>(total + 1).fill(0);
  for (;;) {
    while (top > 0 && taken[top] === buckets[top].length) top--;
    if (taken[top] === buckets[top].length) break;
    const head = buckets[top][taken[top]++];
    const base = head * k;
    const count = consumed[head];
    if (count === total) return accepted(head);
    if (count > consumed[best]) best = head;
    if (wall !== undefined) {
      let all = true;
      for (let j = 0; j < k && all; j++) all = cursors[base + j] >= before[j];
      if (all) {
        deadAt.set(head, wall);
        best = head;
        break;
      }
    }
    const state = states[head];
    for (let j = 0; j < k; j++) cur[j] = cursors[base + j];
    // A pair whose some node's next observation can no longer be produced leads nowhere.
    if (adapter.dead !== undefined) {
      let blocked = -1;
      for (let j = 0; j < k && blocked < 0; j++) {
        // The wall and what follows it are handled above: the search stops there.
        if (cur[j] < lengths[j] && cur[j] < before[j] && adapter.dead(state, perNode[j][cur[j]])) blocked = j;
      }
      if (blocked >= 0) {
        deadAt.set(head, perNode[blocked][cur[blocked]]);
        continue;
      }
    }
    // Every successor pair: probes (no model step) and model steps that fit the log.
    succ.length = 0;
    for (let j = 0; j < k; j++) {
      const c = cur[j];
      if (c >= lengths[j] || !perNode[j][c].probe || !eligible(base, j, c)) continue;
      if (!adapter.probe(state, perNode[j][c])) continue;
      succ.push({ state, node: j, action: -1, advance: 1 });
    }
    actions.length = 0;
    model.actions(state, actions);
    for (let a = 0; a < actions.length; a++) {
      if (adapter.postpone !== undefined && adapter.postpone(state, actions[a])) continue;
      const next = model.next(state, actions[a]);
      if (next === undefined) continue;
      if (model.withinBoundary !== undefined && !model.withinBoundary(next)) {
        boundaryHits++;
        continue;
      }
      const obs = adapter.observe(state, actions[a], next).filter((o) => lengths[o.node] > 0);
      const actor = adapter.actorOf === undefined ? -1 : adapter.actorOf(actions[a]);
      if (obs.length === 0) {
        succ.push({ state: next, node: actor, action: a, advance: 0 });
        continue;
      }
      const node = obs[0].node;
      const c = cur[node];
      if (!obs.every((o) => o.node === node)) continue;
      // A log is a prefix of what its node printed: past its end, steps are unobserved, and a
      // step whose lines run past the end needs only its first lines in the log.
      const m = Math.min(obs.length, lengths[node] - c);
      if (m === 0) {
        succ.push({ state: next, node, action: a, advance: 0 });
        continue;
      }
      if (!eligible(base, node, c)) continue;
      let fits = true;
      for (let i = 0; i < m && fits; i++) fits = !perNode[node][c + i].probe && observationMatches(perNode[node][c + i], obs[i]);
      if (!fits) continue;
      succ.push({ state: next, node, action: a, advance: m });
    }
    // Reduction (a heuristic for finding an explanation): when one node's enabled steps consume
    // no observation, expand them alone, if all their successors are new; else everything.
    // Among the nodes whose enabled steps are all invisible, the one with the fewest.
    let only = -1;
    if (reduce && succ.every((s) => s.node >= 0)) {
      let fewest = Infinity;
      for (let j = 0; j < k; j++) {
        let some = 0;
        let invisible = true;
        for (const s of succ) if (s.node === j) { some++; if (s.advance > 0) invisible = false; }
        if (some > 0 && invisible && some < fewest) {
          only = j;
          fewest = some;
        }
      }
    }
    let full = only < 0;
    if (!full) {
      for (const s of succ) {
        if (s.node !== only) continue;
        if (push(head, s) < 0) full = true;
      }
    }
    if (full) for (const s of succ) if (s.node !== only) push(head, s);
    if (states.length >= maxStates) {
      return { status: 'unknown', reason: `bound reached: ${maxStates} (state, log position) pairs explored`, explored: states.length, matched: consumed[best] };
    }
  }
  return rejected();

  function pathTo(index: number): number[] {
    const chain: number[] = [];
    for (let i = index; i >= 0; i = parent[i]) chain.push(i);
    return chain.reverse();
  }

  function explained(from: number, to: number): LogObservation[] {
    const out: LogObservation[] = [];
    for (let j = 0; j < k; j++) {
      for (let c = from < 0 ? 0 : cursors[from * k + j]; c < cursors[to * k + j]; c++) out.push(perNode[j][c]);
    }
    return out;
  }

  function accepted(last: number): TraceVerdict<TState> {
    const chain = pathTo(last);
    const steps: MatchedStep[] = chain.slice(1).map((i) => ({ actionIndex: via[i], explains: explained(parent[i], i) }));
    return { status: 'accepted', init: via[chain[0]], steps, states: chain.map((i) => states[i]), explored: states.length, boundaryHits };
  }

  function rejected(): TraceVerdict<TState> {
    if (states.length === 0) {
      return { status: 'unknown', reason: 'the initial state is outside the model bounds', explored: 0, matched: 0 };
    }
    const base = best * k;
    // The blocked observation: the earliest unconsumed one (by time, then node order).
    let at: LogObservation | undefined = deadAt.get(best);
    if (at === undefined) for (let j = 0; j < k; j++) {
      const c = cursors[base + j];
      if (c < lengths[j] && (at === undefined || perNode[j][c].source.ms < at.source.ms)) at = perNode[j][c];
    }
    const chain = pathTo(best);
    const matched = chain.slice(1).flatMap((i) => explained(parent[i], i));
    // What the model could do instead, from every pair at the same log position.
    const instead = new Set<string>();
    for (let i = 0; i < states.length && instead.size < 12; i++) {
      let same = true;
      for (let j = 0; j < k && same; j++) same = cursors[i * k + j] === cursors[base + j];
      if (!same) continue;
      actions.length = 0;
      model.actions(states[i], actions);
      for (const action of actions) {
        const next = model.next(states[i], action);
        if (next === undefined) continue;
        for (const o of adapter.observe(states[i], action, next) as StepObservation[]) {
          if (lengths[o.node] > 0 && instead.size < 12) instead.add(`${adapter.nodes[o.node]}: ${adapter.describe(o)}`);
        }
      }
    }
    return { status: 'rejected', at: at!, matched, state: states[best], instead: [...instead], explored: states.length, boundaryHits };
  }
}
