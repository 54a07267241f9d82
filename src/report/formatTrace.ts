import type { Model } from '../core/model.ts';
import type { Trace } from '../core/result.ts';
import { diffValues, type Change } from './diff.ts';
import { formatKey, formatValue } from './formatValue.ts';

/** Options of {@link formatTrace}. */
export interface FormatTraceOptions<TState> {
  /** The display view of a state (`model.view`); default: the state itself. See {@link stateView}. */
  readonly view?: (state: TState) => unknown;
  /** A command that reproduces the trace, printed last as `Reproduce: <command>`. */
  readonly reproduce?: string;
  /** Prefix of every line (for nesting under a heading). Default: none. */
  readonly indent?: string;
  /** Longest value printed in a change line; longer values end with `…`. Default 200. */
  readonly maxValueLength?: number;
}

/** The display view of a model's states: `model.view` when it has one, else the state itself. */
export function stateView<TState>(model: Pick<Model<TState, unknown>, 'view'>): (state: TState) => unknown {
  return model.view === undefined ? (state) => state : (state) => model.view!(state);
}

/**
 * A trace as numbered steps, the way TLC's `-difftrace` prints it:
 *
 * ```text
 * 0  initial state
 *     R3: { epoch: 0, failover_auth_count: 0 }
 * 1  R3 receives AUTH_ACK(epoch 5) from P1
 *     R3.failover_auth_count: 0 -> 1
 * Reproduce: splitvote replay s2.trace.json
 * ```
 *
 * Step 0 prints the whole initial view, one line per top-level field; every later step
 * prints its action label (already in protocol words, from `model.formatAction`) and only
 * the fields that changed. A lasso (`trace.loopsTo`) ends with the step it returns to.
 * Pure; the text ends without a newline.
 */
export function formatTrace<TState, TAction>(trace: Trace<TState, TAction>, options: FormatTraceOptions<TState> = {}): string {
  const view = options.view ?? ((state: TState): unknown => state);
  const max = options.maxValueLength ?? 200;
  const width = String(Math.max(0, trace.steps.length - 1)).length;
  const pad = ' '.repeat(Math.max(4, width + 2));
  const lines: string[] = [];
  let previous: unknown;
  trace.steps.forEach((step, index) => {
    const number = String(index).padStart(width);
    const current = view(step.state);
    if (index === 0) {
      lines.push(`${number}  initial state${trace.init === 0 ? '' : ` (initial state #${trace.init})`}`);
      for (const line of wholeState(current)) lines.push(pad + line);
    } else {
      lines.push(`${number}  ${step.label}`);
      const changes = diffValues(previous, current);
      if (changes.length === 0) lines.push(`${pad}(no field changed)`);
      for (const change of changes) lines.push(pad + formatChange(change, max));
    }
    previous = current;
  });
  if (trace.loopsTo !== undefined) {
    lines.push(`${'↻'.padStart(width)}  loops back to step ${trace.loopsTo}: the steps after it repeat forever`);
  }
  if (options.reproduce !== undefined) lines.push(`Reproduce: ${options.reproduce}`);
  const indent = options.indent ?? '';
  return lines.map((line) => indent + line).join('\n');
}

/** One change as `path: before -> after`; an added or removed field shows `(absent)` on its missing side. */
export function formatChange(change: Change, maxValueLength = 200): string {
  const show = (value: unknown): string => formatValue(value, { maxLength: maxValueLength });
  const before = change.kind === 'added' ? '(absent)' : show(change.before);
  const after = change.kind === 'removed' ? '(absent)' : show(change.after);
  return `${change.path === '' ? '(state)' : change.path}: ${before} -> ${after}`;
}

// The initial state in full but compact: one line per top-level field of an object view.
function wholeState(view: unknown): string[] {
  const isRecord = typeof view === 'object' && view !== null && !Array.isArray(view) && !(view instanceof Set) && !(view instanceof Map);
  if (isRecord && Object.getPrototypeOf(view) === Object.prototype) {
    const entries = Object.entries(view);
    if (entries.length > 0) return entries.map(([key, value]) => `${formatKey(key)}: ${formatValue(value)}`);
  }
  if (view instanceof Map && view.size > 0) return [...view].map(([key, value]) => `${typeof key === 'string' ? formatKey(key) : formatValue(key)}: ${formatValue(value)}`);
  return [formatValue(view)];
}
