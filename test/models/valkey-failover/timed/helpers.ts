import { Random, runTimed, type SystemAction, type SystemState } from '../../../../src/index.ts';
import type { Ghost } from '../../../../models/valkey-failover/ghost.ts';
import type { TimedScenario } from '../../../../models/valkey-failover/timed/scenario.ts';
import { timedFailoverModel } from '../../../../models/valkey-failover/timed/simulate.ts';

/** A small timed scenario: node_timeout 1000 ms, detection exactly at 1000 ms unless `gossip` says otherwise. */
export function scenario(overrides: Partial<TimedScenario> = {}): TimedScenario {
  return {
    primaries: 3,
    failed: 1,
    replicas: 1,
    nodeTimeout: 1000,
    latency: { kind: 'fixed', value: 5 },
    gossip: { kind: 'fixed', value: 0 },
    sameTick: false,
    ...overrides,
  };
}

/** One step of a timed run in protocol words. */
export interface Happened {
  readonly t: number;
  readonly label: string;
}

/** Runs one seeded timed run to the end and returns every step's time and label. */
export function timedRun(s: TimedScenario, variants: readonly string[], seed: number): Happened[] {
  const setup = timedFailoverModel(s, variants);
  const inner = setup.model;
  // The same model, with a `next` that remembers the label of each successor it builds (the
  // simulation also calls `next` to see whether an event applies, so the label goes with the state).
  const labels = new WeakMap<object, string>();
  const model = {
    ...inner,
    next: (state: SystemState<Ghost>, action: SystemAction) => {
      const next = inner.next(state, action);
      if (next !== undefined) labels.set(next, inner.formatAction!(action, state));
      return next;
    },
  };
  const out: Happened[] = [];
  runTimed(model, setup.timing, { random: new Random(seed), maxTime: 1e7, onStep: (step, state) => (out.push({ t: step.now, label: labels.get(state) ?? '' }), false) });
  return out;
}

/** The time of the first step whose label matches. */
export function when(steps: readonly Happened[], pattern: RegExp): number {
  const found = steps.find((s) => pattern.test(s.label));
  if (found === undefined) throw new Error(`no step matches ${pattern}:\n${steps.map((s) => `${s.t} ${s.label}`).join('\n')}`);
  return found.t;
}
