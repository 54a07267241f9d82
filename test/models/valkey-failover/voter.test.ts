import { describe, expect, test } from 'vitest';
import { NACK_REASON } from '../../../models/valkey-failover/types.ts';
import { at, input, primaryMachine, request, step, SMALL } from './helpers.ts';

// The voter is P1 of SMALL (3 primaries, P0 down and FAIL, replica R3 of P0); epochs start at 3.
const voter = (variants: string[] = [], patch: Record<string, unknown> = {}) => at(primaryMachine, 'voter', { ...input(1, variants), ...patch });
const r3 = input(3);

function nackReason(sent: Record<string, unknown>[]): unknown {
  return sent.find((m) => m.type === 'AUTH_NACK')?.reason;
}

describe('voter: clusterSendFailoverAuthIfNeeded (reference §3)', () => {
  test('§5.1 the request header raises currentEpoch before any branch', () => {
    const out = step(primaryMachine, voter(), request(r3, 7));
    expect(out.context.cur).toBe(7);
  });

  test('§3 branch 1: a primary without slots stays silent, no NACK', () => {
    const p1 = input(1);
    const out = step(primaryMachine, voter([], { owner: p1.owner.map((o) => (o === 1 ? -1 : o)) }), request(r3, 4));
    expect(out.sent).toEqual([]);
    expect(out.context.lastVote).toBe(0);
  });

  test('§3 branch 2: not safe to join NACKs NOT_SAFE', () => {
    const out = step(primaryMachine, at(primaryMachine, 'voter', { ...input(1), k: { ...input(1).k, safeToJoin: false } }), request(r3, 4));
    expect(nackReason(out.sent)).toBe(NACK_REASON.NOT_SAFE);
  });

  test('§3 branch 3: reqEpoch < currentEpoch NACKs REQ_EPOCH_OLD, echoing the request epoch (§4.1)', () => {
    const out = step(primaryMachine, voter([], { cur: 6 }), request(r3, 4));
    const nack = out.sent.find((m) => m.type === 'AUTH_NACK')!;
    expect(nack.reason).toBe(NACK_REASON.REQ_EPOCH_OLD);
    expect(nack.epoch).toBe(4);
    expect((nack.hdr as { cur: number }).cur).toBe(6);
  });

  test('§3 branch 4: already voted in the (raised) currentEpoch NACKs ALREADY_VOTED', () => {
    const out = step(primaryMachine, voter([], { cur: 4, lastVote: 4 }), request(r3, 4));
    expect(nackReason(out.sent)).toBe(NACK_REASON.ALREADY_VOTED);
  });

  test('§3 branch 4: a request with a higher epoch passes even after a vote in the old one', () => {
    const out = step(primaryMachine, voter([], { cur: 4, lastVote: 4 }), request(r3, 5));
    expect(out.sent.map((m) => m.type)).toEqual(['AUTH_ACK']);
  });

  test('§3 branch 5a: a requester that is a primary in my view NACKs REQ_IS_PRIMARY', () => {
    const p1 = input(1);
    const out = step(primaryMachine, voter([], { role: p1.role.map((r, j) => (j === 3 ? -1 : r)) }), request(r3, 4));
    expect(nackReason(out.sent)).toBe(NACK_REASON.REQ_IS_PRIMARY);
  });

  test('§3 branch 5b: a requester whose primary I do not know NACKs NO_PRIMARY', () => {
    const p1 = input(1);
    const out = step(primaryMachine, voter([], { role: p1.role.map((r, j) => (j === 3 ? -2 : r)) }), request(r3, 4));
    expect(nackReason(out.sent)).toBe(NACK_REASON.NO_PRIMARY);
  });

  test('§3 branch 5c: primary not FAIL in my view NACKs PRIMARY_UP', () => {
    const out = step(primaryMachine, voter([], { fail: 0 }), request(r3, 4));
    expect(nackReason(out.sent)).toBe(NACK_REASON.PRIMARY_UP);
  });

  test('§3 branch 5c, §8.12: FORCEACK skips only the primary-FAIL check', () => {
    const out = step(primaryMachine, voter([], { fail: 0 }), request(r3, 4, true));
    expect(out.sent.map((m) => m.type)).toEqual(['AUTH_ACK']);
  });

  test('§3 branch 6: stale slot config sends UPDATE, then NACK STALE_CONFIG on the same link', () => {
    const p1 = input(1);
    const out = step(primaryMachine, voter([], { cfg: p1.cfg.map((c, j) => (j === 0 ? 9 : c)) }), request(r3, 4));
    expect(out.sent.map((m) => m.type)).toEqual(['UPDATE', 'AUTH_NACK']);
    expect(out.sent[0]).toMatchObject({ node: 0, cfg: 9, shard: 0, to: 'R3' });
    expect(nackReason(out.sent)).toBe(NACK_REASON.STALE_CONFIG);
  });

  test('§3 branch 7: a grant sets lastVoteEpoch and sends AUTH_ACK with header epoch = request epoch', () => {
    const out = step(primaryMachine, voter(), request(r3, 4));
    expect(out.context.lastVote).toBe(4);
    expect(out.sent).toHaveLength(1);
    expect(out.sent[0]).toMatchObject({ type: 'AUTH_ACK', to: 'R3', hdr: { cur: 4, primary: true } });
  });

  test('§3 branch 7: without an outbound link the vote is cast but no ACK is sent', () => {
    const out = step(primaryMachine, voter([], { linkLost: 1 << 3 }), request(r3, 4));
    expect(out.context.lastVote).toBe(4);
    expect(out.sent).toEqual([]);
  });

  test('§4.2 capability gate: no NACK to a requester without FAILOVER_AUTH_NACK_SUPPORTED', () => {
    const out = step(primaryMachine, voter([], { cur: 6, cap: 0 }), { ...request(r3, 4), hdr: { ...request(r3, 4).hdr, cap: false } });
    expect(out.sent).toEqual([]);
  });

  test('§4.2 link gate: no NACK without an outbound link to the requester', () => {
    const out = step(primaryMachine, voter([], { cur: 6, linkLost: 1 << 3 }), request(r3, 4));
    expect(out.sent).toEqual([]);
  });

  test('§9 valkey-legacy refuses silently (no NACK) but still sends UPDATE on stale config', () => {
    const p1 = input(1, ['valkey-legacy']);
    const old = step(primaryMachine, voter(['valkey-legacy'], { cur: 6 }), request(r3, 4));
    expect(old.sent).toEqual([]);
    const stale = step(primaryMachine, voter(['valkey-legacy'], { cfg: p1.cfg.map((c, j) => (j === 0 ? 9 : c)) }), request(r3, 4));
    expect(stale.sent.map((m) => m.type)).toEqual(['UPDATE']);
  });

  test('§9 redis-7.0: no NOT_SAFE branch, stale config refused silently without UPDATE', () => {
    const p1 = input(1, ['redis-7.0']);
    const notSafe = at(primaryMachine, 'voter', { ...p1, k: { ...p1.k, safeToJoin: false } });
    expect(step(primaryMachine, notSafe, request(r3, 4)).sent.map((m) => m.type)).toEqual(['AUTH_ACK']);
    const stale = step(primaryMachine, voter(['redis-7.0'], { cfg: p1.cfg.map((c, j) => (j === 0 ? 9 : c)) }), request(r3, 4));
    expect(stale.sent).toEqual([]);
    expect(stale.context.lastVote).toBe(0);
  });

  test('§3 redis-7.0 voted_time: no second vote for a replica of the same primary until it expires', () => {
    const first = step(primaryMachine, voter(['redis-7.0']), request(r3, 4));
    expect(first.context.votedRecently).toBe(1 << 0);
    const again = step(primaryMachine, at(primaryMachine, 'voter', first.context), request(r3, 5));
    expect(again.sent).toEqual([]);
    const expired = step(primaryMachine, at(primaryMachine, 'voter', first.context), { type: 'VOTED_TIME_EXPIRES', node: 0 });
    expect(step(primaryMachine, at(primaryMachine, 'voter', expired.context), request(r3, 5)).sent.map((m) => m.type)).toEqual(['AUTH_ACK']);
  });

  test('§3 Valkey: a voter answers each request independently (no voted_time)', () => {
    const first = step(primaryMachine, voter(), request(r3, 4));
    const second = step(primaryMachine, at(primaryMachine, 'voter', first.context), request(r3, 5));
    expect(second.sent.map((m) => m.type)).toEqual(['AUTH_ACK']);
  });

  test('mixed: a voter without the capability never sends NACK', () => {
    const legacy = { ...input(1), k: { ...input(1).k, sw: { ...input(1).k.sw, nack: false } } };
    const out = step(primaryMachine, at(primaryMachine, 'voter', { ...legacy, cur: 6 }), request(r3, 4));
    expect(out.sent).toEqual([]);
  });

  test('§5.2 a PONG that takes my only shard turns me into a replica of the sender', () => {
    const p1 = input(1);
    const pong = { type: 'PONG', from: 'R3', hdr: { cur: 9, cfg: 9, primary: true, shard: 1, cap: true } };
    const out = step(primaryMachine, at(primaryMachine, 'voter', p1), pong);
    expect(out.value).toEqual({ candidate: 'idle' });
    expect(out.context.role[1]).toBe(3);
    expect(out.context.owner[1]).toBe(3);
  });
});
