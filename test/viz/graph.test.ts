import { describe, expect, test } from 'vitest';
import { explore } from '../../src/index.ts';
import { createTwoPhaseCommitModel } from '../../models/two-phase-commit/index.ts';
import { graphViewerData, highlightedVerdict, type ViewerContext, type ViewerData } from '../../src/viz/graphData.ts';
import { graphToDot } from '../../src/viz/graphDot.ts';
import { layered } from '../../src/viz/layout.ts';
import { neighbourhoodViewerData } from '../../src/viz/neighbourhood.ts';
import { dotToSvg } from '../../src/viz/svg.ts';
import { flatten, matches, neighbourhoodOf } from '../../src/viz/viewer/query.ts';
import { viewerHtml } from '../../src/viz/viewer/page.ts';
import { catalog } from '../fixtures/catalog.ts';
import { checkXml } from './xml.ts';

const model = createTwoPhaseCommitModel({ rms: 2 });
const result = explore(model);
const context: ViewerContext = { title: '2PC', subtitle: 'rm2', explored: { states: result.stats.states, transitions: result.stats.transitions, complete: true }, renderLimit: 2000 };
const verdict = highlightedVerdict(result.properties)!;
const data = graphViewerData(result.graph!, verdict, context);

describe('state-graph viewer data', () => {
  test('holds every explored state and transition', () => {
    expect(data.nodes).toHaveLength(result.stats.states);
    expect(data.edges).toHaveLength(result.stats.transitions);
    expect(data.nodes.filter((n) => n.initial).map((n) => n.id)).toEqual(['0']);
  });

  test('highlights a witness when nothing is violated, and a counterexample first otherwise', () => {
    expect(verdict.name).toBe('a transaction commits');
    const jugs = catalog.find((e) => e.name === 'jugs')!.create({ preset: 'die-hard', variants: [] });
    expect(highlightedVerdict(explore(jugs).properties)!.status).toBe('violated');
    expect(highlightedVerdict(result.properties, 'a transaction aborts')!.name).toBe('a transaction aborts');
  });

  test('locates the trace in the graph: its states in order, joined by its transitions', () => {
    const steps = data.trace!.steps;
    expect(steps).toHaveLength(verdict.trace!.steps.length);
    expect(steps.map((s) => s.label)).toEqual(verdict.trace!.steps.map((s) => s.label));
    for (let k = 1; k < steps.length; k++) {
      expect(data.edges.some((e) => e.onTrace && e.source === steps[k - 1].node && e.target === steps[k].node)).toBe(true);
    }
    expect(data.edges.filter((e) => e.onTrace)).toHaveLength(steps.length - 1);
    expect(steps.map((s) => data.nodes.find((n) => n.id === s.node)!.step)).toEqual(steps.map((_, k) => k));
  });

  test('lays states out in rows by BFS depth, the trace straight down the middle', () => {
    for (const node of data.nodes) expect(node.layer).toBe(result.graph!.toGraphology().getNodeAttribute(node.id, 'depth'));
    const ys = new Map(data.nodes.map((n) => [n.layer, n.y]));
    for (const node of data.nodes) expect(node.y).toBe(ys.get(node.layer));
    expect([...ys.entries()].sort((a, b) => a[0] - b[0]).every(([, y], i, all) => i === 0 || y < all[i - 1][1])).toBe(true);
    for (const s of data.trace!.steps) expect(Math.abs(data.nodes.find((n) => n.id === s.node)!.x)).toBeLessThanOrEqual(0.5);
    expect(layered(data.nodes, data.edges)).toEqual(layered(data.nodes, data.edges));
  });

  test('the neighbourhood of a trace holds its states and their successors within k steps', () => {
    const zero = neighbourhoodViewerData(model, verdict, 0, context);
    expect(new Set(zero.nodes.map((n) => n.id)).size).toBe(verdict.trace!.steps.length);
    const two = neighbourhoodViewerData(model, verdict, 2, context);
    expect(two.nodes.length).toBeGreaterThan(zero.nodes.length);
    expect(two.nodes.length).toBeLessThan(result.stats.states);
    expect(two.around).toBe(2);
    const ids = new Set(two.nodes.map((n) => n.id));
    for (const e of two.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(two.edges.filter((e) => e.onTrace)).toHaveLength(verdict.trace!.steps.length - 1);
    expect(neighbourhoodViewerData(model, verdict, 50, context).nodes).toHaveLength(result.stats.states);
  });

  test('search matches field=value, a path suffix, any text, or #id', () => {
    const first = data.nodes[0];
    expect(flatten(first.fields)).toContainEqual(['TM.state', 'collecting']);
    expect(flatten({ a: [], b: { c: null } })).toEqual([['a', '[]'], ['b.c', 'null']]);
    expect(matches(first, 'TM.state=collecting')).toBe(true);
    expect(matches(first, 'state=collecting')).toBe(true);
    expect(matches(first, 'state=collect')).toBe(false);
    expect(matches(first, 'WORKING')).toBe(true);
    expect(matches(first, '#0')).toBe(true);
    expect(data.nodes.filter((n) => matches(n, 'TM.state=committed')).length).toBeGreaterThan(0);
  });

  test('the page\'s own neighbourhood keeps the trace and the states k steps around it, both ways', () => {
    const one = neighbourhoodOf(data, 1);
    for (const s of data.trace!.steps) expect(one.has(s.node)).toBe(true);
    expect(one.size).toBeLessThan(data.nodes.length);
    expect(neighbourhoodOf({ ...data, trace: undefined }, 1).size).toBe(data.nodes.length);
  });

  test('the DOT drawing ranks states by depth and renders to valid SVG', async () => {
    const dot = graphToDot(data);
    expect(dot.match(/\{ rank=same;/g)).toHaveLength(new Set(data.nodes.map((n) => n.layer)).size);
    expect(dot.match(/penwidth=2\.5/g)).toHaveLength(data.trace!.steps.length - 1);
    const { problems, texts } = checkXml(await dotToSvg(dot));
    expect(problems).toEqual([]);
    for (const n of data.nodes) expect(texts).toContain(n.id);
  });

  test('the viewer page is one self-contained file that nothing can break out of', async () => {
    const hostile: ViewerData = { ...data, title: 'a </script><b>', nodes: data.nodes.map((n, i) => (i === 0 ? { ...n, fields: { x: '</script><script>alert(1)</script>' } } : n)) };
    const html = await viewerHtml(hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('<title>a &lt;/script&gt;&lt;b&gt;</title>');
    expect(await viewerHtml(hostile)).toBe(html);
  });
});
