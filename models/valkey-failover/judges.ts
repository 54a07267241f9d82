import type { Message, Monitor, StepRecord, SystemState } from '../../src/index.ts';
import { count, has, indexOf, SEEN, setAt, VIOLATION, type Ghost, type JudgeFacts } from './ghost.ts';
import { PRIMARY } from './types.ts';

/**
 * The judges' monitor: records facts from each step record and flags the safety properties
 * at the step that breaks them. What it reads, and only that:
 * - the delivered message or environment event (`record.event`): who asked whom for which
 *   epoch (an AUTH_REQUEST's header), a NACK's reason and echoed epoch, PAUSE, MARK_FAIL,
 *   FORCE_FAILOVER, MF_TIMEOUT, the auth_timeout and auth_retry_time timers;
 * - the messages the step put on the bus (`record.sent`): grants (AUTH_ACK to the requester),
 *   NACKs and to whom, election starts (AUTH_REQUEST with its epoch and configEpoch);
 * - from the step record's snapshots, only the decisions being judged, observed and never
 *   recomputed: whether the node now acts as a primary, with which shard and configEpoch
 *   (a promotion, a slot claim), and whether the step ended its election
 *   (`failover_auth_time` from set to 0);
 * - the preset's configuration ({@link JudgeFacts}: true size, who is down, capability).
 * It never calls a guard, an action or a model helper, and never reads a voter's
 * lastVoteEpoch, a candidate's counters or anyone's cached size. Pure. It is `local` (reads
 * the record and the ghost only) unless the `bounded-delay` assumption needs the messages
 * in flight, so the packed engine memoises it per (ghost, step).
 */
export function failoverMonitor(facts: JudgeFacts): Monitor<Ghost> {
  return {
    initial: facts.initial,
    local: !facts.boundedDelay,
    step: (ghost, record, state) => judgeStep(facts, ghost, record, state),
  };
}

/** Reasons a new election epoch can fix (§4.1, §8.5): REQ_EPOCH_OLD, ALREADY_VOTED, STALE_CONFIG. */
const FIXABLE_REASONS = [2, 3, 7];

interface Header {
  readonly cur: number;
  readonly cfg: number;
  readonly primary: boolean;
  readonly shard: number;
}

type Event = {
  readonly type: string;
  readonly from?: string;
  readonly hdr?: Header;
  readonly epoch?: number;
  readonly reason?: number;
  readonly node?: number;
};

function violate(g: Ghost, flag: number): Ghost {
  return (g.violated & flag) !== 0 ? g : { ...g, violated: g.violated | flag };
}

function judgeStep(f: JudgeFacts, ghost: Ghost, record: StepRecord, state: SystemState<Ghost>): Ghost {
  const event = record.event as Event | undefined;
  if (record.actor < 0) return event === undefined ? ghost : onDrop(ghost, event as Event & Message);
  if (event === undefined || record.before === undefined || record.after === undefined) return ghost;
  const me = f.nodeOf[record.actor];
  const mine = 1 << me;
  let g = ghost;
  // Pauses are facts of the environment; a paused node that does anything again runs.
  if (event.type === 'PAUSE') g = { ...g, paused: g.paused | mine, stopped: g.stopped | mine };
  else if ((g.paused & mine) !== 0 && (record.after !== record.before || record.sent.length > 0)) g = { ...g, paused: g.paused & ~mine };
  // S5: no NACK goes to a node that does not support it (§1.3, §4.2).
  for (const m of record.sent) if (m.type === 'AUTH_NACK' && !has(f.capable, indexOf(m.to))) g = violate(g, VIOLATION.S5);
  switch (event.type) {
    case 'AUTH_REQUEST':
      if (event.from !== undefined && event.hdr !== undefined) g = onRequest(g, me, indexOf(event.from), event.hdr.cur, record.sent);
      break;
    case 'AUTH_NACK':
      g = onNack(f, g, me, event, record);
      break;
    case 'MARK_FAIL':
      if (event.node !== undefined && has(f.down | g.stopped, event.node)) g = { ...g, knowsFail: setAt(g.knowsFail, me, g.knowsFail[me] | (1 << event.node)) };
      break;
    case 'FORCE_FAILOVER':
      // CLUSTER FAILOVER FORCE (§2.6): a manual failover and a new retry window.
      g = newWindow({ ...g, forced: g.forced | mine }, me);
      break;
    case 'MF_TIMEOUT':
      g = { ...g, forced: g.forced & ~mine };
      break;
    default:
      if (event.type.startsWith('xstate.after.authRetry')) g = onRetry(f, g, me, state, record.sent);
      else if (event.type.startsWith('xstate.after.authTimeout')) g = onTimeout(f, g, me);
  }
  // A claim reset ends the election without a NACK verdict (§5.1, §2.8): progress, a new window.
  if (event.type !== 'AUTH_NACK' && endsElection(record)) g = newWindow(g, me);
  return onSent(f, g, me, record);
}

/** `failover_auth_time` went from set to 0 in this step. */
function endsElection(record: StepRecord): boolean {
  const before = record.before!.context as { authTime?: boolean };
  const after = record.after!.context as { authTime?: boolean };
  return before.authTime === true && after.authTime === false;
}

function setWindow(g: Ghost, me: number, value: number): Ghost {
  const window = setAt(g.window, me, value);
  return window === g.window ? g : { ...g, window };
}

/** A new retry window: no election started in it yet, no refusal recorded for it (the ghost forgets what no judge reads again). */
function newWindow(g: Ghost, me: number): Ghost {
  const next = setWindow(g, me, 0);
  const fixable = setAt(next.fixable, me, 0);
  return fixable === next.fixable ? next : { ...next, fixable };
}

/** A dropped reply costs the candidate that vote; a dropped claim leaves its receiver behind. */
function onDrop(g: Ghost, m: Event & Message): Ghost {
  const to = indexOf(m.to);
  if (m.type === 'PONG' || m.type === 'UPDATE') return has(g.missed, to) ? g : { ...g, missed: g.missed | (1 << to) };
  if (m.type !== 'AUTH_ACK' || m.hdr === undefined) return g;
  const from = indexOf(m.from);
  if (m.hdr.cur !== g.epoch[to] || !has(g.grants[to], from)) return g;
  return { ...g, grants: setAt(g.grants, to, g.grants[to] & ~(1 << from)), refused: setAt(g.refused, to, g.refused[to] | (1 << from)) };
}

/**
 * Voter `me` handled candidate `c`'s request for epoch `e`: an AUTH_ACK to `c` in the same
 * step is a grant in `e`, anything else a refusal. S3 is judged as "each grant's epoch is
 * above the voter's previous grant's": strictly increasing grants give one grant per epoch,
 * and upstream's lastVoteEpoch rule (§3 branches 3-4: refuse `reqEpoch < currentEpoch` and
 * `lastVoteEpoch == currentEpoch`, then `lastVoteEpoch = currentEpoch`) guarantees it. The
 * ghost keeps one epoch per voter instead of the set of epochs it granted, which would add
 * history the state does not have (+69% states on `minimal` under redis-7.0); the price is
 * that a late grant for an older epoch nobody else got is flagged too.
 */
function onRequest(g: Ghost, me: number, c: number, e: number, sent: readonly Message[]): Ghost {
  const granted = sent.some((m) => m.type === 'AUTH_ACK' && indexOf(m.to) === c);
  const current = g.epoch[c] === e;
  if (!granted) return current ? { ...g, refused: setAt(g.refused, c, g.refused[c] | (1 << me)) } : g;
  let next = e <= g.voted[me] ? violate(g, VIOLATION.S3) : g;
  next = { ...next, voted: setAt(next.voted, me, Math.max(e, next.voted[me])) };
  if (current) next = { ...next, grants: setAt(next.grants, c, next.grants[c] | (1 << me)) };
  return next;
}

/**
 * Votes candidate `me` can still get: shards whose claimed owner already granted `me` this
 * epoch, or is up and not in `unavailable`. Its own shard counts only while the claim there is the one its request
 * named (its primary, which may vote under FORCEACK); a newer claim there (a sibling won)
 * is refused by that owner with STALE_CONFIG (§3 branch 6).
 */
function reachable(f: JudgeFacts, g: Ghost, me: number, unavailable: number): number {
  // A grant already sent to `me` in this epoch is on the wire and will be counted (FIFO, no
  // loss unless a drop is budgeted), so its voter is reachable even if it stopped since (lead (b)).
  const out = (unavailable | f.down | g.paused) & ~g.grants[me];
  const own = f.shardOf[me];
  let n = 0;
  for (let s = 0; s < g.owner.length; s++) {
    if (s === own && g.ownerEpoch[s] > g.basis[me]) continue;
    if (!has(out, g.owner[s])) n++;
  }
  return n;
}

/** Voters whose last grant is for epoch `e` or later: vote-once or REQ_EPOCH_OLD keeps them from granting `e` to anyone else. */
function grantedSince(g: Ghost, e: number): number {
  let mask = 0;
  for (let v = 0; v < g.voted.length; v++) if (g.voted[v] >= e) mask |= 1 << v;
  return mask;
}

/**
 * A NACK reached candidate `me`. An epoch-fixable one for its current epoch, arriving while
 * that election's request is outstanding (`failover_auth_time != 0 && failover_auth_sent`,
 * read from the step record like the reset itself), is recorded (S6, S7). If the step ended the election and the NACK's header made no configEpoch claim
 * at or above the election's epoch (that reset is §5.1's, not a fast-fail), it was a
 * fast-fail; S4: the refusals recorded for this epoch (sent by the voters, whatever they
 * were), the voters that already granted this epoch or a later one, and the primaries
 * really down must leave fewer than a quorum.
 */
function onNack(f: JudgeFacts, g: Ghost, me: number, event: Event, record: StepRecord): Ghost {
  const from = event.from === undefined ? -1 : indexOf(event.from);
  const epoch = g.epoch[me];
  let next = g;
  const before = record.before!.context as { authTime?: boolean; authSent?: boolean };
  const outstanding = before.authTime === true && before.authSent === true;
  if (outstanding && from >= 0 && event.epoch === epoch && FIXABLE_REASONS.includes(event.reason ?? 0)) {
    next = { ...next, fixable: setAt(next.fixable, me, next.fixable[me] | (1 << from)) };
  }
  if (!endsElection(record)) return next;
  const hdr = event.hdr;
  if (hdr !== undefined && hdr.primary && hdr.cfg >= epoch) return newWindow(next, me);
  if (!next.fastFailed) next = { ...next, fastFailed: true };
  if ((next.seen & SEEN.W4) === 0 && outOfReach(f, next, me)) next = { ...next, seen: next.seen | SEEN.W4 };
  // A fast-fail after an epoch-fixable refusal may start the next election at once (#4700).
  if (next.fixable[me] !== 0) next = newWindow(next, me);
  if (reachable(f, next, me, next.refused[me] | (grantedSince(next, epoch) & ~next.grants[me])) >= f.quorum) next = violate(next, VIOLATION.S4);
  return next;
}

/**
 * Candidate `me`'s election ran into auth_timeout. S7: if the epoch-fixable refusals that
 * reached it for this epoch, with the down primaries it knows are FAIL, already put quorum
 * out of reach, it should have fast-failed when the last of them arrived (§4.4). At least one
 * such NACK must have arrived: the premise is about what the candidate was told.
 */
function onTimeout(f: JudgeFacts, g: Ghost, me: number): Ghost {
  // A fast-fail is a reaction to a NACK (§4.4): with none received there was nothing to react
  // to, and a stopped voter known FAIL may still resume and answer (§15.1), so no verdict.
  return g.fixable[me] !== 0 && outOfReach(f, g, me) ? violate(g, VIOLATION.S7) : g;
}

/** S7's premise: the epoch-fixable NACKs that reached `me` and the down primaries it knows are FAIL leave less than a quorum. */
function outOfReach(f: JudgeFacts, g: Ghost, me: number): boolean {
  const known = g.knowsFail[me] & (f.down | g.paused);
  return reachable(f, g, me, g.fixable[me] | known) < f.quorum;
}

/** auth_retry_time passed: a new retry window (S6); with bounded-delay, was anything still in flight? */
function onRetry(f: JudgeFacts, g: Ghost, me: number, state: SystemState<Ghost>, sent: readonly Message[]): Ghost {
  let next = newWindow(g, me);
  if (f.boundedDelay && !next.late && electionInFlight(f, me, state, sent)) next = { ...next, late: true };
  return next;
}

/**
 * Before this step (the messages it just sent excluded), a request from candidate `me` or a
 * reply to it was still on the bus. Only with `bounded-delay` (the monitor is then not local).
 */
function electionInFlight(f: JudgeFacts, me: number, state: SystemState<Ghost>, sent: readonly Message[]): boolean {
  const n = state.actors.length;
  const a = f.actorOf[me];
  const old = (m: Message) => !sent.includes(m);
  for (let other = 0; other < n; other++) {
    if (state.channels[a * n + other].some((m) => m.type === 'AUTH_REQUEST' && old(m))) return true;
    if (state.channels[other * n + a].some((m) => m.type === 'AUTH_ACK' || m.type === 'AUTH_NACK' || m.type === 'UPDATE')) return true;
  }
  return false;
}

/** What the step did in the open: election starts (on the bus), then the node's own role and slots. */
function onSent(f: JudgeFacts, g: Ghost, me: number, record: StepRecord): Ghost {
  let next = g;
  const request = record.sent.find((m) => m.type === 'AUTH_REQUEST') as (Message & { hdr: Header }) | undefined;
  if (request !== undefined) next = onStart(next, me, request.hdr.cur, request.hdr.cfg);
  return onRole(f, next, me, record);
}

/** A node's own claim: it acts as a primary, with the shard it serves and its configEpoch; undefined for a replica. */
interface Claim {
  readonly shard: number;
  readonly cfg: number;
}

function claimOf(snapshot: { context: unknown }, me: number): Claim | undefined {
  const ctx = snapshot.context as { role: readonly number[]; owner: readonly number[]; cfg: readonly number[] };
  return ctx.role[me] === PRIMARY ? { shard: ctx.owner.indexOf(me), cfg: ctx.cfg[me] } : undefined;
}

/**
 * The node's own role and slots, from the step record: whether it acts as a primary, which
 * shard it serves and with which configEpoch (what it serves and announces in every header).
 * A replica becoming a primary is a promotion; a primary's claim with a configEpoch above
 * the shard's highest so far makes it the shard's owner (§5.2). Observed, never recomputed:
 * a winner that tells nobody is still promoted, and L3 sees that nobody learned it.
 */
function onRole(f: JudgeFacts, g: Ghost, me: number, record: StepRecord): Ghost {
  if (record.after === record.before) return g;
  const claim = claimOf(record.after!, me);
  const mine = 1 << me;
  if (claim === undefined) return (g.primaries & mine) === 0 ? g : { ...g, primaries: g.primaries & ~mine };
  let next = g;
  if ((next.primaries & mine) === 0) next = onPromotion(f, { ...next, primaries: next.primaries | mine }, me, claim);
  if (claim.shard >= 0 && claim.shard < next.owner.length && claim.cfg > next.ownerEpoch[claim.shard]) {
    next = { ...next, owner: setAt(next.owner, claim.shard, me), ownerEpoch: setAt(next.ownerEpoch, claim.shard, claim.cfg) };
  }
  return next;
}

/**
 * Candidate `me` sent AUTH_REQUEST for epoch `e`, naming configEpoch `basis` for the primary
 * it replaces: a new election; S6 one per retry window unless refused.
 */
function onStart(g: Ghost, me: number, e: number, basis: number): Ghost {
  const started = g.window[me];
  let next: Ghost = {
    ...g,
    epoch: setAt(g.epoch, me, e),
    basis: setAt(g.basis, me, basis),
    grants: setAt(g.grants, me, 0),
    refused: setAt(g.refused, me, 0),
    fixable: setAt(g.fixable, me, 0),
    window: setAt(g.window, me, Math.min(started + 1, 3)),
  };
  // S6: a second election in one retry window needs an epoch-fixable refusal in between (#4700).
  if (started >= 1) next = violate(next, VIOLATION.S6);
  return next;
}

/**
 * Node `me`, a replica so far, announced the PRIMARY role: it was promoted, with the epoch
 * of its latest request. S1: one promotion per epoch. S2: grants from a quorum of distinct
 * voters in that epoch, quorum over the preset's true size. S8: the claim it replaces, if
 * its request named it (the request's configEpoch is at least that claim's: the candidate
 * knew whom it replaced), is not a primary that is up and never stopped, unless a manual
 * failover runs. A replica that won over a sibling's claim it had not heard of replaced the
 * failed primary; that race is settled by the higher configEpoch (§5.2), not by S8.
 */
function onPromotion(f: JudgeFacts, g: Ghost, me: number, hdr: Claim): Ghost {
  const epoch = g.epoch[me];
  let next = newWindow(g, me);
  if (has(next.promoted, epoch)) next = violate(next, VIOLATION.S1);
  next = { ...next, promoted: next.promoted | (1 << epoch) };
  if (count(next.grants[me]) < f.quorum) next = violate(next, VIOLATION.S2);
  if (hdr.shard >= 0 && hdr.shard < next.owner.length) {
    const previous = next.owner[hdr.shard];
    const knew = next.basis[me] >= next.ownerEpoch[hdr.shard];
    const up = previous !== me && knew && !has(next.stopped | next.paused, previous);
    if (up && !has(next.forced, me)) next = violate(next, VIOLATION.S8);
    if (up && has(next.forced, me) && (next.seen & SEEN.W5) === 0) next = { ...next, seen: next.seen | SEEN.W5 };
  }
  if (has(next.forced, me)) next = { ...next, forced: next.forced & ~(1 << me) };
  return next;
}
