import { existsSync, readFileSync } from 'node:fs';
import { splitvoteError } from '../core/errors.ts';
import type { MutantOutcome, MutationReport } from './run.ts';

/** A mutant's pinned outcome: survived, or caught by a property on a preset and variant set. */
export interface Pin {
  readonly outcome: 'caught' | 'survived' | 'error';
  readonly property?: string;
  readonly preset?: string;
  readonly variants?: readonly string[];
  /** Actions in the counterexample (shown, not compared: a model edit may lengthen it). */
  readonly steps?: number;
}

/** The pin file: mutant name -> pinned outcome. */
export type Pins = Readonly<Record<string, Pin>>;

/** How a mutant's outcome compares with its pin. */
export interface PinCheck {
  readonly name: string;
  /** `ok`: as pinned; `regressed`: pinned caught, now not; `changed`: another outcome or catcher; `unpinned`: no pin. */
  readonly status: 'ok' | 'regressed' | 'changed' | 'unpinned';
  readonly pinned?: Pin;
  readonly now: Pin;
}

/** The pin of an outcome. */
export function pinOf(outcome: MutantOutcome): Pin {
  if (outcome.caught === undefined) return { outcome: outcome.status };
  const { property, preset, variants, steps } = outcome.caught;
  return { outcome: 'caught', property, preset, variants, steps };
}

/**
 * Compares each outcome with its pin. The outcome and, when caught, the catching property,
 * preset and variant set must match; the trace length is informative only. A mutant that
 * is caught now but survived when pinned is `changed` too: re-pin so that it cannot regress.
 */
export function checkPins(report: MutationReport, pins: Pins): PinCheck[] {
  return report.outcomes.map((o) => {
    const now = pinOf(o);
    const pinned = pins[o.mutant.name];
    if (pinned === undefined) return { name: o.mutant.name, status: 'unpinned', now };
    if (pinned.outcome === 'caught' && now.outcome !== 'caught') return { name: o.mutant.name, status: 'regressed', pinned, now };
    const same =
      pinned.outcome === now.outcome &&
      pinned.property === now.property &&
      pinned.preset === now.preset &&
      (pinned.variants ?? []).join(',') === (now.variants ?? []).join(',');
    return { name: o.mutant.name, status: same ? 'ok' : 'changed', pinned, now };
  });
}

/** Pins that name no mutant of the suite (a renamed or deleted mutant). */
export function stalePins(pins: Pins, names: readonly string[]): string[] {
  return Object.keys(pins).filter((name) => !names.includes(name));
}

/**
 * Reads a pin file; a missing file gives no pins (every mutant `unpinned`). Throws SV402
 * naming the file and the field for a malformed one.
 */
export function readPins(path: string): Pins {
  if (!existsSync(path)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw splitvoteError('SV402', `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return validatePins(value, path);
}

/** Checks that `value` has the shape of {@link Pins}; throws SV402 naming `source` and the field at fault. */
export function validatePins(value: unknown, source: string): Pins {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw splitvoteError('SV402', `${source}: must be an object { "<mutant>": { "outcome": ... } }`);
  for (const [name, pin] of Object.entries(value as Record<string, unknown>)) {
    const outcome = (pin as { outcome?: unknown } | null)?.outcome;
    if (outcome !== 'caught' && outcome !== 'survived' && outcome !== 'error') throw splitvoteError('SV402', `${source}: ${JSON.stringify(name)}.outcome must be caught, survived or error`);
  }
  return value as Pins;
}

/** The pin file's text for a report: every outcome, in suite order (2-space JSON, final newline). */
export function pinsText(report: MutationReport, previous: Pins = {}): string {
  const out: Record<string, Pin> = {};
  // Keep the pins of mutants that did not run this time (`--mutant`, `--preset`).
  for (const [name, pin] of Object.entries(previous)) out[name] = pin;
  for (const o of report.outcomes) out[o.mutant.name] = pinOf(o);
  const order = new Map(report.outcomes.map((o, i) => [o.mutant.name, i]));
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
