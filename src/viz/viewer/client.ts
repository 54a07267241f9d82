/// <reference lib="dom" />
/**
 * The state-graph viewer's browser code. esbuild bundles it with graphology and sigma into
 * the one HTML file at generation time (`bundle.ts`); nothing is fetched at view time.
 * It reads the page's embedded JSON (`ViewerData`), shows a notice instead of drawing when
 * the graph is above its render limit, and otherwise draws it with sigma (WebGL).
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { ViewerData, ViewerEdge, ViewerNode } from '../graphData.ts';
import { flatten, matches, neighbourhoodOf } from './query.ts';

const COLOUR = { ok: '#5b7db1', initial: '#2ca02c', violation: '#d62728', trace: '#f28e2b', edge: '#c5cad3', match: '#9b30d9' };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function main(): void {
  const data = JSON.parse($('splitvote-data').textContent ?? '{}') as ViewerData;
  $('title').textContent = data.title;
  $('subtitle').textContent = data.subtitle;
  showTrace(data);
  if (data.nodes.length > data.renderLimit) showNotice(data);
  else draw(data, data.nodes, data.edges, false);
}

function showNotice(data: ViewerData): void {
  const notice = $('notice');
  notice.hidden = false;
  $('notice-text').textContent = `This state graph has ${data.nodes.length.toLocaleString('en')} states and ${data.edges.length.toLocaleString('en')} transitions, more than the ${data.renderLimit.toLocaleString('en')} this page draws at once without freezing the tab.`;
  const radius = $<HTMLInputElement>('notice-radius');
  const around = $<HTMLButtonElement>('notice-around');
  around.disabled = data.trace === undefined;
  if (data.trace === undefined) $('notice-hint').textContent = 'There is no counterexample to centre on; regenerate with `splitvote viz graph --max-depth N` for a smaller graph.';
  around.onclick = () => {
    const keep = neighbourhoodOf(data, Number(radius.value));
    notice.hidden = true;
    draw(data, data.nodes.filter((n) => keep.has(n.id)), data.edges.filter((e) => keep.has(e.source) && keep.has(e.target)), true);
  };
  $('notice-all').onclick = () => {
    notice.hidden = true;
    draw(data, data.nodes, data.edges, false);
  };
}

function draw(data: ViewerData, nodes: readonly ViewerNode[], edges: readonly ViewerEdge[], subset: boolean): void {
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const big = nodes.length > 2000;
  for (const n of nodes) {
    const colour = n.status === 'violation' ? COLOUR.violation : n.step >= 0 ? COLOUR.trace : n.initial ? COLOUR.initial : COLOUR.ok;
    const label = n.step >= 0 ? `step ${n.step}` : `#${n.id}`;
    graph.addNode(n.id, { x: n.x, y: n.y, size: n.step >= 0 ? 7 : big ? 2.5 : 4, color: colour, label, forceLabel: n.step >= 0, zIndex: n.step >= 0 ? 2 : 1 });
  }
  edges.forEach((e, i) =>
    graph.addDirectedEdgeWithKey(String(i), e.source, e.target, { size: e.onTrace ? 3 : 0.6, color: e.onTrace ? COLOUR.trace : COLOUR.edge, zIndex: e.onTrace ? 2 : 0, type: big ? 'line' : 'arrow' }),
  );
  const counts = $('counts');
  counts.dataset.nodes = String(graph.order);
  counts.dataset.edges = String(graph.size);
  counts.dataset.highlighted = String(nodes.filter((n) => n.step >= 0).length);
  const of = subset || data.around !== undefined ? ` of ${data.explored.states.toLocaleString('en')} explored` : '';
  counts.textContent = `${graph.order.toLocaleString('en')} states · ${graph.size.toLocaleString('en')} transitions${of}${data.explored.complete ? '' : ' (search stopped early)'}`;

  let selected: string | undefined;
  let found = new Set<string>();
  const renderer = new Sigma(graph, $('graph'), {
    zIndex: true,
    defaultEdgeType: 'arrow',
    labelRenderedSizeThreshold: 6,
    nodeReducer: (node, attrs) => {
      if (node === selected) return { ...attrs, highlighted: true, size: (attrs.size as number) * 1.6, forceLabel: true };
      if (found.has(node)) return { ...attrs, color: COLOUR.match, size: (attrs.size as number) * 1.5, forceLabel: true, zIndex: 3 };
      return attrs;
    },
  });
  const select = (id: string | undefined, focus: boolean): void => {
    selected = id;
    renderer.refresh();
    const node = id === undefined ? undefined : byId.get(id);
    showDetails(node, edges, graph, select);
    if (node !== undefined && focus) {
      const display = renderer.getNodeDisplayData(node.id);
      if (display !== undefined) void renderer.getCamera().animate({ x: display.x, y: display.y }, { duration: 300 });
    }
  };
  renderer.on('clickNode', ({ node }) => select(node, false));
  renderer.on('clickStage', () => select(undefined, false));
  document.querySelectorAll<HTMLElement>('[data-step-node]').forEach((el) => {
    el.onclick = () => byId.has(el.dataset.stepNode!) && select(el.dataset.stepNode!, true);
  });
  const search = $<HTMLInputElement>('search');
  search.onkeydown = (event) => {
    if (event.key !== 'Enter') return;
    const query = search.value.trim();
    found = new Set(query === '' ? [] : nodes.filter((n) => matches(n, query)).map((n) => n.id));
    $('search-result').textContent = query === '' ? '' : `${found.size} state${found.size === 1 ? '' : 's'} match`;
    const first = nodes.find((n) => found.has(n.id));
    select(first?.id, true);
  };
  // For tests and the console: where a node is drawn, in page pixels.
  (window as unknown as { splitvoteViewer: unknown }).splitvoteViewer = {
    graph,
    renderer,
    select: (id: string) => select(id, true),
    pagePosition: (id: string) => {
      const display = renderer.getNodeDisplayData(id);
      if (display === undefined) return undefined;
      const point = renderer.framedGraphToViewport(display);
      const box = $('graph').getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
  };
  document.body.dataset.ready = 'true';
}

function showTrace(data: ViewerData): void {
  const list = $('trace');
  if (data.trace === undefined) {
    list.innerHTML = '<p class="muted">No counterexample or witness to highlight.</p>';
    return;
  }
  const heading = document.createElement('h3');
  heading.textContent = `${data.trace.status === 'violated' ? 'Counterexample to' : 'Witness of'} "${data.trace.property}"`;
  const ol = document.createElement('ol');
  ol.start = 0;
  data.trace.steps.forEach((step) => {
    const li = document.createElement('li');
    li.textContent = step.label;
    li.dataset.stepNode = step.node;
    li.className = 'step';
    ol.appendChild(li);
  });
  list.replaceChildren(heading, ol);
}

function showDetails(node: ViewerNode | undefined, edges: readonly ViewerEdge[], graph: MultiDirectedGraph, select: (id: string, focus: boolean) => void): void {
  const panel = $('details');
  if (node === undefined) {
    panel.innerHTML = '<p class="muted">Click a state to see its fields.</p>';
    return;
  }
  const head = document.createElement('h3');
  head.textContent = `State #${node.id}${node.step >= 0 ? ` (trace step ${node.step})` : ''}`;
  const facts = document.createElement('p');
  facts.textContent = `layer ${node.layer}${node.initial ? ' · initial' : ''} · ${node.status === 'violation' ? `violates ${node.violates.join(', ')}` : 'no invariant violated'}`;
  facts.className = node.status === 'violation' ? 'bad' : 'muted';
  const table = document.createElement('table');
  table.id = 'fields';
  for (const [path, value] of flatten(node.fields)) {
    const row = table.insertRow();
    row.insertCell().textContent = path;
    row.insertCell().textContent = value;
  }
  const out = document.createElement('ul');
  graph.forEachOutEdge(node.id, (edge, _attrs, _source, target) => {
    const li = document.createElement('li');
    li.textContent = `${edges[Number(edge)].action} → #${target}`;
    li.className = 'step';
    li.onclick = () => select(target, true);
    out.appendChild(li);
  });
  const outHead = document.createElement('h4');
  outHead.textContent = `${out.children.length} successor transition${out.children.length === 1 ? '' : 's'}`;
  panel.replaceChildren(head, facts, table, outHead, out);
}

main();
