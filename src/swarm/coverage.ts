import type { AnyModel } from '../core/model.ts';
import type { StateGraph } from '../graph/stateGraph.ts';
import { eventText } from '../viz/chart.ts';
import { collectCoverage, relativeId } from '../viz/coverage.ts';
import type { SwarmCoverage, SwarmMachineCoverage } from './types.ts';

/**
 * The statechart coverage of one job as plain data (src/viz/coverage.ts computes it from
 * the job's recorded graph after the search), with the totals and guard texts the merge
 * prints, so the merge needs no model. `undefined` when the model is not an actor system
 * or the job's states were too many to keep.
 */
export function swarmCoverage<TState, TAction>(model: AnyModel, graph: StateGraph<TState, TAction>, complete: boolean): SwarmCoverage | undefined {
  const coverage = collectCoverage(model, graph, complete);
  if (coverage === undefined) return undefined;
  const machines = coverage.machines.map((m): SwarmMachineCoverage => {
    const root = m.compiled.machine.root.id;
    const all = new Set(m.compiled.activeIds.flat().filter((id) => id !== root));
    return {
      name: m.name,
      states: [...all].filter((id) => m.states.has(id)).sort(),
      transitions: [...m.transitions].sort((a, b) => a - b),
      allStates: all.size,
      allTransitions: m.compiled.transitions.length,
      guarded: m.compiled.transitions.filter((t) => t.guard !== undefined).map((t) => ({ id: t.id, text: `${relativeId(t.source, root)} ${eventText(t, m.compiled)} [${t.guard}]` })),
    };
  });
  return { complete: coverage.complete, machines };
}

/** The union of several jobs' coverage, machine by machine (by name). Pure. */
export function unionCoverage(parts: readonly SwarmCoverage[]): SwarmCoverage | undefined {
  if (parts.length === 0) return undefined;
  const byName = new Map<string, { first: SwarmMachineCoverage; states: Set<string>; transitions: Set<number> }>();
  for (const part of parts) {
    for (const m of part.machines) {
      const entry = byName.get(m.name) ?? { first: m, states: new Set<string>(), transitions: new Set<number>() };
      m.states.forEach((s) => entry.states.add(s));
      m.transitions.forEach((t) => entry.transitions.add(t));
      byName.set(m.name, entry);
    }
  }
  const machines = [...byName.values()].map(({ first, states, transitions }) => ({ ...first, states: [...states].sort(), transitions: [...transitions].sort((a, b) => a - b) }));
  return { complete: parts.every((p) => p.complete), machines };
}

/** Coverage lines: per machine covered/total states, transitions and guards, then guarded transitions that never fired (at most `maxListed`). Pure. */
export function formatSwarmCoverage(coverage: SwarmCoverage, maxListed = 5): string[] {
  const width = Math.max(...coverage.machines.map((m) => m.name.length));
  const lines: string[] = [];
  const unfired: string[] = [];
  for (const m of coverage.machines) {
    const fired = new Set(m.transitions);
    const guardsFired = m.guarded.filter((g) => fired.has(g.id)).length;
    lines.push(`  ${m.name.padEnd(width)}  ${m.states.length}/${m.allStates} states  ${m.transitions.length}/${m.allTransitions} transitions  ${guardsFired}/${m.guarded.length} guards fired`);
    const who = coverage.machines.length === 1 ? '' : `${m.name}: `;
    for (const g of m.guarded) if (!fired.has(g.id)) unfired.push(`${who}${g.text}`);
  }
  if (unfired.length > 0) {
    lines.push(`  never fired (${unfired.length} guarded transition${unfired.length === 1 ? '' : 's'}):`);
    for (const text of unfired.slice(0, maxListed)) lines.push(`    ${text}`);
    if (unfired.length > maxListed) lines.push(`    and ${unfired.length - maxListed} more`);
  }
  return lines;
}
