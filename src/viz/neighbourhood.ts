import { Hasher } from '../core/hasher.ts';
import { fingerprinter } from '../explore/fingerprint.ts';
import type { AnyModel } from '../core/model.ts';
import type { PropertyVerdict } from '../core/result.ts';
import { label } from '../explore/replay.ts';
import { finish, violations, type ViewerContext, type ViewerData, type ViewerEdge } from './graphData.ts';

/**
 * Viewer data of the neighbourhood of a trace: its states plus every state reachable from
 * one of them in at most `radius` steps, with all transitions among them. Computed from the
 * model directly (breadth-first from the trace, states identified by fingerprint as the
 * explorer does), so it works however large the explored graph is. A state's layer is its
 * trace step plus its distance from the trace. Only forward steps: predecessors would need
 * the whole explored graph. `maxNodes` stops the growth (the notice then says so via
 * `explored`). Pure and deterministic.
 */
export function neighbourhoodViewerData(model: AnyModel, verdict: PropertyVerdict, radius: number, context: ViewerContext, maxNodes = 50_000): ViewerData {
  const trace = verdict.trace!;
  const hasher = new Hasher();
  // The explorer's own notion of state identity (packed encoding, symmetry).
  const fingerprint = fingerprinter(model, hasher, true);
  const keyOf = (state: unknown): string => {
    fingerprint(state);
    return `${hasher.hi.toString(16)}.${hasher.lo.toString(16)}`;
  };
  const view = model.view === undefined ? (s: unknown) => s : (s: unknown) => model.view!(s);
  const ids = new Map<string, string>();
  const states: unknown[] = [];
  const layer: number[] = [];
  const step: number[] = [];
  const add = (state: unknown, depth: number, k: number): { id: string; fresh: boolean } => {
    const key = keyOf(state);
    const known = ids.get(key);
    if (known !== undefined) {
      const i = Number(known);
      if (depth < layer[i]) layer[i] = depth;
      if (k >= 0 && step[i] < 0) step[i] = k;
      return { id: known, fresh: false };
    }
    const id = String(states.length);
    ids.set(key, id);
    states.push(state);
    layer.push(depth);
    step.push(k);
    return { id, fresh: true };
  };
  const stepNodes = trace.steps.map((s, k) => add(s.state, k, k).id);
  const distance = new Map<string, number>(stepNodes.map((id) => [id, 0]));
  let frontier = [...new Set(stepNodes)];
  const edges: ViewerEdge[] = [];
  const traceEdge = new Set(stepNodes.slice(1).map((id, k) => `${stepNodes[k]}>${id}>${trace.path[k]}`));
  const expanded = new Set<string>();
  const actions: unknown[] = [];
  for (let d = 0; d <= radius && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      if (expanded.has(id)) continue;
      expanded.add(id);
      const state = states[Number(id)];
      actions.length = 0;
      model.actions(state, actions);
      actions.forEach((action, index) => {
        const successor = model.next(state, action);
        if (successor === undefined || (model.withinBoundary !== undefined && !model.withinBoundary(successor))) return;
        // At the rim (distance = radius) only edges back into the set are kept.
        const key = keyOf(successor);
        if (d === radius && !ids.has(key)) return;
        if (d < radius && !ids.has(key) && states.length >= maxNodes) return;
        const target = add(successor, layer[Number(id)] + 1, -1);
        edges.push({ source: id, target: target.id, action: label(model, action, state), actor: model.actor?.(action, state), onTrace: traceEdge.has(`${id}>${target.id}>${index}`) });
        if (!distance.has(target.id)) {
          distance.set(target.id, d + 1);
          next.push(target.id);
        }
      });
    }
    frontier = next;
  }
  const raw = states.map((state, i) => {
    const violates = violations(model, state);
    return { id: String(i), layer: layer[i], status: violates.length > 0 ? ('violation' as const) : ('ok' as const), violates, initial: step[i] === 0, fields: view(state), step: step[i] };
  });
  return finish(raw, edges, verdict, stepNodes, context, radius);
}
