import type { Chart, ChartState, ChartTransition } from './chart.ts';
import { coverageOf, relativeId } from './coverage.ts';
import type { StatechartDrawOptions } from './statechartDot.ts';
import type { MachineCoverage } from './coverage.ts';
import { escapeMermaid } from './text.ts';

const NEVER = ' (never taken)';

/**
 * The chart as Mermaid `stateDiagram-v2` text (GitHub renders it in markdown): the machine
 * root and compound states as composite states, parallel regions separated by `--`, `[*]`
 * arrows for initial states and from final states, transitions with a target as arrows
 * labelled `EVENT [guard] / actions`, targetless (internal) transitions and entry/exit
 * actions as a note beside their state. A transition from a composite state to one of its
 * own descendants starts at an "any state" pseudo-state inside it (Mermaid cannot draw an
 * arrow from a composite into itself). With coverage, never-active states get the class
 * `untaken` (grey, dashed) and never-taken transitions end with "(never taken)". State ids
 * are the state keys, or their dotted path with `_` where keys repeat (across every chart
 * drawn). Several charts (every machine of a model) are top-level composites of one
 * diagram. Pure and deterministic.
 */
export function statechartToMermaid(charts: readonly Chart[], options: StatechartDrawOptions = {}): string {
  const keyCount = new Map<string, number>();
  const count = (s: ChartState): void => {
    keyCount.set(s.key, (keyCount.get(s.key) ?? 0) + 1);
    s.children.forEach(count);
  };
  charts.forEach((c) => count(c.root));
  const lines = ['stateDiagram-v2'];
  const names = charts.map((c) => `${c.name}${c.focus === undefined ? '' : `, state ${c.focus}`}`).join('; ');
  lines.push(`  %% statechart${charts.length === 1 ? '' : 's'} ${names}${options.caption === undefined ? '' : `: ${options.caption}`}`);
  const edgeLines: string[] = [];
  charts.forEach((chart, i) => {
    const prefix = charts.length === 1 ? '' : `m${i}_`;
    const idOf = (s: ChartState): string => (keyCount.get(s.key) === 1 && /^[A-Za-z][A-Za-z0-9_]*$/.test(s.key) ? s.key : prefix + s.id.replace(/[^A-Za-z0-9_]/g, '_'));
    const coverage = options.coverage === undefined ? undefined : coverageOf(options.coverage, chart.compiled);
    drawChart(chart, idOf, coverage, prefix, lines, edgeLines);
  });
  // Transitions and outside stubs go after every block, at the top level: Mermaid puts a
  // state in the last composite block that mentions it, and the top level moves nothing.
  if (options.coverage !== undefined) lines.push('  classDef untaken stroke-dasharray:4 3,stroke:#9a9a9a,color:#9a9a9a');
  lines.push(...edgeLines);
  return lines.join('\n') + '\n';
}

function drawChart(chart: Chart, idFor: (s: ChartState) => string, coverage: MachineCoverage | undefined, prefix: string, lines: string[], edgeLines: string[]): void {
  const all: ChartState[] = [];
  const parentOf = new Map<string, ChartState>();
  const index = (s: ChartState): void => {
    all.push(s);
    for (const c of s.children) {
      parentOf.set(c.id, s);
      index(c);
    }
  };
  index(chart.root);
  const idOf = new Map(all.map((s) => [s.id, idFor(s)]));
  const isAncestor = (ancestor: string, id: string): boolean => {
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at.id)) if (at.id === ancestor) return true;
    return false;
  };
  const taken = (t: ChartTransition): boolean => coverage === undefined || coverage.transitions.has(t.id);
  const label = (t: ChartTransition): string => escapeMermaid(t.label + (taken(t) ? '' : NEVER));
  const machineRoot = chart.compiled.machine.root.id;
  const outside = new Map<string, string>();
  const draw = (s: ChartState, indent: string): void => {
    const id = idOf.get(s.id)!;
    if (s.children.length === 0) {
      lines.push(`${indent}state "${escapeMermaid(s.key)}" as ${id}`);
      if (s.type === 'final') lines.push(`${indent}${id} --> [*]`);
    } else {
      lines.push(`${indent}state "${escapeMermaid(s.id === machineRoot ? chart.name : s.key)}" as ${id} {`);
      const inner = `${indent}  `;
      if (s.initial !== undefined) lines.push(`${inner}[*] --> ${idOf.get(s.initial)}`);
      if (s.transitions.some((t) => t.targets.some((g) => isAncestor(s.id, g)))) lines.push(`${inner}state "any state" as ${id}_any`);
      s.children.forEach((c, i) => {
        if (s.type === 'parallel' && i > 0) lines.push(`${inner}--`);
        draw(c, inner);
      });
      lines.push(`${indent}}`);
    }
    const notes = [...s.entry.map((a) => `entry / ${a}`), ...s.exit.map((a) => `exit / ${a}`), ...s.transitions.filter((t) => t.targets.length === 0).map((t) => t.label + (taken(t) ? '' : NEVER))];
    if (notes.length > 0) lines.push(`${indent}note right of ${id}`, ...notes.map((n) => `${indent}  ${escapeMermaid(n)}`), `${indent}end note`);
    for (const t of s.transitions) {
      for (const target of t.targets) {
        let head = idOf.get(target);
        if (head === undefined) {
          head = outside.get(target) ?? `${prefix}outside_${outside.size}`;
          if (!outside.has(target)) edgeLines.push(`  state "→ ${escapeMermaid(relativeId(target, machineRoot))}" as ${head}`);
          outside.set(target, head);
        }
        const tail = isAncestor(s.id, target) ? `${id}_any` : id;
        edgeLines.push(`  ${tail} --> ${head} : ${label(t)}`);
      }
    }
  };
  draw(chart.root, '  ');
  if (coverage !== undefined) {
    const unvisited = all.filter((s) => !coverage.states.has(s.id) && s.children.length === 0).map((s) => idOf.get(s.id)!);
    if (unvisited.length > 0) edgeLines.push(`  class ${unvisited.join(',')} untaken`);
  }
}
