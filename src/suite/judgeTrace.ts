import type { Model } from '../core/model.ts';
import { sometimes, type PropertyKind } from '../core/property.ts';
import type { PropertyStatus, Trace } from '../core/result.ts';
import { explore } from '../explore/explore.ts';

/** What a replayed trace shows about one property. */
export interface TraceJudgement {
  readonly status: PropertyStatus;
  /** One sentence saying where and why. */
  readonly note: string;
}

/**
 * Re-evaluates a property on a replayed trace, the way `splitvote replay` confirms a saved
 * counterexample:
 * - `always`: violated when it fails in the last state;
 * - `sometimes`: witnessed when it holds in the last state;
 * - `eventually`: violated when it holds in no state of the trace (a lasso or a dead end);
 * - `recoverable`: violated when no goal state is reachable from the last state (a small
 *   search from that state, within the model's bounds);
 * - `deadlock`: violated when the last state has no successor and is not final.
 * Pure apart from the small search; deterministic.
 */
export function judgeTrace<TState, TAction>(model: Model<TState, TAction>, trace: Trace<TState, TAction>, name: string, kind: PropertyKind | 'deadlock'): TraceJudgement {
  const steps = trace.steps.length - 1;
  const last = trace.steps[steps].state;
  if (kind === 'deadlock') {
    return isDeadlock(model, last)
      ? { status: 'violated', note: `the last state (step ${steps}) has no successor and is not final` }
      : { status: 'holds', note: `the last state (step ${steps}) has a successor or is final: no deadlock` };
  }
  const property = model.properties.find((p) => p.name === name)!;
  switch (kind) {
    case 'always':
      return property.condition(last)
        ? { status: 'holds', note: `it holds in the last state (step ${steps}): the trace no longer breaks it` }
        : { status: 'violated', note: `it fails in the last state (step ${steps})` };
    case 'sometimes':
      return property.condition(last)
        ? { status: 'witnessed', note: `it holds in the last state (step ${steps})` }
        : { status: 'not-witnessed', note: `it does not hold in the last state (step ${steps})` };
    case 'eventually': {
      const at = trace.steps.findIndex((step) => property.condition(step.state));
      if (at >= 0) return { status: 'holds', note: `it holds at step ${at}: the trace no longer breaks it` };
      const shape = trace.loopsTo === undefined ? 'the trace ends' : `the trace loops back to step ${trace.loopsTo}`;
      return { status: 'violated', note: `it holds in no state and ${shape}` };
    }
    case 'recoverable':
      return judgeRecoverable(model, last, property.condition, steps);
  }
}

function isDeadlock<TState, TAction>(model: Model<TState, TAction>, state: TState): boolean {
  if (model.isFinal?.(state) === true) return false;
  const actions: TAction[] = [];
  model.actions(state, actions);
  return actions.every((action) => model.next(state, action) === undefined);
}

// A goal reachable from the last state is exactly "sometimes goal" of the model started there.
function judgeRecoverable<TState, TAction>(model: Model<TState, TAction>, last: TState, goal: (s: TState) => boolean, steps: number): TraceJudgement {
  const from: Model<TState, TAction> = { ...model, initStates: () => [last], properties: [sometimes('goal reachable', goal)] };
  const verdict = explore(from, { deadlock: false, graph: 'never' }).properties[0];
  if (verdict.status === 'witnessed') return { status: 'holds', note: `a goal state is reachable from the last state (step ${steps})` };
  if (verdict.status === 'not-witnessed') return { status: 'violated', note: `no goal state is reachable from the last state (step ${steps})` };
  return { status: 'unknown', note: `the search from the last state stopped before deciding (${verdict.note ?? 'no reason given'})` };
}
