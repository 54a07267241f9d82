import type { Message, Monitor, StepRecord, SystemState } from '../../src/index.ts';
import { bit, isVoting, nodeIndex, popcount, quorum } from './rules.ts';
import { EPOCH_FIXABLE_REASONS, type Header, type NodeContext } from './types.ts';

/**
 * Ghost (history) state for the properties that look back (TLA+ history variables). It is
 * part of the fingerprint, so it holds as little as the properties need. Arrays are indexed
 * by node index; epochs are bit positions (the preset's maxEpoch stays below 31).
 */
export interface Ghost {
  /** Epochs in which some replica was promoted (S1). */
  readonly promoted: number;
  /** Per candidate: voters that granted it a vote in its current `failover_auth_epoch` (S2). */
  readonly grants: readonly number[];
  /**
   * Per candidate, S6 bookkeeping: elections started in the current retry window (bits 0-1)
   * and "an epoch-fixable NACK was counted in the current election" (bit 2).
   */
  readonly window: readonly number[];
  /** A NACK fast-fail happened (witness). */
  readonly fastFailed: boolean;
  /** Violated safety properties so far: bit 1 = S1 ... bit 6 = S6 (sticky). */
  readonly violated: number;
  /**
   * With the `bounded-delay` timing assumption: some candidate's auth_retry_time passed while
   * a message of its previous election was still in flight. Such states are outside the
   * boundary (the assumption says a bus message never takes that long).
   */
  readonly late: boolean;
}

/** Bit of property S<i> in {@link Ghost.violated}. */
export const VIOLATION = { S1: 1 << 1, S2: 1 << 2, S3: 1 << 3, S4: 1 << 4, S5: 1 << 5, S6: 1 << 6 } as const;

/** What the monitor needs to know about the cluster beyond the state. */
export interface MonitorFacts {
  /** Node count (live and down). */
  readonly nodes: number;
  /** Actor index of each node, -1 for nodes that are not actors (down at the start). */
  readonly actorOf: readonly number[];
  /** Bitmask: nodes that really support NACK (their version, not anyone's view). */
  readonly capable: number;
  /** Track {@link Ghost.late} (the `bounded-delay` variant). */
  readonly boundedDelay: boolean;
}

const FIXABLE = 1 << 2;

/**
 * The monitor: updates the ghost after each step from the step record (the receiver's
 * context before and after, the messages sent) and the state after the step. Pure.
 */
export function failoverMonitor(facts: MonitorFacts): Monitor<Ghost> {
  const zeros: number[] = new Array(facts.nodes).fill(0);
  return {
    initial: { promoted: 0, grants: zeros, window: zeros, fastFailed: false, violated: 0, late: false },
    step: (ghost, record, state) => stepGhost(facts, ghost, record, state),
  };
}

function stepGhost(facts: MonitorFacts, ghost: Ghost, record: StepRecord, state: SystemState<Ghost>): Ghost {
  if (record.before === undefined || record.after === undefined) return ghost;
  const before = record.before.context as unknown as NodeContext;
  const after = record.after.context as unknown as NodeContext;
  const me = after.k.me;
  const event = record.event as { type: string; from?: string; reason?: number } | undefined;
  let g = ghost;
  // S5: no NACK goes to a node that does not support it (§1.3, §4.2).
  for (const m of record.sent) if (m.type === 'AUTH_NACK' && !bit(facts.capable, nodeIndex(m.to))) g = violate(g, VIOLATION.S5);
  if (event === undefined) return g;
  // Coming back from a pause (§15.1) is neither a vote nor a candidate's step; a restart
  // (§15.4) begins a new retry window, like any other reset of the election.
  if (record.before.value === 'frozen') return event.type === 'RESTART' ? setWindow(g, me, 0) : g;
  const wasVoter = record.before.value === 'voter';
  if (event.type === 'AUTH_REQUEST' && wasVoter && event.from !== undefined) g = onRequest(facts, g, record, before, after, state);
  if (record.before.value === 'voter') return g;
  // From here on: a step of a candidate.
  const retry = event.type.startsWith('xstate.after.authRetry');
  if (retry && facts.boundedDelay && !g.late && electionInFlight(facts, me, state, record.sent)) g = { ...g, late: true };
  // auth_retry_time passed (or the operator forced a failover): a new retry window begins.
  if (retry || event.type === 'FORCE_FAILOVER') g = setWindow(g, me, 0);
  if (after.elections > before.elections) g = onStart(g, me);
  if (record.after.value === 'voter') return onWin(g, me, before);
  const counted = event.type === 'AUTH_NACK' && after.nackCount === before.nackCount + 1;
  if (counted && EPOCH_FIXABLE_REASONS.includes(event.reason ?? 0)) g = setWindow(g, me, g.window[me] | FIXABLE);
  const reset = before.authTime && !after.authTime;
  if (reset && counted) return onFastFail(facts, g, me, after, state);
  // A reset by someone else's claim (§5.1, §2.8) is progress, not a refusal: a new window.
  if (reset) g = setWindow(g, me, 0);
  return g;
}

/**
 * Before this step (the messages it just sent excluded), a request from candidate `me` or a
 * reply to it was still on the bus.
 */
function electionInFlight(facts: MonitorFacts, me: number, state: SystemState<Ghost>, sent: readonly Message[]): boolean {
  const n = state.actors.length;
  const a = facts.actorOf[me];
  const old = (m: Message) => !sent.includes(m);
  for (let other = 0; other < n; other++) {
    if (state.channels[a * n + other].some((m) => m.type === 'AUTH_REQUEST' && old(m))) return true;
    if (state.channels[other * n + a].some((m) => m.type === 'AUTH_ACK' || m.type === 'AUTH_NACK' || m.type === 'UPDATE')) return true;
  }
  return false;
}

function violate(g: Ghost, bitValue: number): Ghost {
  return (g.violated & bitValue) !== 0 ? g : { ...g, violated: g.violated | bitValue };
}

function setAt(values: readonly number[], i: number, value: number): readonly number[] {
  if (values[i] === value) return values;
  const next = values.slice();
  next[i] = value;
  return next;
}

function setWindow(g: Ghost, me: number, value: number): Ghost {
  const window = setAt(g.window, me, value);
  return window === g.window ? g : { ...g, window };
}

/** A voter handled an AUTH_REQUEST: record a grant (S2) and check vote-once (S3). */
function onRequest(facts: MonitorFacts, g: Ghost, record: StepRecord, before: NodeContext, after: NodeContext, state: SystemState<Ghost>): Ghost {
  const acked = record.sent.some((m) => m.type === 'AUTH_ACK');
  if (!acked && after.lastVote === before.lastVote) return g;
  const epoch = after.cur;
  let next = g;
  // S3: a voter grants at most once per epoch (§3 branch 4, §5.6).
  if (before.lastVote === epoch) next = violate(next, VIOLATION.S3);
  const c = nodeIndex((record.event as unknown as { from: string }).from);
  const actor = facts.actorOf[c];
  const candidate = actor < 0 ? undefined : (state.actors[actor].context as unknown as NodeContext);
  if (candidate !== undefined && candidate.authEpoch === epoch) {
    const grants = setAt(next.grants, c, next.grants[c] | (1 << before.k.me));
    if (grants !== next.grants) next = { ...next, grants };
  }
  return next;
}

/** A candidate sent a new AUTH_REQUEST: grants restart; one more election in this window (S6). */
function onStart(g: Ghost, me: number): Ghost {
  const started = g.window[me] & 3;
  let next: Ghost = { ...g, grants: setAt(g.grants, me, 0), window: setAt(g.window, me, Math.min(started + 1, 3)) };
  // S6: a second election in one retry window needs an epoch-fixable refusal in between (#4700).
  if (started >= 1) next = violate(next, VIOLATION.S6);
  return next;
}

/** A candidate won with `before.authEpoch`: S1 one promotion per epoch, S2 backed by a quorum of grants. */
function onWin(g: Ghost, me: number, before: NodeContext): Ghost {
  const epoch = before.authEpoch;
  let next = setWindow(g, me, 0);
  if (bit(next.promoted, epoch)) next = violate(next, VIOLATION.S1);
  next = { ...next, promoted: next.promoted | (1 << epoch) };
  if (popcount(g.grants[me]) < quorum(before)) next = violate(next, VIOLATION.S2);
  return next;
}

/** A counted NACK reset the election (§4.4): S4 asks whether quorum was really out of reach. */
function onFastFail(facts: MonitorFacts, g: Ghost, me: number, after: NodeContext, state: SystemState<Ghost>): Ghost {
  let next: Ghost = g.fastFailed ? g : { ...g, fastFailed: true };
  if ((next.window[me] & FIXABLE) !== 0) next = setWindow(next, me, 0);
  if (reachableVotes(facts, me, after, g.grants[me], state) >= quorum(after)) next = violate(next, VIOLATION.S4);
  return next;
}

/**
 * The real bound on the votes the candidate can still get in `after.authEpoch`, from ghost
 * knowledge of every node: distinct voters that already granted it in that epoch (their ACKs
 * counted or in flight), plus voters with the request still in flight that could still grant
 * it (§3 refusals that can never clear are excluded; PRIMARY_UP and voted_time can clear).
 * Message loss is not assumed (an optimistic bound), so a fast-fail below it is premature.
 * ACKs carried over from an older epoch (§8.3) are not votes in this epoch and do not count.
 */
export function reachableVotes(facts: MonitorFacts, me: number, after: NodeContext, granted: number, state: SystemState<Ghost>): number {
  const epoch = after.authEpoch;
  const meActor = facts.actorOf[me];
  const n = state.actors.length;
  let total = popcount(granted);
  for (let v = 0; v < facts.nodes; v++) {
    const actor = facts.actorOf[v];
    if (actor < 0 || v === me || bit(granted, v) || !isVoting(after, v)) continue;
    const toVoter = state.channels[meActor * n + actor];
    const request = toVoter.find((m) => m.type === 'AUTH_REQUEST' && (m as Message & { hdr: Header }).hdr.cur === epoch) as (Message & { hdr: Header; force: boolean }) | undefined;
    if (request !== undefined && couldStillGrant(facts, state, actor, me, request)) total++;
  }
  return total;
}

function couldStillGrant(facts: MonitorFacts, state: SystemState<Ghost>, actor: number, candidate: number, request: { hdr: Header; force: boolean }): boolean {
  const snapshot = state.actors[actor];
  if (snapshot.value !== 'voter') return false;
  const v = snapshot.context as unknown as NodeContext;
  const epoch = request.hdr.cur;
  if (!isVoting(v, v.k.me) || bit(v.linkLost, candidate)) return false;
  if (!v.k.sw.redis7 && !v.k.safeToJoin) return false;
  if (v.cur > epoch || v.lastVote >= epoch) return false;
  const p = v.role[candidate];
  if (p < 0) return false;
  // PRIMARY_UP clears only if the primary really is down (not a live, unpaused actor).
  const primaryActor = facts.actorOf[p];
  const primaryAlive = primaryActor >= 0 && state.actors[primaryActor].value !== 'paused';
  if (!bit(v.fail, p) && !request.force && primaryAlive) return false;
  const shard = request.hdr.shard;
  if (shard >= 0 && v.owner[shard] >= 0 && v.cfg[v.owner[shard]] > request.hdr.cfg) return false;
  return true;
}
