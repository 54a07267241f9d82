import type { ViewerData, ViewerNode } from '../graphData.ts';

/**
 * A state's fields as `[path, value]` rows: nested objects and arrays become dotted paths
 * (`actors.R3.cur`, `channels.2.0.type`), leaves are printed as JSON (strings unquoted).
 * Pure; runs in the browser and in Node.
 */
export function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [[prefix === '' ? '(empty)' : prefix, Array.isArray(value) ? '[]' : '{}']];
    return entries.flatMap(([key, v]) => flatten(v, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [[prefix === '' ? '(value)' : prefix, typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined']];
}

/**
 * True when a state matches a search query. `field=value` matches a field whose path is
 * `field` or ends with `.field` and whose value is exactly `value` (`cur=5`,
 * `R3.cur=5`); any other text matches when some `path: value` row contains it, ignoring
 * case. The state's id (`#12`) matches too. Pure.
 */
export function matches(node: ViewerNode, query: string): boolean {
  if (query === `#${node.id}`) return true;
  const rows = flatten(node.fields);
  const eq = query.indexOf('=');
  if (eq > 0) {
    const field = query.slice(0, eq).trim();
    const value = query.slice(eq + 1).trim();
    return rows.some(([path, v]) => (path === field || path.endsWith(`.${field}`)) && v === value);
  }
  const needle = query.toLowerCase();
  return rows.some(([path, v]) => `${path}: ${v}`.toLowerCase().includes(needle));
}

/**
 * Ids of the states within `radius` steps (either direction) of the highlighted trace, in
 * the page's data: what the viewer offers instead of drawing a graph above its limit.
 * Every node when there is no trace. Pure.
 */
export function neighbourhoodOf(data: ViewerData, radius: number): Set<string> {
  if (data.trace === undefined) return new Set(data.nodes.map((n) => n.id));
  const near = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = near.get(a) ?? [];
    list.push(b);
    near.set(a, list);
  };
  for (const e of data.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const keep = new Set(data.trace.steps.map((s) => s.node));
  let frontier = [...keep];
  for (let d = 0; d < radius; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of near.get(id) ?? []) {
        if (!keep.has(other)) {
          keep.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return keep;
}
