import { splitvoteError } from '../../src/index.ts';
import { computeSize, computeSizeFail } from './rules.ts';
import { NO_PRIMARY_KNOWN, PRIMARY, type NodeContext, type NodeStatic } from './types.ts';
import { switchesFor, type VariantSelection } from './variants.ts';

/**
 * One node of a preset. Primaries come first (node s owns shard s at the start); replicas
 * follow and name the primary they replicate. Ids are derived: `P<i>` / `R<i>`.
 */
export interface NodeSpec {
  /** Index of the primary this node replicates; absent for a primary. */
  readonly replicaOf?: number;
  /** Failed before the behaviour starts (a replica: failed with its primary): not an actor, PFAIL in every live node's view. */
  readonly down?: boolean;
  /** `currentEpoch` at the start (default: the highest configEpoch). */
  readonly currentEpoch?: number;
  /** Primaries: configEpoch (default index + 1). */
  readonly configEpoch?: number;
  /** `safe_to_join == 0` for the whole behaviour (a primary that just restarted, §1.2). */
  readonly notSafeToJoin?: boolean;
  /** Fault budget: may pause once (never comes back unless `mayResume` or `mayRestart`). */
  readonly mayPause?: boolean;
  /** Fault budget: once paused, may resume with its queued input (needs `mayPause`). */
  readonly mayResume?: boolean;
  /** Fault budget: may crash and restart from nodes.conf once (at any moment, or instead of resuming from a pause). */
  readonly mayRestart?: boolean;
  /** Failure reporter: hears that a paused node stopped answering and broadcasts FAIL when it marks it. */
  readonly reportsFail?: boolean;
  /** Fault budget: may lose its outbound link to these nodes, once each. */
  readonly mayLoseLinkTo?: readonly number[];
  /** The operator may run CLUSTER FAILOVER FORCE on this replica once (§2.6). */
  readonly mayForceFailover?: boolean;
  /** Old version (no NACK) when the `mixed` variant is on. */
  readonly legacyWhenMixed?: boolean;
  /** Where this node's view differs from the truth at the start. */
  readonly sees?: {
    /** configEpoch of some nodes, as this node last heard. */
    readonly configEpoch?: Readonly<Record<number, number>>;
    /** Nodes removed with CLUSTER FORGET: their replicas have no known primary, their slots no owner. */
    readonly forgets?: readonly number[];
  };
}

/** A named configuration of the failover model, bounds included. */
export interface FailoverConfig {
  readonly name: string;
  readonly description: string;
  readonly nodes: readonly NodeSpec[];
  /**
   * Nodes that already have the down nodes FAIL at the start (the FAIL broadcast is in):
   * `true` for every node; otherwise the listed node indices. The others have them PFAIL
   * and mark them FAIL in a step of their own.
   */
  readonly failKnown?: boolean | readonly number[];
  /** DEBUG CLUSTER-FAILOVER-DELAY 0: every election starts in the call that schedules it. */
  readonly zeroDelay?: boolean;
  /** States with a currentEpoch above this are outside the boundary. */
  readonly maxEpoch: number;
  /** States where a replica started more elections than this are outside the boundary. */
  readonly maxElections: number;
  /** Messages the network may drop. */
  readonly maxDrops: number;
}

/** Id of node `i` of `config`. */
export function nodeId(config: FailoverConfig, i: number): string {
  return `${config.nodes[i].replicaOf === undefined ? 'P' : 'R'}${i}`;
}

/** Number of shards (= primaries at the start). */
export function shardCount(config: FailoverConfig): number {
  return config.nodes.filter((n) => n.replicaOf === undefined).length;
}

/** Throws SV403 naming the field when a preset is malformed. */
export function validateConfig(config: FailoverConfig): void {
  const shards = shardCount(config);
  const bad = (detail: string) => splitvoteError('SV403', `preset "${config.name}": ${detail}`);
  if (config.nodes.length > 30) throw bad('at most 30 nodes (views are bitmasks)');
  config.nodes.forEach((n, i) => {
    if (n.replicaOf === undefined && i >= shards) throw bad(`node ${i} is a primary after a replica; list primaries first`);
    if (n.replicaOf !== undefined && (n.replicaOf < 0 || n.replicaOf >= shards)) throw bad(`node ${i} replicates ${n.replicaOf}, which is not a primary`);
  });
  config.nodes.forEach((n, i) => {
    if (n.mayResume === true && n.mayPause !== true) throw bad(`nodes[${i}].mayResume needs nodes[${i}].mayPause: only a paused node resumes`);
  });
  if (!(config.maxEpoch > 0) || !(config.maxElections > 0) || !(config.maxDrops >= 0)) throw bad('bounds must be positive');
}

/** Machine input of node `i`: its static facts and its initial view (clusterState after start-up). */
export function nodeInput(config: FailoverConfig, variants: VariantSelection, i: number): NodeContext {
  const nodes = config.nodes;
  const spec = nodes[i];
  const shards = shardCount(config);
  let replicaMask = 0;
  let downMask = 0;
  let capMask = 0;
  const switches = nodes.map((n) => switchesFor(variants, n.legacyWhenMixed === true, config.zeroDelay === true));
  nodes.forEach((n, j) => {
    if (n.replicaOf !== undefined) replicaMask |= 1 << j;
    if (n.down) downMask |= 1 << j;
    if (switches[j].nack) capMask |= 1 << j;
  });
  const forgets = new Set(spec.sees?.forgets ?? []);
  const cfgTruth = nodes.map((n, j) => (n.replicaOf === undefined ? (n.configEpoch ?? j + 1) : 0));
  const cfg = cfgTruth.map((c, j) => spec.sees?.configEpoch?.[j] ?? c);
  const role = nodes.map((n) => (n.replicaOf === undefined ? PRIMARY : forgets.has(n.replicaOf) ? NO_PRIMARY_KNOWN : n.replicaOf));
  const owner = Array.from({ length: shards }, (_, s) => (forgets.has(s) ? -1 : s));
  // The down nodes this node will ever flag: a replica tracks every down primary (size_fail,
  // failed-primary rank); a primary reads FAIL only for a requester's primary (§3 branch 5c),
  // so it tracks only down primaries that still have a live replica. Forgotten nodes are gone.
  let known = 0;
  nodes.forEach((n, j) => {
    if (!n.down || n.replicaOf !== undefined || forgets.has(j)) return;
    const hasLiveReplica = nodes.some((r) => r.replicaOf === j && !r.down);
    if (spec.replicaOf !== undefined || hasLiveReplica) known |= 1 << j;
  });
  const knowsFail = config.failKnown === true || (Array.isArray(config.failKnown) && config.failKnown.includes(i));
  const k: NodeStatic = {
    me: i,
    replicaMask,
    sw: switches[i],
    safeToJoin: spec.notSafeToJoin !== true,
    mayLoseLinks: (spec.mayLoseLinkTo ?? []).reduce((m, j) => m | (1 << j), 0),
    mayPause: spec.mayPause === true,
    mayResume: spec.mayResume === true,
    mayRestart: spec.mayRestart === true,
    reportsFail: spec.reportsFail === true,
    comebacks: nodes.reduce((m, n, j) => (n.mayResume === true || n.mayRestart === true ? m | (1 << j) : m), 0),
    reporters: nodes.reduce((m, n, j) => (n.reportsFail === true ? m | (1 << j) : m), 0),
    mayForceFailover: spec.mayForceFailover === true,
  };
  const base: NodeContext = {
    k,
    cur: spec.currentEpoch ?? Math.max(...cfgTruth),
    lastVote: 0,
    role,
    cfg,
    owner,
    fail: knowsFail ? known : 0,
    pfail: knowsFail ? 0 : known,
    cap: capMask,
    linkLost: 0,
    size: 0,
    sizeFail: 0,
    authTime: false,
    authSent: false,
    authEpoch: 0,
    authCount: 0,
    nackCount: 0,
    acked: 0,
    nacked: 0,
    elections: 0,
    mf: false,
    mfUsed: false,
    votedRecently: 0,
    back: 0,
    savedVote: 0,
    faults: 0,
    resumeTo: 0,
  };
  return { ...base, size: computeSize(base), sizeFail: computeSizeFail(base) };
}
