import { bit, headerOf, isVoting, nodeIndex, nodeName, readersOf, recomputed } from './rules.ts';
import { FAULT, type NodeContext, type Outgoing } from './types.ts';

/**
 * The bodies of the node machine's fault and failure-handling actions (reference §11, §12,
 * §15): FAIL messages and their receipt, FAIL cleared when a node answers again, pause,
 * resume and restart. Pure functions, registered by `machine.ts` like those of actions.ts.
 */
/** An event as a fault action sees it (the same shape as actions.ts' ActionEvent). */
export interface FaultEvent {
  readonly type: string;
  readonly from?: string;
  readonly [key: string]: unknown;
}

type Update = (context: NodeContext, event: FaultEvent) => NodeContext;
type Message = (context: NodeContext, event: FaultEvent) => Outgoing;

const NOBODY: readonly string[] = [];

function from(event: FaultEvent): number {
  return event.from === undefined ? -1 : nodeIndex(event.from);
}

function names(context: NodeContext, mask: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < context.role.length; j++) if (bit(mask, j)) out.push(nodeName(context, j));
  return out;
}

/**
 * §11.6 FAIL receipt (clusterProcessPacket, type FAIL): mark the named node FAIL unless it is
 * me or FAIL already; no quorum check.
 */
const learnFail: Update = (context, event) => {
  const j = event.node as number;
  if (j === context.k.me || bit(context.fail, j)) return context;
  return { ...context, fail: context.fail | (1 << j), pfail: context.pfail & ~(1 << j) };
};

/**
 * §11.7 a PONG from a node I suspect (clusterProcessPacket, PONG on my outbound link): PFAIL
 * is cleared at once; FAIL of a node without voting rights too (clearNodeFailureIfNeeded);
 * a voting primary's FAIL only after 2 * node_timeout, a later CLEAR_FAIL step (§15.3).
 */
const nodeAnswers: Update = (context, event) => {
  const j = from(event);
  if (j < 0 || !bit(context.fail | context.pfail, j)) return context;
  const failCleared = bit(context.fail, j) && !isVoting(context, j);
  return {
    ...context,
    pfail: context.pfail & ~(1 << j),
    fail: failCleared ? context.fail & ~(1 << j) : context.fail,
    back: context.back | (1 << j),
  };
};

/** §11.7 clearNodeFailureIfNeeded, the voting-primary branch: the FAIL is old enough and the node answers. */
const clearFail: Update = (context, event) => {
  const j = event.node as number;
  return { ...context, fail: context.fail & ~(1 << j), back: context.back & ~(1 << j) };
};

/** §15.1 a pause: remember where I was (params.phase, a {@link PHASE} code); one pause per node. */
const rememberPhase = (context: NodeContext, _event: FaultEvent, params: { phase: number }): NodeContext => ({
  ...context,
  faults: context.faults | FAULT.PAUSED,
  resumeTo: params.phase,
});

/** §15.1 resume (SIGCONT): nothing of mine changed while I was stopped; my queued input follows. */
const resume: Update = (context) => ({ ...context, faults: context.faults | FAULT.RESUMED, resumeTo: 0 });

/**
 * §12.4/§15.4 restart from nodes.conf (clusterLoadConfig): `lastVoteEpoch` as saved;
 * `currentEpoch`, configEpochs, roles, slots and flags are kept (saved with the vote or
 * before any later message left, §12.3); the election, the manual failover and Redis 7.0's
 * in-memory `voted_time` start afresh; clusterUpdateState recomputes size/size_fail.
 */
const restart: Update = (context) =>
  recomputed({
      ...context,
      lastVote: context.savedVote,
      authTime: false,
      authSent: false,
      // clusterInit: failover_auth_epoch starts at 0, so V-merged counts any ACK again (§4.6).
      authEpoch: 0,
      authCount: 0,
      nackCount: 0,
      acked: 0,
      nacked: 0,
      mf: false,
      votedRecently: 0,
      faults: context.faults | FAULT.RESTARTED,
      resumeTo: 0,
  });

/** §12.3 the `best-effort` background save completes (clusterSaveConfigBackground): nodes.conf has my last vote. */
const saveConfig: Update = (context) => ({ ...context, savedVote: context.lastVote });

/** Fault and failure-handling context updates by name (registered with `assign`). */
export const faultUpdates = { learnFail, nodeAnswers, clearFail, resume, restart, saveConfig };

/** Context updates with params, by name (registered with `assign`). */
export const paramUpdates = { rememberPhase };

/**
 * A paused node stops answering: every peer's failure detector will notice (§6). Only peers
 * that read the FAIL flag are told: replicas (size_fail, their primary), and everyone when
 * I have replicas (§3 branch 5c); for the others the flag would be noise.
 */
const stopAnswering: Message = (context) => ({ type: 'DOWN', to: names(context, readersOf(context, context.k.me, true)) });

/**
 * §11.7/§15.1 back after a pause or a restart: I answer pings again, a PONG with my header to
 * the peers that were told I stopped answering.
 */
const answerAgain: Message = (context) => ({ type: 'PONG', to: names(context, readersOf(context, context.k.me, true)), hdr: headerOf(context) });

/**
 * §11.5/§11.6 clusterSendFail after markNodeAsFailing: a failure reporter broadcasts FAIL
 * about `event.node` to the peers that read that flag, over its outbound links; nodes that
 * are not reporters send nothing (§15.2: their own marks stand for the FAIL they received).
 */
const sendFail: Message = (context, event) => {
  const j = event.node as number;
  const to = context.k.reportsFail ? names(context, readersOf(context, j, false) & ~context.linkLost) : NOBODY;
  return { type: 'FAIL', to, hdr: headerOf(context), node: j };
};


/** Fault and failure-handling messages by name (registered with `emit`). */
export const faultMessages = { stopAnswering, answerAgain, sendFail };
