import type { AnyStateMachine, AnyStateNode, EventObject } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import type { MachineContext } from './types.ts';

/**
 * A compiled action: takes the context as it is at this point of the microstep and returns
 * the next one (`assign`), or pushes an event onto `emitted` and returns the context
 * unchanged (`emit`).
 */
export type CompiledAction = (context: MachineContext, event: EventObject, emitted: EventObject[]) => MachineContext;

/** A compiled action and a readable name for it. */
export interface ActionEntry {
  readonly run: CompiledAction;
  readonly name: string;
}

type Args = { context: MachineContext; event: EventObject };
type ParamsSpec = unknown;
type Builtin = ((...args: unknown[]) => unknown) & { type: string; resolve: unknown; assignment?: unknown; event?: unknown };

/** Assign expressions may call `spawn`; actors are not supported, so it throws a clear error. */
function spawnNotSupported(where: string): () => never {
  return () => {
    throw splitvoteError('SV301', `${where}: an assign action calls spawn`);
  };
}

/**
 * Compiles one action as XState's `resolveAndExecuteActionsWithContext` would resolve it:
 * a built-in (`assign`, `emit`) used inline or through a named implementation, with params
 * (constant or computed from the current context and event). Throws SV303 for an unknown
 * name and SV301 for anything else (custom functions, raise, sendTo, enqueueActions, log,
 * spawnChild, stopChild). Pure (compile time only).
 */
export function compileAction(machine: AnyStateMachine, action: unknown, where: string): ActionEntry {
  if (typeof action === 'function') {
    if ('resolve' in action) return compileBuiltin(action as Builtin, undefined, (action as Builtin).type, where);
    throw splitvoteError('SV301', `${where} runs the custom action function '${action.name || '(anonymous)'}'; only assign and emit are supported`);
  }
  const named = action as string | { type: string; params?: unknown };
  const name = typeof named === 'string' ? named : named.type;
  const impl = (machine.implementations.actions as Record<string, unknown>)[name];
  if (impl === undefined) throw splitvoteError('SV303', `${where} uses the action '${name}', which setup({ actions }) does not define`);
  if (typeof impl !== 'function' || !('resolve' in impl)) {
    throw splitvoteError('SV301', `${where} runs the custom action '${name}'; implement it with assign(...) or emit(...)`);
  }
  const params = typeof named === 'string' ? undefined : 'params' in named ? named.params : undefined;
  return compileBuiltin(impl as Builtin, params, name, where);
}

function paramsResolver(spec: ParamsSpec): (args: Args) => unknown {
  if (typeof spec === 'function') return spec as (args: Args) => unknown;
  return () => spec;
}

function compileBuiltin(builtin: Builtin, paramsSpec: ParamsSpec, name: string, where: string): ActionEntry {
  const params = paramsResolver(paramsSpec);
  if (builtin.type === 'xstate.assign') return { name, run: compileAssign(builtin.assignment, params, where) };
  if (builtin.type === 'xstate.emit') {
    const spec = builtin.event;
    if (typeof spec === 'function') {
      const make = spec as (args: Args, params: unknown) => EventObject;
      return {
        name,
        run: (context, event, emitted) => {
          const args = { context, event, self: undefined, system: undefined };
          emitted.push(make(args, params({ context, event })));
          return context;
        },
      };
    }
    const constant = spec as EventObject;
    return {
      name,
      run: (context, _event, emitted) => {
        emitted.push(constant);
        return context;
      },
    };
  }
  throw splitvoteError('SV301', `${where} uses the action ${builtin.type.replace(/^xstate\./, '')}${name === builtin.type ? '' : ` ('${name}')`}; only assign and emit are supported`);
}

function compileAssign(assignment: unknown, params: (args: Args) => unknown, where: string): CompiledAction {
  const spawn = spawnNotSupported(where);
  if (typeof assignment === 'function') {
    const fn = assignment as (args: unknown, params: unknown) => Record<string, unknown>;
    // XState: Object.assign({}, context, partialUpdate); a new object every time.
    return (context, event) => {
      const p = params({ context, event });
      return Object.assign({}, context, fn({ context, event, spawn, self: undefined, system: undefined }, p));
    };
  }
  const record = assignment as Record<string, unknown>;
  const keys = Object.keys(record);
  const values = keys.map((key) => record[key]);
  return (context, event) => {
    const p = params({ context, event });
    const args = { context, event, spawn, self: undefined, system: undefined };
    // Every property assigner sees the context from before this assign, as in XState.
    const partial: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      partial[keys[i]] = typeof value === 'function' ? (value as (a: unknown, p: unknown) => unknown)(args, p) : value;
    }
    return Object.assign({}, context, partial);
  };
}

/**
 * True when `action` is the bookkeeping XState adds for an `after` delay of `node` (a delayed
 * raise in `entry`, a cancel in `exit`). Timers are abstract events here, so these are skipped.
 */
export function isTimerBookkeeping(node: AnyStateNode, action: unknown): boolean {
  if (typeof action !== 'function') return false;
  const a = action as { type?: unknown; id?: unknown; delay?: unknown; sendId?: unknown };
  const timerTypes = node.after.map((t) => t.eventType as string);
  if (a.type === 'xstate.raise') return a.delay !== undefined && timerTypes.includes(a.id as string);
  if (a.type === 'xstate.cancel') return timerTypes.includes(a.sendId as string);
  return false;
}
