import type { Model } from '../core/model.ts';
import type { Trace } from '../core/result.ts';
import { diffValues, type Change } from './diff.ts';
import { formatKey, formatValue, formatValueLines } from './formatValue.ts';

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
  /**
   * Widest line (indent included): the initial state's fields are broken over several
   * lines and a change too wide for one line puts its values on lines of their own, cut
   * to fit. Default: no limit.
   */
  readonly width?: number;
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
  const indent = options.indent ?? '';
  const stepWidth = String(Math.max(0, trace.steps.length - 1)).length;
  const pad = ' '.repeat(Math.max(4, stepWidth + 2));
  // Widths below count from the start of the line, before `indent` is added.
  const width = options.width === undefined ? Number.POSITIVE_INFINITY : Math.max(40, options.width - indent.length);
  const max = options.maxValueLength ?? 200;
  const lines: string[] = [];
  let previous: unknown;
  trace.steps.forEach((step, index) => {
    const number = String(index).padStart(stepWidth);
    const current = view(step.state);
    if (index === 0) {
      lines.push(`${number}  initial state${trace.init === 0 ? '' : ` (initial state #${trace.init})`}`);
      lines.push(...wholeState(current, width, pad));
    } else {
      lines.push(`${number}  ${step.label}`);
      const changes = diffValues(previous, current);
      if (changes.length === 0) lines.push(`${pad}(no field changed)`);
      for (const change of changes) lines.push(...changeLines(change, max, width, pad));
    }
    previous = current;
  });
  if (trace.loopsTo !== undefined) {
    lines.push(`${'↻'.padStart(stepWidth)}  loops back to step ${trace.loopsTo}: the steps after it repeat forever`);
  }
  if (options.reproduce !== undefined) lines.push(`Reproduce: ${options.reproduce}`);
  return lines.map((line) => indent + line).join('\n');
}

/** One change as `path: before -> after`; an added or removed field shows `(absent)` on its missing side. */
export function formatChange(change: Change, maxValueLength = 200): string {
  const [before, after] = changeSides(change, maxValueLength);
  return `${change.path === '' ? '(state)' : change.path}: ${before} -> ${after}`;
}

function changeSides(change: Change, maxValueLength: number): [string, string] {
  const show = (value: unknown): string => formatValue(value, { maxLength: maxValueLength });
  return [change.kind === 'added' ? '(absent)' : show(change.before), change.kind === 'removed' ? '(absent)' : show(change.after)];
}

// A change on one line when it fits; else `path: before`, then `-> after` on the next line,
// each value broken over lines as the initial state is (or cut to the width when too long).
function changeLines(change: Change, max: number, width: number, pad: string): string[] {
  const line = pad + formatChange(change, max);
  if (line.length <= width) return [line];
  const side = (present: boolean, value: unknown, prefix: string): string[] => {
    if (!present) return [`${prefix}(absent)`];
    if (formatValue(value).length <= max) return formatValueLines(value, width, prefix, pad);
    return [prefix + formatValue(value, { maxLength: Math.max(20, width - prefix.length) })];
  };
  return [...side(change.kind !== 'added', change.before, `${pad}${change.path === '' ? '(state)' : change.path}: `), ...side(change.kind !== 'removed', change.after, `${pad}  -> `)];
}

// The initial state in full: one top-level field per line (broken further when wider than `width`).
function wholeState(view: unknown, width: number, pad: string): string[] {
  const isRecord = typeof view === 'object' && view !== null && !Array.isArray(view) && !(view instanceof Set) && !(view instanceof Map);
  let fields: [string, unknown][] | undefined;
  if (isRecord && Object.getPrototypeOf(view) === Object.prototype && Object.keys(view).length > 0) fields = Object.entries(view).map(([key, value]) => [formatKey(key), value]);
  if (view instanceof Map && view.size > 0) fields = [...view].map(([key, value]) => [typeof key === 'string' ? formatKey(key) : formatValue(key), value]);
  if (fields === undefined) return formatValueLines(view, width, pad, pad);
  return fields.flatMap(([key, value]) => formatValueLines(value, width, `${pad}${key}: `, pad));
}
