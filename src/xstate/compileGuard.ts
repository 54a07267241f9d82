import { and, not, or, stateIn, type AnyStateMachine, type EventObject } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import type { MachineContext } from './types.ts';

/** A compiled guard: the machine's own implementation, called with XState's argument shapes. */
export type CompiledGuard = (context: MachineContext, event: EventObject) => boolean;

/** A compiled guard and a readable name for it (coverage, drawings). */
export interface GuardEntry {
  readonly test: CompiledGuard;
  readonly name: string;
}

// The combinators' `check` functions are not exported; take them from instances so we
// recognise and/or/not by identity, not by fragile function names.
const CHECK_AND = (and([]) as unknown as { check: unknown }).check;
const CHECK_OR = (or([]) as unknown as { check: unknown }).check;
const CHECK_NOT = (not(() => true) as unknown as { check: unknown }).check;
const CHECK_STATE_IN = (stateIn('x') as unknown as { check: unknown }).check;

type GuardFunction = ((args: { context: MachineContext; event: EventObject }, params: unknown) => boolean) & {
  check?: unknown;
  guards?: readonly unknown[];
};

/**
 * Compiles a transition's guard (a name, `{ type, params }`, an inline function, or an
 * `and`/`or`/`not` combinator) into a closure that mirrors XState's `evaluateGuard`:
 * named implementations come from `machine.implementations.guards`, params are resolved
 * per call when given as a function, a named guard that aliases another guard is followed.
 * Throws SV303 for an unknown name and SV301 for `stateIn`. Pure (compile time only).
 */
export function compileGuard(machine: AnyStateMachine, guard: unknown, where: string): GuardEntry {
  if (typeof guard === 'function') return compileGuardFunction(machine, guard as GuardFunction, undefined, 'inline', where);
  const named = guard as string | { type: string; params?: unknown };
  const name = typeof named === 'string' ? named : named.type;
  const impl = (machine.implementations.guards as Record<string, unknown>)[name];
  if (impl === undefined) throw splitvoteError('SV303', `${where} uses the guard '${name}', which setup({ guards }) does not define`);
  // XState follows an implementation that is itself a guard reference, dropping the outer params.
  if (typeof impl !== 'function') return { ...compileGuard(machine, impl, where), name };
  const params = typeof named === 'string' ? undefined : 'params' in named ? named.params : undefined;
  return compileGuardFunction(machine, impl as GuardFunction, params, name, where);
}

function compileGuardFunction(machine: AnyStateMachine, fn: GuardFunction, params: unknown, name: string, where: string): GuardEntry {
  if ('check' in fn) {
    const subs = (fn.guards ?? []).map((g) => compileGuard(machine, g, where));
    const label = (op: string) => `${op}(${subs.map((s) => s.name).join(', ')})`;
    if (fn.check === CHECK_AND) return { name: label('and'), test: (c, e) => subs.every((s) => s.test(c, e)) };
    if (fn.check === CHECK_OR) return { name: label('or'), test: (c, e) => subs.some((s) => s.test(c, e)) };
    if (fn.check === CHECK_NOT) {
      const [inner] = subs;
      return { name: label('not'), test: (c, e) => !inner.test(c, e) };
    }
    if (fn.check === CHECK_STATE_IN) throw splitvoteError('SV301', `${where} uses a stateIn guard`);
    throw splitvoteError('SV301', `${where} uses an unknown built-in guard`);
  }
  if (typeof params === 'function') {
    const resolve = params as (args: { context: MachineContext; event: EventObject }) => unknown;
    return {
      name,
      test: (context, event) => {
        const args = { context, event };
        return fn(args, resolve(args));
      },
    };
  }
  return { name, test: (context, event) => fn({ context, event }, params) };
}
