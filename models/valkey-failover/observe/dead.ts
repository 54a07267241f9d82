import type { ActorSystemModel, SystemState } from '../../../src/index.ts';
import type { Ghost } from '../ghost.ts';
import { bit, nodeIndex } from '../rules.ts';
import type { NodeContext } from '../types.ts';
import { PHASE } from './lines.ts';

/**
 * Whether a logged node's next observation can no longer be produced from `state` (trace
 * validation prunes such pairs). Each rule rests on a counter that never goes back, or on a
 * change that would itself be observed first (and so would have to match this observation,
 * which it cannot): `currentEpoch`, `lastVoteEpoch`, `failover_auth_epoch` and FAIL flags
 * only grow; the NACK/ACK counters change only by a counted reply (observed) or a new
 * election (its start is observed); a candidate's phase moves idle -> delayed -> waiting
 * only by observed steps (schedule, start). Pure; never says true unless certain.
 */
export function observationDead(
  model: ActorSystemModel<Ghost>,
  state: SystemState<Ghost>,
  node: number,
  kind: string,
  fields: Readonly<Record<string, number>>,
  kinds: ReadonlySet<string>,
): boolean {
  const actor = model.actorIds.findIndex((id) => nodeIndex(id) === node);
  if (actor < 0) return true;
  const snapshot = state.actors[actor];
  if (snapshot.value === 'paused') return true;
  const ctx = snapshot.context as unknown as NodeContext;
  const phase = typeof snapshot.value === 'object' ? (snapshot.value as { candidate?: string }).candidate : undefined;
  switch (kind) {
    case 'fail':
      return bit(ctx.fail, fields.about);
    case 'start':
      return ctx.cur >= fields.epoch;
    case 'grant':
      return ctx.cur > fields.epoch || ctx.lastVote >= fields.epoch;
    case 'nack':
      return !ctx.k.sw.nack || ctx.authEpoch !== fields.epoch || ctx.nackCount + 1 !== fields.count;
    case 'ack':
      return kinds.has('ack') && (ctx.authEpoch !== fields.epoch || ctx.authCount + 1 !== fields.count);
    case 'fastfail':
      // Always printed in the step that counts the NACK, so it never comes first.
      return true;
    case 'reset':
      return ctx.k.sw.redis7;
    case 'phase':
      if (fields.phase === PHASE.waiting || fields.phase === PHASE.delayed) return phase !== (fields.phase === PHASE.waiting ? 'waiting' : 'delayed');
      return phase !== 'waiting' && phase !== 'expired';
    case 'votes':
      return phase === undefined || (!kinds.has('ack') && ctx.authCount > fields.votes);
    default:
      return false;
  }
}
