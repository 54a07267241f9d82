import { describe, expect, test } from 'vitest';
import type { FailoverConfig } from '../../../models/valkey-failover/config.ts';
import { NACK_REASON, type NodeContext } from '../../../models/valkey-failover/types.ts';
import { at, input, primaryHeader, replicaMachine, step, SMALL } from './helpers.ts';

// Two replicas of P0 make R3 not best-ranked (a delayed start, §2.3); SMALL's R3 alone is best-ranked.
const SIBLINGS: FailoverConfig = { ...SMALL, nodes: [...SMALL.nodes, { replicaOf: 0 }] };
const p1 = input(1);
const p2 = input(2);
const ack = (epoch: number, from = p1) => ({ type: 'AUTH_ACK', from: `P${from.k.me}`, hdr: primaryHeader(from, epoch) });
const nack = (epoch: number, reason: number, hdrEpoch = epoch, from = p1) => ({
  type: 'AUTH_NACK',
  from: `P${from.k.me}`,
  hdr: primaryHeader(from, hdrEpoch),
  epoch,
  reason,
});
const delayTimer = { type: 'xstate.after.electionDelay.node.candidate.delayed' };
const timeoutTimer = { type: 'xstate.after.authTimeout.node.candidate.waiting' };
const retryTimer = { type: 'xstate.after.authRetry.node.candidate.expired' };

/** R3 waiting for votes in epoch 4 (request sent), under `variants`. */
function waiting(variants: string[] = [], patch: Partial<NodeContext> = {}) {
  const ctx: NodeContext = { ...input(3, variants), cur: 4, authEpoch: 4, authTime: true, authSent: true, elections: 1, ...patch };
  return at(replicaMachine, { candidate: 'waiting' }, ctx);
}

describe('candidate: clusterHandleReplicaFailover (reference §2)', () => {
  test('§2.4 step 1: no election while my primary is not FAIL', () => {
    const out = step(replicaMachine, at(replicaMachine, { candidate: 'idle' }, { ...input(3), fail: 0 }), { type: 'HANDLE_FAILOVER' });
    expect(out.value).toEqual({ candidate: 'idle' });
  });

  test('§2.4 step 4: scheduling clears count, nack_count and sent, and waits the delay', () => {
    const ctx = { ...input(3, [], SIBLINGS), authCount: 2, nackCount: 1, authSent: true };
    const out = step(replicaMachine, at(replicaMachine, { candidate: 'idle' }, ctx), { type: 'HANDLE_FAILOVER' });
    expect(out.value).toEqual({ candidate: 'delayed' });
    expect(out.context).toMatchObject({ authTime: true, authSent: false, authCount: 0, nackCount: 0 });
    expect(out.sent).toEqual([]);
  });

  test('§2.4 step 4, PR #2227: a best-ranked replica schedules and sends in one call, with FORCEACK', () => {
    const out = step(replicaMachine, at(replicaMachine, { candidate: 'idle' }, input(3)), { type: 'HANDLE_FAILOVER' });
    expect(out.value).toEqual({ candidate: 'waiting' });
    expect(out.sent[0]).toMatchObject({ type: 'AUTH_REQUEST', force: true, hdr: { cur: 4 } });
  });

  test('§2.4 step 8: the delay elapses, currentEpoch + 1, AUTH_REQUEST to every other node', () => {
    const ctx = { ...input(3, [], SIBLINGS), authTime: true };
    const out = step(replicaMachine, at(replicaMachine, { candidate: 'delayed' }, ctx), delayTimer);
    expect(out.value).toEqual({ candidate: 'waiting' });
    expect(out.context).toMatchObject({ cur: 4, authEpoch: 4, authSent: true, elections: 1 });
    expect(out.sent).toHaveLength(1);
    expect(out.sent[0]).toMatchObject({ type: 'AUTH_REQUEST', to: ['P0', 'P1', 'P2', 'R4'], force: false, hdr: { cur: 4, cfg: 1, shard: 0, primary: false } });
  });

  test('§4.6 an ACK from a voting primary with header epoch >= failover_auth_epoch is counted', () => {
    const out = step(replicaMachine, waiting(), ack(4));
    expect(out.context.authCount).toBe(1);
  });

  test('§4.6 an ACK with an older header epoch is not counted', () => {
    expect(step(replicaMachine, waiting(), ack(3)).context.authCount).toBe(0);
  });

  test('§8.3 nack-4654: an ACK for the abandoned epoch is counted during the delay window (carry-over)', () => {
    const delayed = at(replicaMachine, { candidate: 'delayed' }, { ...input(3), cur: 4, authEpoch: 4, authTime: true, authSent: false });
    expect(step(replicaMachine, delayed, ack(4)).context.authCount).toBe(1);
  });

  test('§4.6 fix-4655: an ACK while no request is outstanding is not counted', () => {
    const delayed = at(replicaMachine, { candidate: 'delayed' }, { ...input(3, ['fix-4655']), cur: 4, authEpoch: 4, authTime: true, authSent: false });
    expect(step(replicaMachine, delayed, ack(4)).context.authCount).toBe(0);
    const out = step(replicaMachine, waiting(['fix-4655']), ack(4));
    expect(out.context).toMatchObject({ authCount: 1, acked: 1 << 1 });
  });

  test('§2.4 step 9, §2.5: quorum reached wins: configEpoch, slots, PONG to all, voter role', () => {
    const out = step(replicaMachine, waiting([], { authCount: 2 }), { type: 'HANDLE_FAILOVER' });
    expect(out.value).toBe('voter');
    expect(out.context).toMatchObject({ authTime: false });
    expect(out.context.cfg[3]).toBe(4);
    expect(out.context.owner[0]).toBe(3);
    expect(out.context.role[3]).toBe(-1);
    expect(out.sent[0]).toMatchObject({ type: 'PONG', to: ['P0', 'P1', 'P2'], hdr: { primary: true, cfg: 4, shard: 0 } });
  });

  test('§2.4 step 7: after auth_timeout the election expires; no win from there', () => {
    const out = step(replicaMachine, waiting([], { authCount: 2 }), timeoutTimer);
    expect(out.value).toEqual({ candidate: 'expired' });
    expect(step(replicaMachine, at(replicaMachine, out.value, out.context), { type: 'HANDLE_FAILOVER' }).value).toEqual({ candidate: 'expired' });
  });

  test('§2.5 after auth_retry_time a new election is scheduled', () => {
    const ctx = { ...input(3, [], SIBLINGS), cur: 4, authEpoch: 4, authTime: true, authSent: true };
    const out = step(replicaMachine, at(replicaMachine, { candidate: 'expired' }, ctx), retryTimer);
    expect(out.value).toEqual({ candidate: 'delayed' });
    expect(out.context.authSent).toBe(false);
  });

  test('§4.3 nack-4654: a NACK echoing the election epoch is counted', () => {
    const out = step(replicaMachine, waiting([], { size: 5, sizeFail: 0 }), nack(4, NACK_REASON.ALREADY_VOTED));
    expect(out.context.nackCount).toBe(1);
    expect(out.value).toEqual({ candidate: 'waiting' });
  });

  test('§4.3 nack-4654: a stale NACK (echoed epoch of an older election) is ignored, but its header is merged', () => {
    const out = step(replicaMachine, waiting(), nack(3, NACK_REASON.REQ_EPOCH_OLD, 5));
    expect(out.context.nackCount).toBe(0);
    expect(out.context.cur).toBe(5);
  });

  test('§8.1 nack-3833: the same stale NACK passes the header-epoch gate (#4627)', () => {
    const out = step(replicaMachine, waiting(['nack-3833']), nack(3, NACK_REASON.REQ_EPOCH_OLD, 5));
    expect(out.context.nackCount).toBe(1);
  });

  test('§4.4 fast-fail: size - size_fail - nack_count < quorum resets the election', () => {
    // size 3, size_fail 1 (P0), quorum 2: one NACK leaves 1 < 2.
    const out = step(replicaMachine, waiting(), nack(4, NACK_REASON.ALREADY_VOTED));
    expect(out.value).toEqual({ candidate: 'idle' });
    expect(out.context).toMatchObject({ authTime: false, nackCount: 1, authEpoch: 4 });
  });

  test('§4.4 a NACK from a voter I see as FAIL is not counted', () => {
    expect(step(replicaMachine, waiting([], { fail: 1 | (1 << 1) }), nack(4, NACK_REASON.ALREADY_VOTED)).context.nackCount).toBe(0);
  });

  test('§4.3 a NACK is ignored when no request is outstanding', () => {
    const delayed = at(replicaMachine, { candidate: 'delayed' }, { ...input(3), cur: 4, authEpoch: 4, authTime: true, authSent: false });
    expect(step(replicaMachine, delayed, nack(4, NACK_REASON.ALREADY_VOTED)).context.nackCount).toBe(0);
  });

  test('§8.5 fix-4700: persistent reasons are not counted, epoch-fixable ones are', () => {
    expect(step(replicaMachine, waiting(['fix-4700']), nack(4, NACK_REASON.NO_PRIMARY)).context.nackCount).toBe(0);
    expect(step(replicaMachine, waiting(['fix-4700']), nack(4, NACK_REASON.STALE_CONFIG)).context.nackCount).toBe(1);
  });

  test('§2.5 a reset keeps the delay: the next handler run schedules with a fresh delay', () => {
    const reset = step(replicaMachine, at(replicaMachine, { candidate: 'waiting' }, { ...input(3, [], SIBLINGS), cur: 4, authEpoch: 4, authTime: true, authSent: true }), nack(4, NACK_REASON.ALREADY_VOTED));
    expect(reset.value).toEqual({ candidate: 'idle' });
    const next = step(replicaMachine, at(replicaMachine, reset.value, reset.context), { type: 'HANDLE_FAILOVER' });
    expect(next.value).toEqual({ candidate: 'delayed' });
    expect(next.context).toMatchObject({ authCount: 0, nackCount: 0, authEpoch: 4 });
  });

  test('§5.1 a claim with configEpoch >= failover_auth_epoch resets the election', () => {
    const pong = { type: 'PONG', from: 'P2', hdr: { ...primaryHeader(p2, 4), cfg: 4, shard: 2 } };
    const out = step(replicaMachine, waiting(), pong);
    expect(out.value).toEqual({ candidate: 'idle' });
    expect(out.context.cfg[2]).toBe(4);
  });

  test('§2.8 a sibling that won takes the slots and becomes my primary', () => {
    const ctx = { ...input(3, [], SIBLINGS), cur: 4, authEpoch: 4, authTime: true, authSent: true };
    const pong = { type: 'PONG', from: 'R4', hdr: { cur: 5, cfg: 5, primary: true, shard: 0, cap: true } };
    const out = step(replicaMachine, at(replicaMachine, { candidate: 'waiting' }, ctx), pong);
    expect(out.value).toEqual({ candidate: 'idle' });
    expect(out.context.role[3]).toBe(4);
    expect(out.context.owner[0]).toBe(4);
    expect(out.context.authTime).toBe(false);
  });

  test('§5.3 UPDATE before the STALE_CONFIG NACK teaches me my primary\'s configEpoch', () => {
    const update = { type: 'UPDATE', from: 'P1', hdr: primaryHeader(p1, 4), node: 0, cfg: 9, shard: 0 };
    const out = step(replicaMachine, waiting(), update);
    expect(out.context.cfg[0]).toBe(9);
  });

  test('§8.8 size_fail changes only in clusterUpdateState; fix-4655 leaves responders out', () => {
    const failed = step(replicaMachine, waiting(['fix-4655'], { pfail: 1 << 1 }), { type: 'MARK_FAIL', node: 1 });
    expect(failed.context.sizeFail).toBe(1);
    const acked = step(replicaMachine, at(replicaMachine, failed.value, failed.context), ack(4));
    const recomputed = step(replicaMachine, at(replicaMachine, acked.value, acked.context), { type: 'UPDATE_STATE' });
    expect(recomputed.context.sizeFail).toBe(1); // P0 only: P1 is FAIL but acked
    const merged = step(replicaMachine, waiting([], { fail: 1 | (1 << 1) }), { type: 'UPDATE_STATE' });
    expect(merged.context.sizeFail).toBe(2);
  });

  test('§2.6 CLUSTER FAILOVER FORCE starts at once with FORCEACK even while the primary is up', () => {
    const ctx = { ...input(3, [], SIBLINGS), fail: 0 };
    const forced = step(replicaMachine, at(replicaMachine, { candidate: 'idle' }, ctx), { type: 'FORCE_FAILOVER' });
    const out = step(replicaMachine, at(replicaMachine, forced.value, forced.context), { type: 'HANDLE_FAILOVER' });
    expect(out.value).toEqual({ candidate: 'waiting' });
    expect(out.sent[0]).toMatchObject({ type: 'AUTH_REQUEST', force: true });
  });
});
