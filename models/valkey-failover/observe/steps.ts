import type { ActorSystemModel, Message, SystemAction, SystemState } from '../../../src/index.ts';
import type { StepObservation } from '../../../src/index.ts';
import type { Ghost } from '../ghost.ts';
import { bit, nodeIndex, quorum } from '../rules.ts';
import { NACK_REASON, PRIMARY, type Header, type NodeContext } from '../types.ts';
import { PHASE, VOTED_RECENTLY } from './lines.ts';

/** Refusal reason of the voter's AUTH_REQUEST branch, by the guard of the transition taken (machine.ts). */
const DENY_BY_GUARD: Readonly<Record<string, number>> = {
  notSafeToJoin: NACK_REASON.NOT_SAFE,
  reqEpochOld: NACK_REASON.REQ_EPOCH_OLD,
  alreadyVoted: NACK_REASON.ALREADY_VOTED,
  requesterIsPrimary: NACK_REASON.REQ_IS_PRIMARY,
  noPrimary: NACK_REASON.NO_PRIMARY,
  primaryUp: NACK_REASON.PRIMARY_UP,
  votedRecently: VOTED_RECENTLY,
  staleConfig: NACK_REASON.STALE_CONFIG,
};

/**
 * The abstraction function of trace validation for the failover model: the observations
 * one step produces, read off the step itself — the acting node, the event (message or
 * environment/timer event), its context and statechart state before and after, and, for a
 * request a voter answers, the guard of the transition its machine took. `kinds` are the
 * observation kinds the server's log writes (Redis 7.0 logs no NACK, no ACK, no reset);
 * others are unobservable. Pure.
 */
export function stepObserver(model: ActorSystemModel<Ghost>, kinds: ReadonlySet<string>): (before: SystemState<Ghost>, action: SystemAction, after: SystemState<Ghost>) => StepObservation[] {
  const n = model.actorIds.length;
  const nodeOf = model.actorIds.map(nodeIndex);
  const NONE: StepObservation[] = [];
  return (before, action, after) => {
    let actor: number;
    let event: Message | { readonly type: string; readonly node?: number } | undefined;
    if (action.kind === 'event') {
      actor = action.actor;
      event = action.event as { type: string; node?: number };
    } else if (action.kind === 'deliver') {
      actor = action.link % n;
      event = before.channels[action.link][action.index];
    } else {
      return NONE;
    }
    const b = before.actors[actor];
    const a = after.actors[actor];
    const bc = b.context as unknown as NodeContext;
    const ac = a.context as unknown as NodeContext;
    const me = nodeOf[actor];
    const out: StepObservation[] = [];
    const push = (kind: string, fields: Record<string, number>): void => {
      if (kinds.has(kind)) out.push({ node: me, kind, fields });
    };
    const from = 'from' in event && typeof event.from === 'string' ? nodeIndex(event.from) : -1;
    if (event.type === 'MARK_FAIL') {
      const j = (event as { node: number }).node;
      if (!bit(bc.fail, j) && bit(ac.fail, j)) push('fail', { about: j });
      return out;
    }
    if (event.type === 'AUTH_REQUEST' && b.value === 'voter') {
      const hdr = (event as Message & { hdr: Header }).hdr;
      if (ac.lastVote !== bc.lastVote) {
        push('grant', { to: from, epoch: ac.lastVote });
        return out;
      }
      const result = model.compiled[actor].step(b.config, b.context, event);
      const guard = result === undefined || result.taken.length === 0 ? undefined : model.compiled[actor].transitions[result.taken[0]].guard;
      const reason = guard === undefined ? undefined : DENY_BY_GUARD[guard];
      if (reason !== undefined) push('deny', { to: from, reason, epoch: ac.cur, reqEpoch: hdr.cur, reqConfigEpoch: hdr.cfg });
      return out;
    }
    // Candidate side: replies counted, resets, scheduling, start, win, role changes.
    if (ac.authCount > bc.authCount) push('ack', { from, epoch: ac.authEpoch, count: ac.authCount });
    const nacked = ac.nackCount > bc.nackCount && ac.authSent;
    if (nacked) push('nack', { from, reason: (event as unknown as { reason: number }).reason, epoch: ac.authEpoch, count: ac.nackCount });
    const won = bc.role[me] !== PRIMARY && ac.role[me] === PRIMARY;
    const switched = bc.role[me] !== ac.role[me] && ac.role[me] >= 0;
    if (bc.authTime && !ac.authTime && !won && !switched && event.type !== 'FORCE_FAILOVER') {
      if (nacked) push('fastfail', { epoch: ac.authEpoch, count: ac.nackCount });
      else {
        const hdr = (event as { hdr?: Header }).hdr;
        push('reset', { epoch: bc.authEpoch, from, claim: hdr === undefined ? -1 : hdr.cfg });
      }
    }
    // A (re)scheduled election: the transition ran scheduleElection (a retry from `expired`
    // keeps failover_auth_time set, so the context alone does not show it).
    if (action.kind === 'event' && kinds.has('schedule') && ac.authTime) {
      const result = model.compiled[actor].step(b.config, b.context, event);
      const transitions = model.compiled[actor].transitions;
      if (result !== undefined && result.taken.some((t) => transitions[t].actions.includes('scheduleElection'))) push('schedule', {});
    }
    if (ac.elections > bc.elections) push('start', { epoch: ac.authEpoch, cfg: bc.role[me] >= 0 ? ac.cfg[bc.role[me]] : 0 });
    if (won) {
      push('win', {});
      if (ac.cfg[me] > bc.cfg[me]) push('cfgset', { epoch: ac.cfg[me] });
    }
    if (switched) push('follow', { of: ac.role[me] });
    for (let j = 0; j < ac.role.length; j++) {
      if (j !== me && bc.role[j] !== PRIMARY && ac.role[j] === PRIMARY) push('primary', { of: j });
    }
    return out;
  };
}

const PHASE_STATE: Readonly<Record<number, string>> = { [PHASE.delayed]: 'delayed', [PHASE.waiting]: 'waiting', [PHASE.expired]: 'expired' };

/**
 * Whether a probe line holds in a state: "Currently unable to failover: <reason>" names the
 * candidate's phase (WAITING_VOTES also means fewer votes than the quorum, else it would have
 * won), "Needed quorum: Q. Number of votes received so far: V" the quorum and the ACK count. Pure.
 */
export function probeHolds(model: ActorSystemModel<Ghost>, state: SystemState<Ghost>, node: number, kind: string, fields: Readonly<Record<string, number>>): boolean {
  const actor = model.actorIds.findIndex((id) => nodeIndex(id) === node);
  if (actor < 0) return false;
  const snapshot = state.actors[actor];
  const ctx = snapshot.context as unknown as NodeContext;
  const phase = typeof snapshot.value === 'object' ? (snapshot.value as { candidate?: string }).candidate : undefined;
  if (kind === 'phase') return phase === PHASE_STATE[fields.phase] && (fields.phase !== PHASE.waiting || ctx.authCount < quorum(ctx));
  if (kind === 'votes') return phase !== undefined && quorum(ctx) === fields.quorum && ctx.authCount === fields.votes;
  return false;
}
