import type { EventObject } from 'xstate';
import type { AnyModel } from '../core/model.ts';
import type { Trace } from '../core/result.ts';
import type { Message, SystemAction, SystemState } from '../xstate/types.ts';
import { isActorSystemModel } from './machines.ts';

/** One arrow or note of a sequence diagram, in time order. */
export type SequenceEvent =
  | {
      readonly kind: 'message';
      /** The trace step that delivered (or dropped) the message. */
      readonly step: number;
      readonly from: string;
      readonly to: string;
      readonly text: string;
      readonly dropped: boolean;
    }
  | {
      readonly kind: 'note';
      readonly step: number | undefined;
      /** One participant, or the first and last of a span. */
      readonly over: readonly string[];
      readonly lines: readonly string[];
      /** `timer`: an abstract timer fired; `step`: another local step; `state`: a state change; `verdict`: the property. */
      readonly tone: 'timer' | 'step' | 'state' | 'verdict';
    };

/** A counterexample as a message sequence: lifelines and what happened between them. */
export interface SequenceDiagram {
  readonly title: string;
  readonly participants: readonly string[];
  readonly events: readonly SequenceEvent[];
}

/** Options of {@link traceToSequence}. */
export interface SequenceOptions {
  readonly title: string;
  /** The closing note (for example `S4 violated: ...`), spanning every lifeline. */
  readonly verdict?: string;
}

/**
 * Turns a replayed trace into a sequence diagram. For an actor-system model: one lifeline
 * per actor; each delivered message is an arrow from its sender to its receiver, labelled
 * with the message as the model's own action text names it ("AUTH_NACK(epoch 6,
 * REQ_EPOCH_OLD)"), else with its type and scalar fields (epoch, reason first); a dropped
 * message is a crossed arrow; timers and other local steps are notes over their actor; a
 * step that changes the actor's statechart state adds `from → to` under it. For any other
 * model: one lifeline per acting component and a note per step. Messages are drawn when
 * delivered, not when sent. Pure and deterministic.
 */
export function traceToSequence(model: AnyModel, trace: Trace, options: SequenceOptions): SequenceDiagram {
  const events: SequenceEvent[] = [];
  let participants: string[];
  if (isActorSystemModel(model)) {
    participants = [...model.actorIds];
    const n = participants.length;
    const label = (state: SystemState<unknown>, i: number): string => model.compiled[i].labels[state.actors[i].config];
    for (let k = 1; k < trace.steps.length; k++) {
      const step = trace.steps[k];
      const action = step.action as SystemAction;
      const before = trace.steps[k - 1].state as SystemState<unknown>;
      const after = step.state as SystemState<unknown>;
      const actor = action.kind === 'event' ? action.actor : action.link % n;
      const change = label(before, actor) === label(after, actor) ? [] : [`${label(before, actor)} → ${label(after, actor)}`];
      if (action.kind === 'event') {
        events.push({ kind: 'note', step: k, over: [participants[actor]], lines: [`${k}. ${step.label}`, ...change], tone: isTimer(action.event) ? 'timer' : 'step' });
        continue;
      }
      const message = before.channels[action.link][action.index] as Message;
      events.push({ kind: 'message', step: k, from: message.from, to: participants[actor], text: `${k}. ${messageText(message, step.label)}`, dropped: action.kind === 'drop' });
      if (change.length > 0) events.push({ kind: 'note', step: k, over: [participants[actor]], lines: change, tone: 'state' });
    }
  } else {
    participants = [...new Set(trace.steps.slice(1).map((s) => s.actor ?? 'system'))];
    if (participants.length === 0) participants = ['system'];
    trace.steps.slice(1).forEach((step, i) => events.push({ kind: 'note', step: i + 1, over: [step.actor ?? 'system'], lines: [`${i + 1}. ${step.label}`], tone: 'step' }));
  }
  const span = participants.length > 1 ? [participants[0], participants[participants.length - 1]] : participants;
  if (trace.loopsTo !== undefined) events.push({ kind: 'note', step: undefined, over: span, lines: [`then back to step ${trace.loopsTo}: the loop repeats forever`], tone: 'verdict' });
  if (options.verdict !== undefined) events.push({ kind: 'note', step: undefined, over: span, lines: [options.verdict], tone: 'verdict' });
  return { title: options.title, participants, events };
}

function isTimer(event: EventObject): boolean {
  return event.type.startsWith('xstate.after.');
}

/**
 * The message as the arrow's text. The model's own action label ("R3 receives
 * AUTH_NACK(epoch 6, REQ_EPOCH_OLD) from P1") names it best, so its middle part is used
 * when the label has that shape; otherwise the type and the scalar fields, epoch and
 * reason first.
 */
export function messageText(message: Message, label: string): string {
  const said = / receives (.+) from (\S+)(.*)$/.exec(label);
  if (said !== null && said[2] === message.from) return `${said[1]}${said[3]}`;
  const record = message as unknown as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !['type', 'from', 'to'].includes(k) && ['number', 'string', 'boolean'].includes(typeof record[k]));
  const rank = (k: string): number => (/epoch/i.test(k) ? 0 : /reason/i.test(k) ? 1 : 2);
  keys.sort((a, b) => rank(a) - rank(b));
  const fields = keys.slice(0, 4).map((k) => `${k} ${String(record[k])}`);
  return fields.length === 0 ? message.type : `${message.type}(${fields.join(', ')})`;
}
