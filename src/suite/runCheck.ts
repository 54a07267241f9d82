import type { AnyModel } from '../core/model.ts';
import type { PropertyVerdict } from '../core/result.ts';
import { explore, type Exploration } from '../explore/explore.ts';
import { DEFAULTS, type Progress } from '../explore/options.ts';
import { findModel, resolveRequest, withConstants } from './catalog.ts';
import type { CheckDefinition, ModelEntry, ModelRequest } from './types.ts';

/** The outcome of one check: data only; `splitvote checks` prints it. */
export interface CheckOutcome {
  readonly check: CheckDefinition;
  /** True when every expectation was met: statuses, pinned counts, pinned traces. */
  readonly passed: boolean;
  /** One sentence per expectation that drifted, naming the pinned and the actual value. */
  readonly mismatches: readonly string[];
  readonly result: Exploration<unknown, unknown>;
  /** The model that was explored (for printing its traces with its view). */
  readonly model: AnyModel;
  /** The preset and variants the model was built from. */
  readonly request: ModelRequest;
}

/** Options of {@link runCheck}. */
export interface RunCheckOptions {
  /** Progress of the search (the CLI draws a bar from it). */
  readonly onProgress?: (progress: Progress) => void;
  /** When it is aborted the search stops (`stopReason: 'interrupted'`); the outcome then says so. */
  readonly signal?: { readonly aborted: boolean };
}

/**
 * Runs one regression check: builds the model from its catalog entry, explores it with
 * the check's strategy and options, and compares the expected status of each property, the
 * pinned state and transition counts, and the pinned counterexample labels. Deterministic
 * like the explorer. Throws SV403 for an unknown model, preset or variant, SV404 for an
 * unknown or out-of-range constant; everything else
 * that differs is a mismatch in the outcome, never an exception.
 */
export function runCheck(check: CheckDefinition, catalog: readonly ModelEntry[], options: RunCheckOptions = {}): CheckOutcome {
  const entry = findModel(catalog, check.model);
  const request = withConstants(entry, resolveRequest(entry, check.preset, check.variants), check.constants, `check "${check.name}" constants`);
  const model = entry.create(request);
  const result = explore(model, {
    ...check.options,
    strategy: check.strategy ?? DEFAULTS.strategy,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  }) as Exploration<unknown, unknown>;
  const mismatches = compare(check, result);
  return { check, passed: mismatches.length === 0, mismatches, result, model, request };
}

/** Every way `result` differs from what `check` pins, as sentences. Pure. */
export function compare(check: CheckDefinition, result: Exploration<unknown, unknown>): string[] {
  const out: string[] = [];
  const byName = new Map(result.properties.map((v) => [v.name, v]));
  for (const [name, expected] of Object.entries(check.expect)) {
    const verdict = byName.get(name);
    if (verdict === undefined) {
      out.push(`no property named "${name}"; properties: ${[...byName.keys()].map((n) => `"${n}"`).join(', ')}`);
    } else if (verdict.status !== expected) {
      out.push(`"${name}": expected ${expected}, got ${verdict.status}${verdict.note === undefined ? '' : ` (${verdict.note})`}`);
    }
  }
  const drift = 'a drift means the model changed: review it, then update the pin';
  if (check.states !== undefined && check.states !== result.stats.states) {
    out.push(`states: pinned ${check.states}, got ${result.stats.states}${stopped(result)}; ${drift}`);
  }
  if (check.transitions !== undefined && check.transitions !== result.stats.transitions) {
    out.push(`transitions: pinned ${check.transitions}, got ${result.stats.transitions}${stopped(result)}; ${drift}`);
  }
  for (const [name, pinned] of Object.entries(check.traces ?? {})) {
    const mismatch = compareTrace(name, pinned, byName.get(name));
    if (mismatch !== undefined) out.push(mismatch);
  }
  return out;
}

function stopped(result: Exploration<unknown, unknown>): string {
  return result.complete ? '' : ` (the search stopped: ${result.stopReason ?? 'unknown'})`;
}

function compareTrace(name: string, pinned: readonly string[], verdict: PropertyVerdict | undefined): string | undefined {
  if (verdict?.trace === undefined) {
    return `trace of "${name}": pinned ${pinned.length} steps, but the result has no trace${verdict === undefined ? ' (no such property)' : ` (status ${verdict.status})`}`;
  }
  const labels = verdict.trace.steps.slice(1).map((step) => step.label);
  const length = Math.max(labels.length, pinned.length);
  for (let i = 0; i < length; i++) {
    if (labels[i] !== pinned[i]) {
      const show = (label: string | undefined): string => (label === undefined ? '(no step)' : `"${label}"`);
      return `trace of "${name}": pinned ${pinned.length} steps, got ${labels.length}; first difference at step ${i + 1}: pinned ${show(pinned[i])}, got ${show(labels[i])}`;
    }
  }
  return undefined;
}
