import type { Trace } from '../core/result.ts';
import { encodeValue, type JsonValue } from './encodeValue.ts';

/** Where the Informal Trace Format is specified (Apalache ADR-015). */
export const ITF_SPEC_URL = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

/** One ITF state: `#meta` plus one entry per variable. */
export interface ItfState {
  readonly '#meta': { readonly index: number; readonly action?: string; readonly actor?: string };
  readonly [variable: string]: JsonValue | ItfState['#meta'];
}

/** An ITF trace, as read by Apalache, Quint and the ITF trace viewer. */
export interface ItfTrace {
  readonly '#meta': Readonly<Record<string, JsonValue>>;
  readonly vars: readonly string[];
  readonly states: readonly ItfState[];
  /** For a lasso: the index of the state the last state loops back to. */
  readonly loop?: number;
}

/** Options of {@link toItf}. */
export interface ItfOptions<TState> {
  /** The display view of a state (`stateView(model)`); its top-level keys become the ITF variables. */
  readonly view?: (state: TState) => unknown;
  /** `#meta.source`: what the trace comes from (the model name). */
  readonly source: string;
  /** `#meta.description`, for example the property the trace breaks. */
  readonly description?: string;
  /** Extra `#meta` entries (preset, variants, property, replay path). */
  readonly meta?: Readonly<Record<string, JsonValue>>;
}

/**
 * A trace as ITF JSON. The variables are the top-level keys of the view (a view that is not
 * a plain object becomes the single variable `state`); a variable missing from a state is
 * `{"#unserializable": "undefined"}`, since ITF requires every variable in every state.
 * Values use the ITF encodings: safe integers as JSON numbers, `{"#bigint": "..."}`,
 * `{"#set": [...]}`, `{"#map": [[k, v], ...]}`, lists, records; anything else (floats, null)
 * as `{"#unserializable": "..."}`. Each state's `#meta` holds its index and the action that
 * led to it. Pure and deterministic: no timestamp is written, so equal traces give equal files.
 */
export function toItf<TState, TAction>(trace: Trace<TState, TAction>, options: ItfOptions<TState>): ItfTrace {
  const view = options.view ?? ((state: TState): unknown => state);
  const views = trace.steps.map((step) => view(step.state));
  const records = views.every(isRecord);
  const vars = records ? variablesOf(views as Record<string, unknown>[]) : ['state'];
  const states = trace.steps.map((step, index): ItfState => {
    const meta = index === 0 ? { index } : { index, action: step.label, ...(step.actor === undefined ? {} : { actor: step.actor }) };
    const state: Record<string, JsonValue | ItfState['#meta']> = { '#meta': meta };
    const current = views[index];
    for (const name of vars) {
      const value = records ? (current as Record<string, unknown>)[name] : current;
      state[name] = encodeValue(value, { mode: 'itf' });
    }
    return state as ItfState;
  });
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_SPEC_URL,
      source: options.source,
      ...(options.description === undefined ? {} : { description: options.description }),
      ...options.meta,
    },
    vars,
    states,
    ...(trace.loopsTo === undefined ? {} : { loop: trace.loopsTo }),
  };
}

function isRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

// The union of the keys of every state, first-seen order: a key that appears later is still a variable.
function variablesOf(views: readonly Record<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const view of views) for (const key of Object.keys(view)) names.add(key);
  return [...names];
}
