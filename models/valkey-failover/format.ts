import type { ActorSpec, Message, SystemAction, SystemState } from '../../src/index.ts';
import { canFailover, startsAtOnce } from './rules.ts';
import { NACK_REASON_NAME, type Header, type NodeContext } from './types.ts';

/**
 * Actions in protocol words: "R3 receives AUTH_ACK(epoch 5) from P1", "R3 starts election
 * for epoch 5", "P1 marks P0 FAIL". The label depends only on the action and the state it
 * is taken in, so traces are stable. Pure.
 */
export function formatFailoverAction(action: SystemAction, state: SystemState<unknown>, actors: readonly ActorSpec[]): string {
  const n = actors.length;
  if (action.kind === 'deliver' || action.kind === 'drop') {
    const message = state.channels[action.link][action.index] as Message & Record<string, unknown>;
    const to = actors[action.link % n].id;
    const receiver = state.actors[action.link % n].context as unknown as NodeContext;
    if (action.kind === 'drop') return `the network drops ${describe(message, receiver)} from ${message.from} to ${to}`;
    return receive(message, to, state.actors[action.link % n].context as unknown as NodeContext, state.actors[action.link % n].value);
  }
  const id = actors[action.actor].id;
  const snapshot = state.actors[action.actor];
  const ctx = snapshot.context as unknown as NodeContext;
  const event = action.event as { type: string; node?: number };
  const name = (j: number) => `${(ctx.k.replicaMask >> j) & 1 ? 'R' : 'P'}${j}`;
  switch (event.type) {
    case 'HANDLE_FAILOVER':
      if (ctx.authSent && ctx.authTime) return `${id} wins the election for epoch ${ctx.authEpoch} (failover_auth_count ${ctx.authCount})`;
      return startsAtOnce(ctx) && canFailover(ctx) ? `${id} starts election for epoch ${ctx.cur + 1} at once` : `${id} schedules an election (delay)`;
    case 'MARK_FAIL':
      return `${id} marks ${name(event.node ?? -1)} FAIL`;
    case 'UPDATE_STATE':
      return `${id} recomputes size/size_fail (clusterUpdateState)`;
    case 'PAUSE':
      return `${id} pauses`;
    case 'RESUME':
      return `${id} resumes (its queued input follows)`;
    case 'RESTART':
      return `${id} restarts from nodes.conf (lastVoteEpoch ${ctx.savedVote})`;
    case 'SAVE_CONFIG':
      return `${id} saves nodes.conf in the background (lastVoteEpoch ${ctx.lastVote})`;
    case 'CLEAR_FAIL':
      return `${id} clears FAIL of ${name(event.node ?? -1)} (reachable again)`;
    case 'LINK_LOSS':
      return `${id} loses its link to ${name(event.node ?? -1)}`;
    case 'FORCE_FAILOVER':
      return `operator runs CLUSTER FAILOVER FORCE on ${id}`;
    case 'MF_TIMEOUT':
      return `${id}'s manual failover times out`;
    case 'VOTED_TIME_EXPIRES':
      return `${id}'s voted_time for ${name(event.node ?? -1)} expires`;
    default:
      return timer(event.type, id, ctx);
  }
}

function timer(type: string, id: string, ctx: NodeContext): string {
  if (type.includes('.electionDelay.')) return `${id} starts election for epoch ${ctx.cur + 1}`;
  if (type.includes('.authTimeout.')) return `${id}'s election for epoch ${ctx.authEpoch} expires (auth_timeout)`;
  if (type.includes('.authRetry.')) {
    return startsAtOnce(ctx) ? `${id} retries: starts election for epoch ${ctx.cur + 1} at once` : `${id} retries: schedules an election (auth_retry_time passed)`;
  }
  return `${id} handles ${type}`;
}

function describe(m: Record<string, unknown>, ctx: NodeContext): string {
  const hdr = m.hdr as Header | undefined;
  switch (m.type) {
    case 'AUTH_REQUEST':
      return `AUTH_REQUEST(epoch ${hdr?.cur}${m.force ? ', FORCEACK' : ''})`;
    case 'AUTH_ACK':
      return `AUTH_ACK(epoch ${hdr?.cur})`;
    case 'AUTH_NACK': {
      const extra = hdr !== undefined && hdr.cur !== m.epoch ? `; header epoch ${hdr.cur}` : '';
      return `AUTH_NACK(epoch ${m.epoch}, ${NACK_REASON_NAME[m.reason as number] ?? 'unknown'}${extra})`;
    }
    case 'UPDATE':
      return `UPDATE(${(ctx.k.replicaMask >> (m.node as number)) & 1 ? 'R' : 'P'}${m.node} configEpoch ${m.cfg})`;
    case 'PONG':
      return hdr?.primary ? `PONG(primary of shard ${hdr.shard}, configEpoch ${hdr.cfg})` : 'PONG(replica)';
    case 'FAIL':
      return `FAIL(${(ctx.k.replicaMask >> (m.node as number)) & 1 ? 'R' : 'P'}${m.node})`;
    default:
      return String(m.type);
  }
}

function receive(m: Message & Record<string, unknown>, to: string, ctx: NodeContext, value: unknown): string {
  if (m.type === 'DOWN') return `${to} notices ${m.from} stopped answering (PFAIL)`;
  const base = `${to} receives ${describe(m, ctx)} from ${m.from}`;
  const candidate = typeof value === 'object' && value !== null && 'candidate' in value;
  if (m.type === 'AUTH_ACK' && candidate && !(ctx.authTime && ctx.authSent)) return `${base} while no request is outstanding`;
  return base;
}
