import type { SystemState } from '../../src/index.ts';
import type { Ghost } from './ghost.ts';
import { NACK_REASON_NAME, NO_PRIMARY_KNOWN, PRIMARY, type Header, type NodeContext } from './types.ts';

/** Names the view needs: node ids by index and the actors' node indices. */
export interface ViewFacts {
  /** Id of every node by index (`P0`, `R6`), live or down. */
  readonly ids: readonly string[];
  /** Actor ids in actor order. */
  readonly actorIds: readonly string[];
  /** The machine state of an actor as text ("candidate.waiting"), from the compiled machines. */
  readonly label: (state: SystemState<Ghost>, actorId: string) => string;
}

/**
 * The state as a reader of `src/cluster_legacy.c` expects it: each node's fields under their
 * upstream names (`currentEpoch`, `lastVoteEpoch`, `failover_auth_count`, `size_fail`, ...,
 * reference §1.2), bitmasks as lists of node ids, and the ghost decoded (grants as voter
 * ids, violated properties by name). The static per-node facts (variant switches, fault
 * budgets) are left out: they never change within a behaviour and are printed with the
 * bounds. Used for traces, diffs, JSON, ITF and the state-graph viewer. Pure.
 */
export function failoverView(state: SystemState<Ghost>, facts: ViewFacts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  state.actors.forEach((snapshot, a) => {
    out[facts.actorIds[a]] = nodeView(snapshot.context as unknown as NodeContext, facts.label(state, facts.actorIds[a]), facts.ids);
  });
  const network: Record<string, unknown> = {};
  const n = facts.actorIds.length;
  state.channels.forEach((channel, link) => {
    if (channel.length > 0) network[`${facts.actorIds[Math.floor(link / n)]} -> ${facts.actorIds[link % n]}`] = channel.map(messageView);
  });
  out.network = network;
  if (state.dropsLeft > 0) out.dropsLeft = state.dropsLeft;
  out.history = ghostView(state.ghost, facts.ids);
  return out;
}

function nodeView(c: NodeContext, machineState: string, ids: readonly string[]): Record<string, unknown> {
  const names = (mask: number): string[] => ids.filter((_, i) => (mask >> i) & 1);
  const view: Record<string, unknown> = {
    state: machineState,
    currentEpoch: c.cur,
    configEpoch: c.cfg[c.k.me],
    lastVoteEpoch: c.lastVote,
    size: c.size,
    size_fail: c.sizeFail,
    failover_auth_time: c.authTime ? 'scheduled' : 0,
    failover_auth_sent: c.authSent ? 1 : 0,
    failover_auth_epoch: c.authEpoch,
    failover_auth_count: c.authCount,
    failover_auth_nack_count: c.nackCount,
    elections: c.elections,
    FAIL: names(c.fail),
    PFAIL: names(c.pfail),
    NACK_SUPPORTED: names(c.cap),
    nodes: Object.fromEntries(ids.map((id, i) => [id, roleName(c.role[i], ids)])),
    configEpochs: Object.fromEntries(ids.map((id, i) => [id, c.cfg[i]])),
    slots: Object.fromEntries(c.owner.map((owner, shard) => [`shard ${shard}`, ids[owner] ?? 'none'])),
  };
  // Fields that exist only in some variants or fault presets are shown once they are set.
  if (c.acked !== 0) view.acked = names(c.acked);
  if (c.nacked !== 0) view.nacked = names(c.nacked);
  if (c.linkLost !== 0) view.linksLost = names(c.linkLost);
  if (c.votedRecently !== 0) view.voted_time = names(c.votedRecently);
  if (c.mf || c.mfUsed) view.manualFailover = c.mf ? 'running' : 'used';
  return view;
}

function roleName(role: number, ids: readonly string[]): string {
  if (role === PRIMARY) return 'primary';
  if (role === NO_PRIMARY_KNOWN) return 'replica of (unknown)';
  return `replica of ${ids[role]}`;
}

/** A message without its address (the channel says it), header fields under upstream names, NACK reasons by name. */
function messageView(message: object): Record<string, unknown> {
  const { from: _from, to: _to, hdr, reason, ...rest } = message as Record<string, unknown> & { hdr?: Header; reason?: number };
  const view: Record<string, unknown> = { ...rest };
  if (reason !== undefined) view.reason = NACK_REASON_NAME[reason] ?? reason;
  if (hdr !== undefined) {
    view.header = { currentEpoch: hdr.cur, configEpoch: hdr.cfg, primary: hdr.primary, shard: hdr.shard, NACK_SUPPORTED: hdr.cap };
  }
  return view;
}

function ghostView(g: Ghost, ids: readonly string[]): Record<string, unknown> {
  const epochs = (mask: number): number[] => Array.from({ length: 31 }, (_, e) => e).filter((e) => (mask >> e) & 1);
  const names = (mask: number): string[] => ids.filter((_, i) => (mask >> i) & 1);
  const perNode = (values: readonly number[], show: (v: number) => unknown): Record<string, unknown> =>
    Object.fromEntries(values.flatMap((v, i) => (v === 0 ? [] : [[ids[i], show(v)]])));
  const optional = (key: string, value: unknown, present: boolean): Record<string, unknown> => (present ? { [key]: value } : {});
  return {
    promotedEpochs: epochs(g.promoted),
    electionEpoch: perNode(g.epoch, (e) => e),
    grantsInCurrentEpoch: perNode(g.grants, names),
    ...optional('refusalsInCurrentEpoch', perNode(g.refused, names), g.refused.some((m) => m !== 0)),
    ...optional('fixableNacksReceived', perNode(g.fixable, names), g.fixable.some((m) => m !== 0)),
    lastGrantEpoch: perNode(g.voted, (e) => e),
    electionsThisRetryWindow: perNode(g.window, (w) => w),
    slotClaims: Object.fromEntries(g.owner.map((o, s) => [`shard ${s}`, `${ids[o]} @${g.ownerEpoch[s]}`])),
    ...optional('paused', names(g.paused), g.paused !== 0),
    ...optional('manualFailover', names(g.forced), g.forced !== 0),
    ...optional('missedClaims', names(g.missed), g.missed !== 0),
    fastFailed: g.fastFailed,
    violated: epochs(g.violated).map((bit) => `S${bit}`),
    ...(g.late ? { late: true } : {}),
  };
}
