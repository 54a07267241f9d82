import type { EventObject } from 'xstate';
import type { AnyModel } from '../core/model.ts';
import type { Exploration } from '../explore/explore.ts';
import type { StateGraph } from '../graph/stateGraph.ts';
import type { StateStore } from '../store/stateStore.ts';
import { formatCount } from '../report/formatResult.ts';
import type { CompiledMachine, SystemAction, SystemState } from '../xstate/types.ts';
import { eventText } from './chart.ts';
import { isActorSystemModel, machinesOf, type NamedMachine } from './machines.ts';

/**
 * What an exploration covered of one machine, or of several machine objects that are the
 * same statechart (same id and transitions; the failover model's primary and replica
 * machines differ only in their initial state, and a replica that wins runs the voter part).
 */
export interface MachineCoverage {
  /** The machine name, or the shared machine id when several machine objects are merged. */
  readonly name: string;
  readonly compiled: CompiledMachine;
  /** Every compiled machine merged into this entry. */
  readonly members: readonly CompiledMachine[];
  /** Ids of the state nodes active in some explored state (root included). */
  readonly states: ReadonlySet<string>;
  /** Ids of the transitions some explored step took. */
  readonly transitions: ReadonlySet<number>;
}

/** Statechart coverage of one exploration. */
export interface Coverage {
  readonly machines: readonly MachineCoverage[];
  /** False when the search stopped early: what is not covered may still be reachable. */
  readonly complete: boolean;
}

/** Covered and total counts of one machine: states (root excluded), transitions, guarded transitions. */
export interface CoverageCounts {
  readonly states: readonly [number, number];
  readonly transitions: readonly [number, number];
  readonly guards: readonly [number, number];
}

/**
 * Statechart coverage computed AFTER the search from the recorded state graph, so the
 * search loop pays nothing: every explored state marks its actors' active state nodes,
 * and every recorded edge is re-stepped once through its actor's compiled machine to read
 * the transition ids it took (`StepResult.taken`). Costs one compiled step per edge.
 * Steps that left the model's bounds are not recorded edges, so they do not count.
 *
 * Returns `undefined` when the model is not an actor system, or when the graph's states
 * were not kept (more than `graphLimit`). Pure and deterministic.
 */
export function collectCoverage<TState, TAction>(model: AnyModel, graph: StateGraph<TState, TAction>, complete: boolean): Coverage | undefined {
  if (!isActorSystemModel(model) || graph.states === undefined) return undefined;
  const states = graph.states as unknown as StateStore<SystemState<unknown>>;
  const compiled = model.compiled;
  const n = compiled.length;
  const activeOf = new Map<CompiledMachine, Set<string>>(compiled.map((c) => [c, new Set<string>()]));
  const takenOf = new Map<CompiledMachine, Set<number>>(compiled.map((c) => [c, new Set<number>()]));
  for (const machine of new Set(compiled)) {
    // Configurations are few (tens), so mark per configuration seen, not per state.
    const seen = new Uint8Array(machine.configCount);
    for (let v = 0; v < states.size; v++) {
      states.get(v).actors.forEach((a, i) => {
        if (compiled[i] === machine) seen[a.config] = 1;
      });
    }
    const active = activeOf.get(machine)!;
    seen.forEach((flag, config) => {
      if (flag === 1) for (const id of machine.activeIds[config]) active.add(id);
    });
  }
  const actions: SystemAction[] = [];
  graph.edges.forEachRun((from, first, end) => {
    const source = states.get(from);
    actions.length = 0;
    model.actions(source, actions);
    for (let e = first; e < end; e++) {
      const step = actorStep(actions[graph.edges.action(e)], source, n);
      if (step === undefined) continue;
      const snapshot = source.actors[step.actor];
      const result = compiled[step.actor].step(snapshot.config, snapshot.context, step.event);
      if (result !== undefined) for (const id of result.taken) takenOf.get(compiled[step.actor])!.add(id);
    }
  });
  const groups = new Map<string, NamedMachine[]>();
  for (const m of machinesOf(model)) {
    const key = signature(m.compiled);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const machines = [...groups.values()].map((group): MachineCoverage => {
    const members = group.map((m) => m.compiled);
    return {
      name: group.length === 1 ? group[0].name : group[0].compiled.id,
      compiled: members[0],
      members,
      states: new Set(members.flatMap((c) => [...activeOf.get(c)!])),
      transitions: new Set(members.flatMap((c) => [...takenOf.get(c)!])),
    };
  });
  return { machines, complete };
}

/** The coverage entry of a compiled machine (the merged entry it belongs to). */
export function coverageOf(coverage: Coverage, compiled: CompiledMachine): MachineCoverage | undefined {
  return coverage.machines.find((m) => m.members.includes(compiled));
}

// Same id and same transitions (ids, sources, events, guards, targets): the same statechart.
function signature(compiled: CompiledMachine): string {
  return JSON.stringify([compiled.id, compiled.activeIds, compiled.transitions.map((t) => [t.source, t.eventType, t.guard ?? '', t.targets])]);
}

// Which actor handles an action, and the event it sees (mirrors the actor system's `next`).
function actorStep(action: SystemAction | undefined, state: SystemState<unknown>, n: number): { actor: number; event: EventObject } | undefined {
  if (action === undefined || action.kind === 'drop') return undefined;
  if (action.kind === 'event') return { actor: action.actor, event: action.event };
  const message = state.channels[action.link]?.[action.index];
  return message === undefined ? undefined : { actor: action.link % n, event: message };
}

/** Covered/total counts of one machine's coverage. Pure. */
export function coverageCounts(coverage: MachineCoverage): CoverageCounts {
  const stateIds = coverage.compiled.activeIds.flat().filter((id) => id !== coverage.compiled.machine.root.id);
  const allStates = new Set(stateIds);
  const guarded = coverage.compiled.transitions.filter((t) => t.guard !== undefined);
  return {
    states: [[...allStates].filter((id) => coverage.states.has(id)).length, allStates.size],
    transitions: [coverage.transitions.size, coverage.compiled.transitions.length],
    guards: [guarded.filter((t) => coverage.transitions.has(t.id)).length, guarded.length],
  };
}

/**
 * The coverage block `splitvote check` prints: one line per machine with its counts, then
 * the guarded transitions that never fired (a guard that never fires in an exhaustive
 * search is a finding), at most `maxListed` of them, and `drawCommand` to see them all. Pure.
 */
export function formatCoverage(coverage: Coverage, drawCommand = 'splitvote viz statechart MODEL --coverage', maxListed = 5): string {
  const width = Math.max(...coverage.machines.map((m) => m.name.length));
  const lines = [`Statechart coverage${coverage.complete ? '' : ' (partial: the search stopped early)'}:`];
  const unfired: string[] = [];
  for (const machine of coverage.machines) {
    const c = coverageCounts(machine);
    lines.push(`  ${machine.name.padEnd(width)}  ${c.states[0]}/${c.states[1]} states  ${c.transitions[0]}/${c.transitions[1]} transitions  ${c.guards[0]}/${c.guards[1]} guards fired`);
    const root = machine.compiled.machine.root.id;
    const who = coverage.machines.length === 1 ? '' : `${machine.name}: `;
    for (const t of machine.compiled.transitions) {
      if (t.guard !== undefined && !machine.transitions.has(t.id)) unfired.push(`${who}${relativeId(t.source, root)} ${eventText(t, machine.compiled)} [${t.guard}]`);
    }
  }
  if (unfired.length > 0) {
    lines.push(`  never fired (${unfired.length} guarded transition${unfired.length === 1 ? '' : 's'}):`);
    for (const text of unfired.slice(0, maxListed)) lines.push(`    ${text}`);
    lines.push(`    ${unfired.length > maxListed ? `and ${unfired.length - maxListed} more; ` : ''}draw them: ${drawCommand}`);
  }
  return lines.join('\n');
}

/** A state id relative to the machine root: `node.candidate.idle` -> `candidate.idle`; the root itself -> `(root)`. */
export function relativeId(id: string, rootId: string): string {
  if (id === rootId) return '(root)';
  return id.startsWith(`${rootId}.`) ? id.slice(rootId.length + 1) : `#${id}`;
}

/**
 * The coverage block for `splitvote check`: {@link formatCoverage} of the exploration, a
 * line saying why it was not computed when the explored states were not kept, or
 * `undefined` for a model without statecharts. Costs one compiled step per recorded edge,
 * after the search.
 */
export function coverageReport<TState, TAction>(model: AnyModel, result: Exploration<TState, TAction>, drawCommand?: string): string | undefined {
  if (!isActorSystemModel(model)) return undefined;
  const coverage = result.graph === undefined ? undefined : collectCoverage(model, result.graph, result.complete);
  if (coverage !== undefined) return formatCoverage(coverage, drawCommand);
  if (result.graph === undefined) return 'Statechart coverage: not computed; this search recorded no state graph (random simulation, or too many states to record edges).';
  return `Statechart coverage: not computed; the ${formatCount(result.stats.states)} explored states were more than the graph limit, so their steps were not kept (raise --graph-limit).`;
}
