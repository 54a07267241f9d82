/** What the layout needs of a node and an edge. */
interface LayoutNode {
  readonly id: string;
  readonly layer: number;
  /** Trace step, or -1: trace states are kept in the middle of their layer, as a spine. */
  readonly step: number;
}
interface LayoutEdge {
  readonly source: string;
  readonly target: string;
}

/**
 * A layered layout (a readable alternative to a force-directed hairball): one row per
 * layer (BFS depth), rows top to bottom; within a row, nodes sorted by the mean position of
 * their predecessors in earlier rows (the barycenter heuristic, one sweep), ties by id,
 * then the trace's state of that row moved to the middle so the highlighted path runs
 * straight down. Rows are centred; the row gap grows with the widest row so the picture
 * keeps a readable aspect ratio. Coordinates are sigma's (y grows upwards). Pure and
 * deterministic.
 */
export function layered(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, { x: number; y: number }> {
  const rows = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    const row = rows.get(node.layer) ?? [];
    row.push(node);
    rows.set(node.layer, row);
  }
  const layerOf = new Map(nodes.map((n) => [n.id, n.layer]));
  const predecessors = new Map<string, string[]>();
  for (const e of edges) {
    if ((layerOf.get(e.source) ?? 0) >= (layerOf.get(e.target) ?? 0)) continue;
    const list = predecessors.get(e.target) ?? [];
    list.push(e.source);
    predecessors.set(e.target, list);
  }
  const layers = [...rows.keys()].sort((a, b) => a - b);
  const widest = Math.max(1, ...[...rows.values()].map((r) => r.length));
  const gap = Math.max(1, (widest / Math.max(1, layers.length)) * 0.6);
  const x = new Map<string, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const layer of layers) {
    const row = rows.get(layer)!;
    const score = (n: LayoutNode): number => {
      const xs = (predecessors.get(n.id) ?? []).map((p) => x.get(p)).filter((v): v is number => v !== undefined);
      return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const scored = row.map((n) => ({ n, s: score(n) }));
    scored.sort((a, b) => a.s - b.s || compareIds(a.n.id, b.n.id));
    const ordered = scored.map((e) => e.n);
    const spine = ordered.findIndex((n) => n.step >= 0);
    if (spine >= 0) {
      const [node] = ordered.splice(spine, 1);
      ordered.splice(Math.floor(ordered.length / 2), 0, node);
    }
    ordered.forEach((n, i) => {
      const px = i - (ordered.length - 1) / 2;
      x.set(n.id, px);
      out.set(n.id, { x: px, y: -layer * gap });
    });
  }
  return out;
}

// Numeric ids (ordinals) in numeric order, others as text.
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isNaN(na) || Number.isNaN(nb) ? (a < b ? -1 : a > b ? 1 : 0) : na - nb;
}
