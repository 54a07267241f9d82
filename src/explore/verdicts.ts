import type { PropertyVerdict, Trace } from '../core/result.ts';
import { splitvoteError } from '../core/errors.ts';
import { findEventuallyViolation, findTrap, type LivenessGraph } from '../graph/liveness.ts';
import type { Search } from './search.ts';
import { replay } from './replay.ts';
import { shrinkTrace } from './shrink.ts';

const NOT_SHORTEST = 'a counterexample, not necessarily a shortest one (partial-order reduction pruned some orders; --shortest finds a shortest one)';

/**
 * Turns a finished search into one verdict per property (plus "no deadlock" when deadlock
 * checking is on). Traces are rebuilt by replaying the recorded action indices, and each
 * is checked to end where the search said it would: a mismatch means the model is not
 * deterministic (SV201).
 */
export function verdicts<TState, TAction>(search: Search<TState, TAction>): PropertyVerdict<TState, TAction>[] {
  const { model, properties, found } = search;
  const complete = search.stopReason === null;
  const out: PropertyVerdict<TState, TAction>[] = [];
  const graph = complete ? livenessGraph(search) : undefined;
  // Partial-order reduction keeps the violation reachable, not the shortest path to it.
  const reduced = search.strategy === 'bfs' && search.reducedStates > 0;
  properties.forEach((property, i) => {
    const base = { name: property.name, kind: property.kind } as const;
    switch (property.kind) {
      case 'always':
        if (found[i] >= 0) {
          const trace = checkedTrace(search, found[i], (s) => !property.condition(s));
          // Random walks give long paths; fast-check shrinks them (BFS traces are already shortest).
          const shown = search.strategy === 'simulate' ? shrinkTrace(model, property, trace, search.options.seed) : trace;
          out.push({ ...base, status: 'violated', trace: shown, ...(reduced ? { note: NOT_SHORTEST } : {}) });
        }
        else out.push({ ...base, status: complete ? 'holds' : 'unknown', ...(complete ? {} : { note: `search stopped: ${search.stopReason}` }) });
        return;
      case 'sometimes':
        if (found[i] >= 0) out.push({ ...base, status: 'witnessed', trace: checkedTrace(search, found[i], property.condition) });
        else out.push({ ...base, status: complete ? 'not-witnessed' : 'unknown', ...(complete ? {} : { note: `search stopped: ${search.stopReason}` }) });
        return;
      case 'eventually':
      case 'recoverable': {
        if (graph === undefined) {
          out.push({ ...base, status: 'unknown', note: complete ? 'the state graph was not recorded (graph mode never, or too large)' : `search stopped: ${search.stopReason}` });
          return;
        }
        out.push({ ...base, ...livenessVerdict(search, graph, search.labels[i].view(), property.kind) });
        return;
      }
    }
  });
  if (search.options.deadlock) {
    const base = { name: 'no deadlock', kind: 'deadlock' } as const;
    if (search.firstDeadlock >= 0) out.push({ ...base, status: 'violated', trace: checkedTrace(search, search.firstDeadlock, () => true), note: `${search.deadlocks} state(s) without successors` });
    else out.push({ ...base, status: complete ? 'holds' : 'unknown' });
  }
  return out;
}

function livenessVerdict<TState, TAction>(search: Search<TState, TAction>, graph: LivenessGraph, goal: Uint8Array, kind: 'eventually' | 'recoverable'): Pick<PropertyVerdict<TState, TAction>, 'status' | 'trace' | 'note'> {
  const note = search.boundaryHits > 0 ? 'states cut by the model boundary count as able to reach the goal' : undefined;
  if (kind === 'recoverable') {
    const trap = findTrap(graph, goal);
    if (trap < 0) return { status: 'holds', ...(note ? { note } : {}) };
    return { status: 'violated', trace: checkedTrace(search, trap, () => true), note: 'from the last state no goal state is reachable' };
  }
  const lasso = findEventuallyViolation(graph, goal);
  if (lasso === undefined) return { status: 'holds', ...(note ? { note } : {}) };
  const edges = graph.edges;
  const init = search.actionIndices.get(lasso.init);
  const prefix = lasso.prefix.map((e) => edges.action(e));
  const cycle = lasso.cycle.map((e) => edges.action(e));
  const trace = cycle.length > 0 ? replay(search.model, init, [...prefix, ...cycle], prefix.length) : replay(search.model, init, prefix);
  return { status: 'violated', trace, note: cycle.length > 0 ? 'the trace loops forever without reaching the goal' : 'the trace ends without reaching the goal' };
}

function livenessGraph<TState, TAction>(search: Search<TState, TAction>): LivenessGraph | undefined {
  if (search.edges === undefined) return undefined;
  const nodes = search.visited.size;
  const inits: number[] = [];
  for (let v = 0; v < nodes; v++) if (search.parents.get(v) < 0) inits.push(v);
  const open = new Uint8Array(nodes);
  const cut = search.open.view();
  for (let k = 0; k < cut.length; k++) open[cut[k]] = 1;
  return { nodes, edges: search.edges, inits, open };
}

/** Rebuilds the trace to `ordinal` and checks that its last state is what the search saw. */
function checkedTrace<TState, TAction>(search: Search<TState, TAction>, ordinal: number, expected: (state: TState) => boolean): Trace<TState, TAction> {
  const { init, path } = search.pathTo(ordinal);
  const trace = replay(search.model, init, path);
  const last = trace.steps[trace.steps.length - 1].state;
  if (!expected(last)) {
    throw splitvoteError('SV201', `the replayed trace to state #${ordinal} does not end in the state the search found`);
  }
  return trace;
}
