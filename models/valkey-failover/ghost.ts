import type { FailoverConfig } from './config.ts';
import { switchesFor, type VariantSelection } from './variants.ts';

/**
 * The judges' ghost (TLA+ history variables): facts the monitor (judges.ts) records from the
 * step records themselves, never from a node's bookkeeping. It is part of the fingerprint,
 * so it holds bitmasks and small integers only. Per-node arrays are indexed by node index,
 * per-shard arrays by shard; epochs are bit positions (a preset's maxEpoch stays below 31).
 *
 * Nothing here or in judges.ts imports rules.ts, guards.ts or actions.ts: the judges have
 * their own arithmetic (`quorum` below) over the preset's true configuration.
 */
export interface Ghost {
  /** Per node: the epoch of its latest AUTH_REQUEST (0 before its first election). */
  readonly epoch: readonly number[];
  /** Per candidate: the configEpoch its latest AUTH_REQUEST named for the primary it replaces. */
  readonly basis: readonly number[];
  /** Per candidate: voters whose AUTH_ACK to it answered a request of its current epoch. */
  readonly grants: readonly number[];
  /** Per candidate: voters that handled its current-epoch request and sent it no AUTH_ACK (any refusal, silent ones too). */
  readonly refused: readonly number[];
  /** Per candidate: voters whose epoch-fixable AUTH_NACK for its current epoch reached it. */
  readonly fixable: readonly number[];
  /** Per node: the highest epoch in which it sent an AUTH_ACK (S3). */
  readonly voted: readonly number[];
  /** Per candidate, S6: elections started in the current retry window (0..3). */
  readonly window: readonly number[];
  /** Per candidate: down primaries it has learned are FAIL (known at the start or MARK_FAIL steps). */
  readonly knowsFail: readonly number[];
  /** Per shard: the node with the highest configEpoch claim announced for it (a primary header). */
  readonly owner: readonly number[];
  /** Per shard: that claim's configEpoch. */
  readonly ownerEpoch: readonly number[];
  /** Epochs in which some replica was promoted (S1). */
  readonly promoted: number;
  /** Nodes whose latest header claimed the PRIMARY role. */
  readonly primaries: number;
  /** Nodes paused now (a node that takes any other step is running again). */
  readonly paused: number;
  /** Nodes that were down or paused at some point (sticky). */
  readonly stopped: number;
  /** Candidates in a manual failover (CLUSTER FAILOVER FORCE seen, no MF_TIMEOUT since). */
  readonly forced: number;
  /** Nodes that lost a PONG or UPDATE to a drop: the model has no periodic gossip to repair that (L3). */
  readonly missed: number;
  /** A NACK fast-fail happened (W2). */
  readonly fastFailed: boolean;
  /** Witnesses seen so far (sticky): {@link SEEN}. */
  readonly seen: number;
  /** Violated safety properties so far: bit i = S<i> (sticky). */
  readonly violated: number;
  /**
   * With the `bounded-delay` timing assumption: some candidate's auth_retry_time passed while
   * a message of its previous election was still in flight; such states are outside the boundary.
   */
  readonly late: boolean;
}

/** Bits of {@link Ghost.seen}: W4 a fast-fail that S7 demanded, W5 a manual failover took over a primary that was up. */
export const SEEN = { W4: 1, W5: 2 } as const;

/** Bit of property S<i> in {@link Ghost.violated}. */
export const VIOLATION = {
  S1: 1 << 1,
  S2: 1 << 2,
  S3: 1 << 3,
  S4: 1 << 4,
  S5: 1 << 5,
  S6: 1 << 6,
  S7: 1 << 7,
  S8: 1 << 8,
} as const;

/**
 * The preset's true configuration, as the judges see it: no node's view, no model helper.
 * Built once per model by {@link judgeFacts}.
 */
export interface JudgeFacts {
  /** Node count (live and down). */
  readonly nodes: number;
  /** Node index of each actor. */
  readonly nodeOf: readonly number[];
  /** Actor index of each node, -1 for nodes down at the start (not actors). */
  readonly actorOf: readonly number[];
  /** The true cluster size: primaries in the preset, failed ones included (= shards). */
  readonly size: number;
  /** `floor(size / 2) + 1`, the judges' own majority. */
  readonly quorum: number;
  /** Bitmask: nodes down from the start. */
  readonly down: number;
  /** Bitmask: nodes that really support NACK (their version, not anyone's view). */
  readonly capable: number;
  /** Track {@link Ghost.late} (the `bounded-delay` variant); the monitor then reads the state. */
  readonly boundedDelay: boolean;
  /** Per shard: nodes that started as its primary or its replicas. */
  readonly shardNodes: readonly (readonly number[])[];
  /** Per node: the shard it started in (its own, or its primary's). */
  readonly shardOf: readonly number[];
  /** Some replica of the preset may run CLUSTER FAILOVER FORCE (W5 is checked only then). */
  readonly manualFailover: boolean;
  /** Bounds of the preset (L1's excuse: the model boundary). */
  readonly maxEpoch: number;
  readonly maxElections: number;
  /** The initial ghost. */
  readonly initial: Ghost;
}

/** The judges' majority: `floor(size / 2) + 1`. */
export function majority(size: number): number {
  return Math.floor(size / 2) + 1;
}

/** True when bit `i` of `mask` is set. */
export function has(mask: number, i: number): boolean {
  return ((mask >> i) & 1) === 1;
}

/** Number of set bits. */
export function count(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Node index from an id (`P3`, `R3` -> 3). */
export function indexOf(id: string): number {
  return Number(id.slice(1));
}

/** The judges' facts of `config` under `variants`, from the preset alone. Pure. */
export function judgeFacts(config: FailoverConfig, variants: VariantSelection): JudgeFacts {
  const nodes = config.nodes;
  const n = nodes.length;
  const primaries = nodes.flatMap((spec, i) => (spec.replicaOf === undefined ? [i] : []));
  const size = primaries.length;
  let down = 0;
  let capable = 0;
  let primaryMask = 0;
  const actorOf: number[] = [];
  const nodeOf: number[] = [];
  nodes.forEach((spec, i) => {
    if (spec.down) down |= 1 << i;
    if (switchesFor(variants, spec.legacyWhenMixed === true, false).nack) capable |= 1 << i;
    if (spec.replicaOf === undefined) primaryMask |= 1 << i;
    actorOf.push(spec.down ? -1 : nodeOf.length);
    if (!spec.down) nodeOf.push(i);
  });
  // Which down primaries a candidate knows are FAIL at the start (config.failKnown); a node
  // never knows about a primary it has forgotten (CLUSTER FORGET).
  const knowsAtStart = (i: number): number => {
    const known = config.failKnown === true || (Array.isArray(config.failKnown) && config.failKnown.includes(i));
    if (!known) return 0;
    const forgets = nodes[i].sees?.forgets ?? [];
    return primaries.reduce((m, p) => (nodes[p].down && !forgets.includes(p) ? m | (1 << p) : m), 0);
  };
  const zeros: number[] = new Array(n).fill(0);
  const initial: Ghost = {
    epoch: zeros,
    basis: zeros,
    grants: zeros,
    refused: zeros,
    fixable: zeros,
    voted: zeros,
    window: zeros,
    knowsFail: nodes.map((_, i) => knowsAtStart(i)),
    owner: primaries,
    ownerEpoch: primaries.map((p) => nodes[p].configEpoch ?? p + 1),
    promoted: 0,
    primaries: primaryMask,
    paused: 0,
    stopped: down,
    forced: 0,
    missed: 0,
    fastFailed: false,
    seen: 0,
    violated: 0,
    late: false,
  };
  const shardNodes = primaries.map((s) => nodes.flatMap((spec, i) => (i === s || spec.replicaOf === s ? [i] : [])));
  return {
    nodes: n,
    nodeOf,
    actorOf,
    size,
    quorum: majority(size),
    down,
    capable,
    boundedDelay: variants.boundedDelay,
    shardNodes,
    shardOf: nodes.map((spec, i) => spec.replicaOf ?? i),
    manualFailover: nodes.some((spec) => spec.mayForceFailover === true),
    maxEpoch: config.maxEpoch,
    maxElections: config.maxElections,
    initial,
  };
}

/** Copy of `values` with index `i` set to `value` (the same array when nothing changes). */
export function setAt(values: readonly number[], i: number, value: number): readonly number[] {
  if (values[i] === value) return values;
  const next = values.slice();
  next[i] = value;
  return next;
}
