import { formatDistribution, splitvoteError, type CronSpec, type Distribution } from '../../../src/index.ts';
import { CRON_PERIOD_MS } from './formulas.ts';
import type { FailoverConfig, NodeSpec } from '../config.ts';

/**
 * A timed failover scenario: a cluster of `primaries` shards with `replicas` replicas each;
 * at time 0 the primaries of the first `failed` shards stop (paused, as failover2.tcl does with
 * SIGSTOP, §7.5 b) and never come back. Every other node detects it (§6) and the failed
 * shards' replicas elect new primaries.
 */
export interface TimedScenario {
  readonly primaries: number;
  readonly failed: number;
  /** Replicas per primary. */
  readonly replicas: number;
  /** `cluster-node-timeout` in ms (§6; default 15000 upstream). */
  readonly nodeTimeout: number;
  /** Base latency of one bus message, ms (per message; each directed link stays FIFO). */
  readonly latency: Distribution;
  /** Rare latency spikes on top of the base (§19.3): probability per message and size. Default none. */
  readonly spike?: { readonly probability: number; readonly extra: Distribution };
  /** The harness's bus-delay proxy: a fixed one-way delay on every cluster-bus message, ms (§19.3). Default 0. */
  readonly busDelay?: number;
  /**
   * The detection shortcut of issue 5: the first node marks a failed primary FAIL
   * `node_timeout + gossip` after the failure, every other node one latency later. When absent
   * (the default of the Monte Carlo simulation), detection runs by its mechanism instead
   * (detection.ts, §19.2): pings, PFAIL, failure reports in gossip, the FAIL quorum and broadcast.
   * The exhaustive analysis needs the shortcut (it cannot enumerate gossip choices).
   */
  readonly gossip?: Distribution;
  /** How long before the failure the cluster formed, ms (§19.2; default the measured 5,900). */
  readonly clusterAge?: number;
  /** clusterCron's period and per-tick jitter (§19.1). Default {@link defaultCron}. */
  readonly cron?: CronSpec;
  /**
   * The PR's test setup (failover2.tcl b with `DEBUG CLUSTER-FAILOVER-DELAY 0`, §7.5): every
   * node marks every failed primary FAIL at the same instant and the start delay is 0, so
   * every candidate starts its first election at the same instant (later ones at their own
   * cron ticks). Redis 7.0 has no
   * such DEBUG command: its candidates keep their random delay.
   */
  readonly sameTick: boolean;
  /**
   * Cron phases: each node's clusterCron runs at phase + 100k ms (§6). Default uniform on
   * [0, 100): nodes start at unrelated times. The exhaustive analysis fixes them (fixed:0).
   */
  readonly phases?: Distribution;
  /** Replicas of the shards that stay up take part (they receive every broadcast). Default true. */
  readonly liveReplicas?: boolean;
}

/**
 * The cron's measured jitter (§19.1): what each interval adds to the armed 100 ms, drawn per
 * tick from the 50-loop mean intervals of two real Redis 7.0.15 servers on this machine at
 * different loads (timed/measured/: 0.32 to 11.28 ms over 100; measured/derive.ts derives the
 * list, test/models/valkey-failover/timed/measured.test.ts checks it). That each tick draws
 * independently from these means is an assumption, not a measurement.
 */
export const MEASURED_CRON_EXCESS: readonly number[] = [0.78, 0.8, 0.84, 0.82, 0.64, 0.4, 0.34, 0.32, 0.36, 0.34, 0.36, 1.42, 1.02, 0.5, 0.36, 5.24, 8.86, 9.02, 9.86, 6.42, 6.38, 11.28, 3.4];

/** The cron's default (§19.1): armed every 1000 / hz = 100 ms (upstream default, `hz 10`), each interval longer by a measured excess. */
export function defaultCron(): CronSpec {
  return { period: CRON_PERIOD_MS, jitter: { kind: 'empirical', values: MEASURED_CRON_EXCESS, source: 'measured' } };
}

/**
 * The cluster bus's effective one-way latency (§19.3), measured on real Redis 7.0.15 clusters
 * of the harness on this machine (timed/measured/bus-latency-ms.txt, 45 values, 0 to 6 ms,
 * median 2): from a candidate's "Starting a failover election" to each voter's "Failover auth
 * granted" in three kept runs without bus delay (timed/measured/busLatency.ts). It is send +
 * loopback + the voter's wait for its event loop and the CPU, which is what a message's latency
 * stands for in the model; loopback alone is far faster (PING round trips: 0.05 ms one way,
 * loopback-rtt-us.txt). Timestamps have 1 ms resolution. Each message draws one value.
 */
export const MEASURED_BUS_LATENCY: readonly number[] = [1, 3, 2, 2, 4, 2, 2, 6, 2, 2, 3, 2, 3, 4, 1, 1, 4, 1, 0, 5, 3, 1, 5, 2, 1, 5, 2, 4, 2, 2, 2, 2, 3, 2, 2, 3, 2, 1, 4, 3, 1, 3, 4, 1, 5];

/** The default message latency: the measured bus latency, drawn per message (`empirical:measured`). */
export function defaultLatency(): Distribution {
  return { kind: 'empirical', values: MEASURED_BUS_LATENCY, source: 'measured' };
}

/** The default gossip time: up to half a node_timeout (one ping round, §6 "pings every node_timeout / 2"). */
export function defaultGossip(nodeTimeout: number): Distribution {
  return { kind: 'uniform', lo: 0, hi: nodeTimeout / 2 };
}

/** Where the scenario's numbers came from on the command line, for error messages. */
const FLAG = { primaries: '--primaries', failed: '--failed', replicas: '--replicas', nodeTimeout: '--node-timeout' } as const;

/**
 * Throws SV401 naming the flag, the bad value and what is allowed when the scenario cannot
 * run: whole numbers, at least one failed shard, a majority of primaries left to vote (quorum
 * `primaries / 2 + 1`, §2.2), and at most 30 nodes (the model's views are bitmasks).
 */
export function validateScenario(s: TimedScenario): void {
  const bad = (flag: string, value: unknown, allowed: string) => splitvoteError('SV401', `${flag} ${String(value)}: allowed: ${allowed}`);
  if (!Number.isInteger(s.primaries) || s.primaries < 1) throw bad(FLAG.primaries, s.primaries, 'a whole number >= 1');
  if (!Number.isInteger(s.failed) || s.failed < 1 || s.failed >= s.primaries) throw bad(FLAG.failed, s.failed, `a whole number from 1 to ${s.primaries - 1} (fewer than --primaries)`);
  const quorum = Math.floor(s.primaries / 2) + 1;
  if (s.primaries - s.failed < quorum) {
    throw bad(FLAG.failed, s.failed, `at most ${s.primaries - quorum} with ${s.primaries} primaries: ${s.primaries - s.failed} voting primaries cannot reach the quorum ${quorum}, so no replica can ever be elected`);
  }
  if (!Number.isInteger(s.replicas) || s.replicas < 1) throw bad(FLAG.replicas, s.replicas, 'a whole number >= 1');
  const nodes = s.primaries + (s.liveReplicas === false ? s.failed : s.primaries) * s.replicas;
  // Blame --primaries when even one replica per shard is too many, else --replicas.
  const fewest = s.primaries + (s.liveReplicas === false ? s.failed : s.primaries);
  if (fewest > 30) throw bad(FLAG.primaries, s.primaries, `at most 30 nodes in all; ${s.primaries} primaries with one replica each already make ${fewest}`);
  if (nodes > 30) throw bad(FLAG.replicas, s.replicas, `at most 30 nodes in all; ${s.primaries} primaries with ${s.replicas} replica(s) each make ${nodes}`);
  if (!Number.isFinite(s.nodeTimeout) || s.nodeTimeout <= 0) throw bad(FLAG.nodeTimeout, s.nodeTimeout, 'a number of ms > 0');
  if (s.busDelay !== undefined && !(Number.isFinite(s.busDelay) && s.busDelay >= 0)) throw bad('--bus-delay', s.busDelay, 'a number of ms >= 0');
  if (s.cron !== undefined && !(Number.isFinite(s.cron.period) && s.cron.period > 0)) throw bad('--cron-period', s.cron.period, 'a number of ms > 0');
}

/**
 * The failover model's configuration for a scenario: primaries P0..P(p-1), the first `failed`
 * of them down; then the replicas, shard by shard. Nobody knows of the failure at time 0:
 * every node that tracks a failed primary has it PFAIL and marks it FAIL in a step of its own,
 * which the timing places at the detection time. The epoch bound is off and the elections
 * bound off unless given (the exhaustive analysis bounds elections per replica): time, not
 * a bound, ends a timed run. `zeroDelay` applies the DEBUG delay 0 (not for Redis 7.0).
 */
export function scenarioConfig(s: TimedScenario, zeroDelay: boolean, maxElections = Number.MAX_SAFE_INTEGER): FailoverConfig {
  validateScenario(s);
  const nodes: NodeSpec[] = [];
  for (let p = 0; p < s.primaries; p++) nodes.push(p < s.failed ? { down: true } : {});
  for (let p = 0; p < s.primaries; p++) {
    if (p >= s.failed && s.liveReplicas === false) continue;
    for (let r = 0; r < s.replicas; r++) nodes.push({ replicaOf: p });
  }
  return {
    name: `timed-${s.primaries}p-${s.failed}f-${s.replicas}r`,
    description: `${s.primaries} primaries with ${s.replicas} replica(s) each; ${s.failed} primaries fail at time 0`,
    nodes,
    failKnown: false,
    zeroDelay,
    maxEpoch: Number.MAX_SAFE_INTEGER,
    maxElections,
    maxDrops: 0,
  };
}

/** The scenario as the report's `config` object (plain JSON values, cron period included). */
export function scenarioView(s: TimedScenario): Record<string, unknown> {
  return {
    primaries: s.primaries,
    failed: s.failed,
    replicas: s.replicas,
    nodeTimeoutMs: s.nodeTimeout,
    latency: formatDistribution(s.latency),
    ...(s.spike === undefined || s.spike.probability === 0 ? {} : { spike: `${s.spike.probability}:${formatDistribution(s.spike.extra)}` }),
    busDelayMs: s.busDelay ?? 0,
    detection: s.gossip === undefined ? 'mechanism' : `shortcut, gossip ${formatDistribution(s.gossip)}`,
    sameTick: s.sameTick,
    cronMs: (s.cron ?? defaultCron()).period,
    cronJitter: formatDistribution((s.cron ?? defaultCron()).jitter),
  };
}
