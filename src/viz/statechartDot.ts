import type { Chart, ChartState, ChartTransition } from './chart.ts';
import { coverageOf, relativeId, type Coverage, type MachineCoverage } from './coverage.ts';
import { escapeDot, escapeXml } from './text.ts';

/** Options of {@link statechartToDot}. */
export interface StatechartDrawOptions {
  /** Draw what this exploration never took grey and dashed. */
  readonly coverage?: Coverage;
  /** A line under the title (for example which exploration the coverage comes from). */
  readonly caption?: string;
}

const GREY = '#9a9a9a';
const FONT = 'Helvetica';

/**
 * The chart in Graphviz DOT, UML style: atomic states as rounded boxes listing their entry
 * and exit actions and their targetless (internal) transitions as `EVENT [guard] / actions`;
 * compound and parallel states as clusters (parallel regions dashed), each with a filled
 * dot pointing at its initial state; final states with a double border; transitions with a
 * target as edges. A transition declared on a compound state that targets one of its own
 * descendants starts at an "any state" marker inside it. For a focused subtree, targets
 * outside it are dashed boxes `→ path`, and the ancestors' transitions are listed in the
 * caption. With coverage, states never active and transitions never taken are grey and
 * dashed (internal transitions grey italic). Several charts (every machine of a model) are
 * drawn side by side in one graph. Pure and deterministic.
 */
export function statechartToDot(charts: readonly Chart[], options: StatechartDrawOptions = {}): string {
  const name = charts.map((c) => (c.focus === undefined ? c.name : `${c.name} ${c.focus}`)).join(', ');
  const lines: string[] = [
    `digraph "${escapeDot(name)}" {`,
    `  graph [compound=true, rankdir=TB, fontname="${FONT}", fontsize=12, nodesep=0.35, ranksep=0.45, labelloc=t, label=<${titleLabel(charts, options.caption)}>];`,
    `  node [fontname="${FONT}", fontsize=10, shape=box, style=rounded, margin="0.12,0.06"];`,
    `  edge [fontname="${FONT}", fontsize=9, arrowsize=0.7];`,
  ];
  charts.forEach((chart, i) => lines.push(...drawChart(chart, charts.length === 1 ? '' : `m${i}_`, options.coverage === undefined ? undefined : coverageOf(options.coverage, chart.compiled))));
  lines.push('}');
  return lines.join('\n') + '\n';
}

function drawChart(chart: Chart, p: string, coverage: MachineCoverage | undefined): string[] {
  const ids = new Map<string, number>();
  chart.stateIds.forEach((id, i) => ids.set(id, i));
  const states = new Map<string, ChartState>();
  const parentOf = new Map<string, string>();
  const index = (s: ChartState): void => {
    states.set(s.id, s);
    for (const c of s.children) {
      parentOf.set(c.id, s.id);
      index(c);
    }
  };
  index(chart.root);
  const machineRoot = chart.compiled.machine.root.id;
  const visited = (id: string): boolean => coverage === undefined || coverage.states.has(id);
  const taken = (t: ChartTransition): boolean => coverage === undefined || coverage.transitions.has(t.id);
  const isCluster = (s: ChartState): boolean => s.children.length > 0;
  const isAncestor = (ancestor: string, id: string): boolean => {
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) if (at === ancestor) return true;
    return false;
  };
  // Clusters need an anchor node for edges; it is drawn as "any state" only when a
  // transition of the cluster targets one of its own descendants.
  const anyMarker = new Set(chart.transitions.filter((t) => t.targets.some((g) => isAncestor(t.source, g))).map((t) => t.source));
  const nodeOf = (id: string): string => (isCluster(states.get(id)!) ? `${p}a${ids.get(id)}` : `${p}s${ids.get(id)}`);
  const cluster = (id: string): string => `cluster_${p}${ids.get(id)}`;
  const lines: string[] = [];
  const drawState = (s: ChartState, indent: string): void => {
    const n = ids.get(s.id)!;
    const dim = !visited(s.id);
    const rows = stateRows(s, s.id === machineRoot ? chart.name : s.key, taken);
    if (!isCluster(s)) {
      const style = [`label=<${rows}>`];
      if (s.type === 'final') style.push('peripheries=2');
      if (dim) style.push(`style="rounded,dashed"`, `color="${GREY}"`, `fontcolor="${GREY}"`);
      lines.push(`${indent}${p}s${n} [${style.join(', ')}];`);
      return;
    }
    const parent = parentOf.get(s.id);
    const region = parent !== undefined && states.get(parent)!.type === 'parallel';
    lines.push(`${indent}subgraph ${cluster(s.id)} {`);
    const style = region ? 'rounded,dashed' : dim ? 'rounded,dashed' : 'rounded';
    lines.push(`${indent}  label=<${rows}>; labeljust=l; style="${style}";${dim ? ` color="${GREY}"; fontcolor="${GREY}";` : ''}`);
    lines.push(anyMarker.has(s.id) ? `${indent}  ${p}a${n} [shape=plain, label=<<I>any state</I>>, fontsize=9, fontcolor="${GREY}"];` : `${indent}  ${p}a${n} [shape=point, style=invis, width=0.01, height=0.01, label=""];`);
    if (s.initial !== undefined) {
      lines.push(`${indent}  ${p}i${n} [shape=point, width=0.11, height=0.11, style=filled, fillcolor=black, label=""];`);
      const head = nodeOf(s.initial);
      const lhead = isCluster(states.get(s.initial)!) ? `lhead=${cluster(s.initial)}, ` : '';
      lines.push(`${indent}  ${p}i${n} -> ${head} [${lhead}arrowsize=0.6];`);
    }
    for (const c of s.children) drawState(c, `${indent}  `);
    lines.push(`${indent}}`);
  };
  drawState(chart.root, '  ');

  // Transitions joining the same two boxes become one edge with one label row each: ten
  // "any state -> idle" arrows side by side are unreadable, ten rows under one arrow are not.
  const outside = new Map<string, string>();
  const edges = new Map<string, { tail: string; head: string; attrs: string[]; transitions: ChartTransition[] }>();
  for (const t of chart.transitions) {
    for (const target of t.targets) {
      let head: string;
      const attrs: string[] = [];
      if (!states.has(target)) {
        // A target outside the focused subtree: one dashed stub box per target.
        if (!outside.has(target)) {
          outside.set(target, `${p}x${outside.size}`);
          lines.push(`  ${outside.get(target)} [label="→ ${escapeDot(relativeId(target, machineRoot))}", style="rounded,dashed", color="${GREY}", fontcolor="#555555"];`);
        }
        head = outside.get(target)!;
      } else {
        head = nodeOf(target);
        if (isCluster(states.get(target)!) && target !== t.source && !isAncestor(target, t.source)) attrs.push(`lhead=${cluster(target)}`);
      }
      const tail = nodeOf(t.source);
      if (isCluster(states.get(t.source)!) && !isAncestor(t.source, target) && target !== t.source) attrs.push(`ltail=${cluster(t.source)}`);
      const key = `${tail} ${head} ${attrs.join(' ')}`;
      const edge = edges.get(key) ?? { tail, head, attrs, transitions: [] };
      edge.transitions.push(t);
      edges.set(key, edge);
    }
  }
  for (const { tail, head, attrs, transitions } of edges.values()) {
    const rows = transitions.map((t) => labelRow(t, taken(t)));
    attrs.push(`label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">${rows.join('')}</TABLE>>`);
    if (!transitions.some(taken)) attrs.push('style=dashed', `color="${GREY}"`, `fontcolor="${GREY}"`);
    lines.push(`  ${tail} -> ${head} [${attrs.join(', ')}];`);
  }
  return lines;
}

function titleLabel(charts: readonly Chart[], caption: string | undefined): string {
  const names = charts.map((c) => `${escapeXml(c.name)}${c.focus === undefined ? '' : `, state ${escapeXml(c.focus)}`}`);
  const rows = [`<B>statechart${charts.length === 1 ? '' : 's'} ${names.join('; ')}</B>`];
  for (const chart of charts) {
    if (chart.inherited.length === 0) continue;
    const events = [...new Set(chart.inherited.map((t) => t.event))];
    rows.push(`<FONT POINT-SIZE="9">${charts.length === 1 ? '' : `${escapeXml(chart.name)} `}also handles, from its ancestors: ${escapeXml(events.join(', '))}</FONT>`);
  }
  if (caption !== undefined) rows.push(`<FONT POINT-SIZE="9">${escapeXml(caption)}</FONT>`);
  return rows.join('<BR/>');
}

/** `EVENT [guard] / actions` as label markup, grey italic when the transition was never taken. */
function transitionText(t: ChartTransition, taken: boolean): string {
  const text = escapeXml(t.label);
  return taken ? text : `<FONT COLOR="${GREY}"><I>${text}</I></FONT>`;
}

function labelRow(t: ChartTransition, taken: boolean): string {
  return `<TR><TD ALIGN="LEFT">${transitionText(t, taken)}</TD></TR>`;
}

/** An HTML-like label: the state name in bold, entry/exit actions, then its internal transitions. */
function stateRows(s: ChartState, title: string, taken: (t: ChartTransition) => boolean): string {
  const rows = [`<TR><TD ALIGN="LEFT"><B>${escapeXml(title)}</B></TD></TR>`];
  const small = (text: string): string => `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">${text}</FONT></TD></TR>`;
  if (s.entry.length > 0) rows.push(small(`entry / ${escapeXml(s.entry.join(', '))}`));
  if (s.exit.length > 0) rows.push(small(`exit / ${escapeXml(s.exit.join(', '))}`));
  for (const t of s.transitions) {
    if (t.targets.length === 0) rows.push(small(transitionText(t, taken(t))));
  }
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join('')}</TABLE>`;
}
