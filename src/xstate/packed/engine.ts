import type { EventObject } from 'xstate';
import { finishTerms, xorTerm } from '../../core/hasher.ts';
import { NEXT_CUT, NEXT_NONE, NEXT_STATE, type PackedModel } from '../../core/packed.ts';
import { route } from '../network.ts';
import type { SystemCore } from '../systemCore.ts';
import type { ActorSnapshot, Message, SystemAction, SystemState } from '../types.ts';
import { MAX_CHANNEL, SystemTables } from './tables.ts';
import { amplePlanner } from './ample.ts';
import { symmetricFingerprint } from './symmetric.ts';
import { lazyState, type PackedLayout } from './view.ts';

const DELIVER = 0;
const EVENT = 1;
const DROP = 2;
const NO_MESSAGES: readonly Message[] = Object.freeze([]);
const NO_SENDS = new Int32Array(0);

/** What one actor does on one event from one snapshot: memoised per (actor, snapshot id, event id). */
interface Outcome {
  /** Snapshot id after the step; -1 when the actor has no transition for the event. */
  readonly after: number;
  /** Pairs (link, message id) of the messages sent, in order. */
  readonly sends: Int32Array;
  readonly sent: readonly Message[];
  /** With a local monitor: the ghost after this step, by ghost id and message index (`ghost * MAX_CHANNEL + index`). */
  ghosts: Map<number, number> | undefined;
}

const ignored = (): Outcome => ({ after: -1, sends: NO_SENDS, sent: NO_MESSAGES, ghosts: undefined });

/**
 * The packed engine of an actor system ({@link PackedModel}), Spin's collapse compression
 * for statecharts: a state vector holds one interned id per actor snapshot, per inbox (the
 * channels into one actor, each the sequence of interned message ids in flight on its
 * link), the drop budget and the ghost, plus its raw fingerprint, the XOR of one term per
 * component content hash (incremental: a step re-hashes only what it changed). With n
 * actors a vector has 2n + 4 words.
 *
 * A step is a lookup once warm: what actor `i` does on event `e` from snapshot `s` is
 * computed once, with the compiled machine's own guards and actions, and memoised; so is
 * every channel push and pop. The monitor still runs on every step (it may read the whole
 * state, which it gets lazily decoded), and so does a global `withinBoundary`; per-actor
 * and ghost boundaries are decided once per distinct snapshot or ghost.
 *
 * Same actions in the same order as the object model, same successors, same boundary:
 * only the representation differs (test/xstate/packed.test.ts compares both on every step).
 */
export function createPackedSystem<TGhost>(core: SystemCore<TGhost>, perms?: readonly (readonly number[])[]): PackedModel<SystemState<TGhost>> {
  const { n, ordered, monitor, compiled, specs, addressing } = core;
  const { actorWithinBoundary, ghostWithinBoundary, withinBoundary } = core.options;
  const t = new SystemTables<TGhost>(ordered, n);
  const LOCAL = 2;
  const INBOX = LOCAL + n;
  const DROPS = INBOX + n;
  const GHOST = DROPS + 1;
  const width = monitor === undefined ? DROPS + 1 : GHOST + 1;
  const layout: PackedLayout<TGhost> = { n, LOCAL, INBOX, DROPS, GHOST, hasGhost: monitor !== undefined, tables: t };

  // outcomes[actor][snapshot id][event id]; sparse arrays, filled as steps are first taken.
  const outcomes: Outcome[][][] = Array.from({ length: n }, () => []);
  const dropGhosts: Map<number, number>[] = [];
  const eventLists: Int32Array[][] = Array.from({ length: n }, () => []);
  const eventActions: Map<number, SystemAction>[] = Array.from({ length: n }, () => new Map());
  const actorIn: number[][] = Array.from({ length: n }, () => []);
  const ghostIn: number[] = [];

  // ---- terms of the raw fingerprint, one per component (empty inboxes contribute none) ----
  const localTerm = (v: Int32Array, actor: number, id: number): void => xorTerm(v, actor, t.locals.hi[id], t.locals.lo[id]);
  const inboxTerm = (v: Int32Array, actor: number, id: number): void => {
    if (id !== 0) xorTerm(v, n + actor, t.inboxes.hi[id], t.inboxes.lo[id]);
  };
  const dropsTerm = (v: Int32Array, drops: number): void => xorTerm(v, 2 * n, drops, 0x2545f491);
  const ghostTerm = (v: Int32Array, id: number): void => xorTerm(v, 2 * n + 1, t.ghosts.hi[id], t.ghosts.lo[id]);
  /** The channel id of link `from * n + to` in the vector at `words[offset..]`. */
  const channelAt = (words: Int32Array, offset: number, link: number): number => t.inboxes.values[words[offset + INBOX + (link % n)]][Math.floor(link / n)];

  const setLocal = (v: Int32Array, actor: number, id: number): void => {
    const old = v[LOCAL + actor];
    if (old === id) return;
    localTerm(v, actor, old);
    localTerm(v, actor, id);
    v[LOCAL + actor] = id;
  };
  const setChannel = (v: Int32Array, link: number, id: number): void => {
    const to = link % n;
    const old = v[INBOX + to];
    const inbox = t.inboxWith(old, (link - to) / n, id);
    if (old === inbox) return;
    inboxTerm(v, to, old);
    inboxTerm(v, to, inbox);
    v[INBOX + to] = inbox;
  };

  const encode = (state: SystemState<TGhost>): Int32Array => {
    const v = new Int32Array(width);
    state.actors.forEach((snapshot, i) => {
      v[LOCAL + i] = t.local(snapshot);
      localTerm(v, i, v[LOCAL + i]);
    });
    for (let to = 0; to < n; to++) {
      const channels = Int32Array.from({ length: n }, (_, from) => t.channelOf(state.channels[from * n + to]));
      v[INBOX + to] = t.inboxOf(channels);
      inboxTerm(v, to, v[INBOX + to]);
    }
    v[DROPS] = state.dropsLeft;
    dropsTerm(v, state.dropsLeft);
    if (monitor !== undefined) {
      v[GHOST] = t.ghost(state.ghost);
      ghostTerm(v, v[GHOST]);
    }
    return v;
  };

  /** Environment events, then timer events, of an actor in a snapshot (Model.actions order). */
  const eventsOf = (actor: number, local: number): Int32Array => {
    let list = eventLists[actor][local];
    if (list !== undefined) return list;
    const snapshot = t.locals.values[local];
    const ids: number[] = [];
    const environment = specs[actor].environment;
    if (environment !== undefined) {
      for (const event of environment(snapshot)) {
        const id = t.event(event);
        ids.push(id);
        if (!eventActions[actor].has(id)) eventActions[actor].set(id, Object.freeze({ kind: 'event' as const, actor, event: t.events.values[id] }));
      }
    }
    for (const action of core.timerActions(actor, snapshot.config)) {
      const id = t.event((action as { event: EventObject }).event);
      ids.push(id);
      if (!eventActions[actor].has(id)) eventActions[actor].set(id, action);
    }
    list = Int32Array.from(ids);
    eventLists[actor][local] = list;
    return list;
  };

  const outcomeOf = (actor: number, local: number, eventId: number): Outcome => {
    let row = outcomes[actor][local];
    if (row === undefined) outcomes[actor][local] = row = [];
    let outcome = row[eventId];
    if (outcome !== undefined) return outcome;
    const before = t.locals.values[local];
    const result = core.step(actor, before, t.events.values[eventId]);
    if (result === undefined) {
      outcome = ignored();
    } else {
      const after = t.local(core.snapshotOf(actor, before, result));
      const sends: number[] = [];
      const sent: Message[] = [];
      route(addressing, actor, result.emitted, (to, message) => {
        const id = t.event(message);
        sends.push(actor * n + to, id);
        sent.push(t.events.values[id] as Message);
      });
      outcome = { after, sends: sends.length === 0 ? NO_SENDS : Int32Array.from(sends), sent: sent.length === 0 ? NO_MESSAGES : sent, ghosts: undefined };
    }
    row[eventId] = outcome;
    return outcome;
  };

  const applySends = (v: Int32Array, sends: Int32Array): void => {
    for (let s = 0; s < sends.length; s += 2) setChannel(v, sends[s], t.push(channelAt(v, 0, sends[s]), sends[s + 1]));
  };

  const actorInside = (actor: number, local: number): boolean => {
    if (actorWithinBoundary === undefined) return true;
    let flag = actorIn[actor][local];
    if (flag === undefined) actorIn[actor][local] = flag = actorWithinBoundary(t.locals.values[local], actor) ? 1 : 0;
    return flag === 1;
  };
  const ghostInside = (id: number): boolean => {
    if (ghostWithinBoundary === undefined) return true;
    let flag = ghostIn[id];
    if (flag === undefined) ghostIn[id] = flag = ghostWithinBoundary(t.ghosts.values[id]) ? 1 : 0;
    return flag === 1;
  };

  // One record and one lazily decoded state serve every monitor call (the monitor's step is
  // synchronous and must not keep them).
  const record = { action: undefined as unknown as SystemAction, actor: -1, event: undefined as EventObject | undefined, before: undefined as ActorSnapshot | undefined, after: undefined as ActorSnapshot | undefined, sent: NO_MESSAGES };
  const view = lazyState<TGhost>(layout);
  const local = monitor?.local === true;

  /** The monitor's ghost after the step (the state in `v` is the one after the step, old ghost included); memoised per outcome when the monitor is local. */
  const runMonitor = (v: Int32Array, memo: Map<number, number> | undefined, index: number, action: SystemAction, actor: number, event: EventObject, before: ActorSnapshot | undefined, after: ActorSnapshot | undefined, sent: readonly Message[]): void => {
    if (monitor === undefined) return;
    const old = v[GHOST];
    const key = old * MAX_CHANNEL + index;
    let id = memo?.get(key);
    if (id === undefined) {
      const ghost = t.ghosts.values[old];
      record.action = action;
      record.actor = actor;
      record.event = event;
      record.before = before;
      record.after = after;
      record.sent = sent;
      const next = monitor.step(ghost, record, view.at(v, 0, ghost));
      id = next === ghost ? old : t.ghost(next);
      memo?.set(key, id);
    }
    if (id === old) return;
    ghostTerm(v, old);
    ghostTerm(v, id);
    v[GHOST] = id;
  };
  const memoOf = (outcome: Outcome): Map<number, number> | undefined => (local ? (outcome.ghosts ??= new Map()) : undefined);
  const copy = (words: Int32Array, offset: number, v: Int32Array): void => {
    for (let w = 0; w < width; w++) v[w] = words[offset + w];
  };

  const next = (words: Int32Array, offset: number, codes: readonly number[], k: number, v: Int32Array, fp: Int32Array): number => {
    const code = codes[2 * k];
    const arg = codes[2 * k + 1];
    const kind = code & 3;
    const x = code >> 2;
    const i = kind === EVENT ? x : x % n;
    const local = words[offset + LOCAL + i];
    let stepped = -1;
    if (kind === EVENT) {
      const outcome = outcomeOf(i, local, arg);
      if (outcome.after < 0) return NEXT_NONE;
      copy(words, offset, v);
      setLocal(v, i, outcome.after);
      applySends(v, outcome.sends);
      stepped = outcome.after;
      runMonitor(v, memoOf(outcome), 0, eventActions[i].get(arg)!, i, t.events.values[arg], t.locals.values[local], t.locals.values[outcome.after], outcome.sent);
    } else {
      copy(words, offset, v);
      const channel = channelAt(v, 0, x);
      const message = t.channels.values[channel][arg];
      setChannel(v, x, ordered ? t.pop(channel) : t.removeAt(channel, arg));
      const event = t.events.values[message];
      if (kind === DROP) {
        v[DROPS] = words[offset + DROPS] - 1;
        dropsTerm(v, v[DROPS] + 1);
        dropsTerm(v, v[DROPS]);
        const memo = local ? (dropGhosts[message] ??= new Map()) : undefined;
        runMonitor(v, memo, arg, core.linkAction('drop', x, arg), -1, event, undefined, undefined, NO_MESSAGES);
      } else {
        if (compiled[i].holdsInput[t.locals.values[local].config]) return NEXT_NONE;
        const outcome = outcomeOf(i, local, message);
        const before = t.locals.values[local];
        if (outcome.after >= 0) {
          setLocal(v, i, outcome.after);
          applySends(v, outcome.sends);
          stepped = outcome.after;
        }
        const after = outcome.after >= 0 ? t.locals.values[outcome.after] : before;
        runMonitor(v, memoOf(outcome), arg, core.linkAction('deliver', x, arg), i, event, before, after, outcome.sent);
      }
    }
    if (stepped >= 0 && !actorInside(i, stepped)) return NEXT_CUT;
    if (monitor !== undefined && !ghostInside(v[GHOST])) return NEXT_CUT;
    if (withinBoundary !== undefined && !withinBoundary(decode(v, 0))) return NEXT_CUT;
    finishTerms(v, fp);
    if (canonical !== undefined) canonical(v, 0, fp);
    return NEXT_STATE;
  };

  const canonical = perms === undefined ? undefined : symmetricFingerprint(core, t, layout, perms);

  const decode = (words: Int32Array, offset: number): SystemState<TGhost> => {
    const actors: ActorSnapshot[] = new Array(n);
    for (let a = 0; a < n; a++) actors[a] = t.locals.values[words[offset + LOCAL + a]];
    const channels: (readonly Message[])[] = new Array(n * n);
    for (let to = 0; to < n; to++) {
      const inbox = t.inboxes.values[words[offset + INBOX + to]];
      for (let from = 0; from < n; from++) channels[from * n + to] = t.channelMessages[inbox[from]];
    }
    const ghost = monitor === undefined ? (undefined as TGhost) : t.ghosts.values[words[offset + GHOST]];
    return { actors, channels, dropsLeft: words[offset + DROPS], ghost };
  };

  const raw = new Int32Array(2);
  const boxes: Int32Array[] = new Array(n);
  const held = new Uint8Array(n);
  const reduction = amplePlanner(core, t, layout);
  return {
    width,
    initial: () => {
      // Start from the object model's own initial states (entry actions, initial sends).
      return [encode(core.initial())];
    },
    fingerprint: (words, offset, fp) => {
      raw[0] = words[offset];
      raw[1] = words[offset + 1];
      finishTerms(raw, fp);
      if (canonical !== undefined) canonical(words, offset, fp);
    },
    actions: (words, offset, out) => {
      for (let to = 0; to < n; to++) boxes[to] = t.inboxes.values[words[offset + INBOX + to]];
      for (let to = 0; to < n; to++) held[to] = compiled[to].holdsInput[t.locals.values[words[offset + LOCAL + to]].config] ? 1 : 0;
      for (let link = 0; link < n * n; link++) {
        const channel = boxes[link % n][Math.floor(link / n)];
        if (channel === 0 || held[link % n] === 1) continue;
        if (ordered) out.push(DELIVER | (link << 2), 0);
        else for (let m = 0; m < t.channels.values[channel].length; m++) out.push(DELIVER | (link << 2), m);
      }
      for (let actor = 0; actor < n; actor++) {
        const list = eventsOf(actor, words[offset + LOCAL + actor]);
        for (let e = 0; e < list.length; e++) out.push(EVENT | (actor << 2), list[e]);
      }
      if (words[offset + DROPS] <= 0) return;
      for (let link = 0; link < n * n; link++) {
        const channel = boxes[link % n][Math.floor(link / n)];
        if (channel === 0) continue;
        if (ordered) out.push(DROP | (link << 2), 0);
        else for (let m = 0; m < t.channels.values[channel].length; m++) out.push(DROP | (link << 2), m);
      }
    },
    next,
    ...(reduction.ample === undefined ? { ampleUnavailable: reduction.reason } : { ample: reduction.ample }),
    decode,
    tableBytes: () => t.bytes,
    tableSizes: () => ({ actorStates: t.locals.size, messages: t.events.size, channels: t.channels.size, inboxes: t.inboxes.size, ghosts: t.ghosts.size }),
  };
}
