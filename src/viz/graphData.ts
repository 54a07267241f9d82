import type { AnyModel } from '../core/model.ts';
import type { PropertyVerdict, Trace } from '../core/result.ts';
import type { StateGraph } from '../graph/stateGraph.ts';
import { layered } from './layout.ts';

/** A state as the viewer shows it. */
export interface ViewerNode {
  readonly id: string;
  /** Layer of the layered layout: BFS depth (full graph) or trace step + distance (neighbourhood). */
  readonly layer: number;
  readonly status: 'ok' | 'violation';
  readonly violates: readonly string[];
  readonly initial: boolean;
  /** The state's fields (`model.view`). */
  readonly fields: unknown;
  /** The step of the highlighted trace this state is, or -1. */
  readonly step: number;
  readonly x: number;
  readonly y: number;
}

/** A transition as the viewer shows it. */
export interface ViewerEdge {
  readonly source: string;
  readonly target: string;
  readonly action: string;
  readonly actor: string | undefined;
  /** True when the highlighted trace takes this transition. */
  readonly onTrace: boolean;
}

/** Everything the viewer page embeds: data only, no code. */
export interface ViewerData {
  readonly title: string;
  readonly subtitle: string;
  readonly nodes: readonly ViewerNode[];
  readonly edges: readonly ViewerEdge[];
  /** The highlighted trace: a counterexample, else a witness. */
  readonly trace: { readonly property: string; readonly status: string; readonly steps: readonly { readonly node: string; readonly label: string }[] } | undefined;
  /** The whole exploration's size, for "showing n of N". */
  readonly explored: { readonly states: number; readonly transitions: number; readonly complete: boolean };
  /** Set when the nodes are the neighbourhood of the trace: its radius in steps. */
  readonly around: number | undefined;
  /** Above this many nodes the page shows a notice before drawing. */
  readonly renderLimit: number;
}

/** Context of {@link graphViewerData} and {@link neighbourhoodViewerData}. */
export interface ViewerContext {
  readonly title: string;
  readonly subtitle: string;
  readonly explored: ViewerData['explored'];
  readonly renderLimit: number;
}

/**
 * The verdict whose trace the viewer highlights: `property` when given (any status with a
 * trace), else the first violated property with a trace, else the first witness. Pure.
 */
export function highlightedVerdict(verdicts: readonly PropertyVerdict[], property?: string): PropertyVerdict | undefined {
  if (property !== undefined) return verdicts.find((v) => v.name === property && v.trace !== undefined);
  return verdicts.find((v) => v.status === 'violated' && v.trace !== undefined) ?? verdicts.find((v) => v.trace !== undefined);
}

/**
 * Viewer data of a whole materialised state graph: every state (layer = BFS depth, colour
 * by status) and transition, with the trace of `verdict` located in the graph by following
 * its action indices from its initial state (initial state k is the k-th initial ordinal).
 * Throws SV202 when the graph's states were not kept. Deterministic.
 */
export function graphViewerData<TState, TAction>(graph: StateGraph<TState, TAction>, verdict: PropertyVerdict | undefined, context: ViewerContext): ViewerData {
  const g = graph.toGraphology();
  const trace = verdict?.trace;
  const onTrace = new Map<string, number>();
  const traceEdges = new Set<string>();
  const stepNodes: string[] = [];
  if (trace !== undefined) {
    const inits = g.filterNodes((_, a) => a.initial);
    let at = inits[Math.min(trace.init, inits.length - 1)];
    stepNodes.push(at);
    for (const index of trace.path) {
      const edge = g.findOutEdge(at, (_e, a) => a.actionIndex === index);
      if (edge === undefined) break;
      traceEdges.add(edge);
      at = g.target(edge);
      stepNodes.push(at);
    }
    stepNodes.forEach((node, k) => onTrace.has(node) || onTrace.set(node, k));
  }
  const raw = g.mapNodes((id, a) => ({ id, layer: a.depth, status: a.status, violates: a.violates, initial: a.initial, fields: a.state, step: onTrace.get(id) ?? -1 }));
  const edges = g.mapEdges((key, a, source, target): ViewerEdge => ({ source, target, action: a.action, actor: a.actor, onTrace: traceEdges.has(key) }));
  return finish(raw, edges, verdict, trace === undefined ? undefined : stepNodes, context, undefined);
}

type RawNode = Omit<ViewerNode, 'x' | 'y'>;

/** Lays the nodes out and assembles the page data; `stepNodes` is the node of each trace step. */
export function finish(raw: readonly RawNode[], edges: readonly ViewerEdge[], verdict: PropertyVerdict | undefined, stepNodes: readonly string[] | undefined, context: ViewerContext, around: number | undefined): ViewerData {
  const positions = layered(raw, edges);
  const nodes = raw.map((n) => ({ ...n, ...positions.get(n.id)! }));
  const trace = verdict?.trace as Trace | undefined;
  return {
    title: context.title,
    subtitle: context.subtitle,
    nodes,
    edges,
    trace:
      verdict === undefined || trace === undefined || stepNodes === undefined
        ? undefined
        : { property: verdict.name, status: verdict.status, steps: stepNodes.map((node, k) => ({ node, label: trace.steps[k]?.label ?? '' })) },
    explored: context.explored,
    around,
    renderLimit: context.renderLimit,
  };
}

/** The always-properties a state violates. */
export function violations(model: AnyModel, state: unknown): string[] {
  return model.properties.filter((p) => p.kind === 'always' && !p.condition(state)).map((p) => p.name);
}
