import type { AnyModel } from '../core/model.ts';
import { splitvoteError } from '../core/errors.ts';
import type { ActorSystemModel, CompiledMachine } from '../xstate/types.ts';

/** One machine a model is made of, as the drawing commands name it. */
export interface NamedMachine {
  /** The name `--machine` takes: the machine id, or `id:initial` when two machines share an id. */
  readonly name: string;
  readonly compiled: CompiledMachine;
  /** Ids of the actors that run this machine, in actor order. */
  readonly actors: readonly string[];
}

/**
 * True when `model` was built by `createActorSystemModel` (it exposes its compiled
 * machines and actor ids). Duck-typed on purpose: `src/viz` must not depend on how a model
 * was made, only on the shape the XState layer documents.
 */
export function isActorSystemModel(model: AnyModel): model is ActorSystemModel<unknown> {
  const candidate = model as Partial<ActorSystemModel<unknown>>;
  return Array.isArray(candidate.compiled) && Array.isArray(candidate.actorIds) && candidate.compiled.length === candidate.actorIds.length;
}

/**
 * The distinct machines of an actor-system model, in order of first use by an actor. Actors
 * sharing a machine object share an entry. Two different machine objects with the same id
 * (the failover model's primary and replica machines differ only in their initial state)
 * are told apart as `id:initialState`, then by a counter if that still collides. Returns
 * `[]` for a model that is not an actor system. Pure and deterministic.
 */
export function machinesOf(model: AnyModel): NamedMachine[] {
  if (!isActorSystemModel(model)) return [];
  const byMachine = new Map<CompiledMachine, string[]>();
  model.compiled.forEach((compiled, i) => {
    const actors = byMachine.get(compiled) ?? [];
    actors.push(model.actorIds[i]);
    byMachine.set(compiled, actors);
  });
  const entries = [...byMachine.entries()];
  const idCount = new Map<string, number>();
  for (const [compiled] of entries) idCount.set(compiled.id, (idCount.get(compiled.id) ?? 0) + 1);
  const used = new Set<string>();
  return entries.map(([compiled, actors]) => {
    let name = idCount.get(compiled.id) === 1 ? compiled.id : `${compiled.id}:${initialKey(compiled)}`;
    for (let k = 2; used.has(name); k++) name = `${compiled.id}:${initialKey(compiled)}#${k}`;
    used.add(name);
    return { name, compiled, actors };
  });
}

function initialKey(compiled: CompiledMachine): string {
  const target = compiled.machine.root.initial?.target?.[0] as { key?: string } | undefined;
  return target?.key ?? 'root';
}

/**
 * The machine named `name` (or every machine when `name` is undefined). Throws SV401 listing
 * the machine names when there is no such machine, and SV403 when the model has no XState
 * machines at all (it was not built with the actor-system layer).
 */
export function pickMachines(model: AnyModel, modelName: string, name: string | undefined): NamedMachine[] {
  const machines = machinesOf(model);
  if (machines.length === 0) {
    throw splitvoteError('SV403', `model ${modelName} has no XState machines to draw (it is not built with createActorSystemModel); statecharts need an actor-system model such as two-phase-commit`);
  }
  if (name === undefined) return machines;
  const found = machines.find((m) => m.name === name);
  if (found !== undefined) return [found];
  const list = machines.map((m) => `${m.name} (actors ${m.actors.join(', ')})`).join(', ');
  throw splitvoteError('SV401', `--machine ${name}: model ${modelName} has no machine "${name}"; pass one of: ${list}`);
}
