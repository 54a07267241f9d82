import { drawLatency, EventQueue, Random, SampleDraw, type LinkLatency, type TickTrain } from '../../../src/index.ts';

/**
 * Failure detection by its mechanism (docs/protocol/valkey-failover.md §19, after §11): every
 * node of the cluster runs `clusterCron` on its own tick train, pings peers and answers pings
 * with pongs, each PING/PONG carrying a gossip section; a node with a ping in flight for longer
 * than node_timeout is PFAIL; gossip entries flagged PFAIL/FAIL from primaries become failure
 * reports, valid for 2 * node_timeout; a node that has the failed primary PFAIL and reports from
 * a majority of primaries marks it FAIL and broadcasts FAIL, which every other node obeys at
 * once. Only this part of the protocol runs here; the election runs in the failover model, and
 * reads from this simulation the instant each node marks each failed primary FAIL.
 *
 * The cluster runs from its formation at `-age` with every node alive (every pair's first
 * PONG within one cron tick of it, as the handshakes of CLUSTER MEET leave them), so that pings,
 * pongs and the gossip about last-pong times evolve as in the harness's fresh cluster until the
 * failed primaries stop at time 0 (SIGSTOP: a stopped node processes and sends nothing, its
 * peers' TCP still accepts).
 */
export interface DetectionSetup {
  /** Every node of the cluster: its primary's index for a replica, -1 for a primary. */
  readonly replicaOf: readonly number[];
  /** Indices of the primaries that stop at time 0. */
  readonly failed: readonly number[];
  readonly nodeTimeout: number;
  /** Per node: its cron ticks (the same trains the election's handler runs on). */
  readonly trains: readonly TickTrain[];
  readonly latency: LinkLatency;
  /** Redis 7.0 rules (true) or Valkey's (§19.4): who counts as a reporter, report time buckets, a voting primary's own PFAIL check. */
  readonly redis7: boolean;
  /** Random numbers of this simulation (gossip choices, random pings, latencies, the wall clock's phase). */
  readonly seed: number;
  /** How long before the failure the cluster formed (ms): every pair's first PONG falls within one cron tick after `-age`. */
  readonly age: number;
}

/** When each node marked each failed primary FAIL. */
export interface Detection {
  /** `failAt[node * failed.length + f]`: time node `node` marked `failed[f]` FAIL (by quorum or FAIL message); NaN if never (or a stopped node). */
  readonly failAt: Float64Array;
  /** Per failed primary: the first `Marking node ... as failing (quorum reached)` (markNodeAsFailingIfNeeded), NaN if none before the horizon. */
  readonly firstFail: Float64Array;
}

/**
 * The default age of the cluster at the failure: 5.9 s, measured on the real-cluster harness's
 * kept runs (first "IP address for this node updated", the CLUSTER MEET handshake, to the
 * freeze: 5.89 to 6.00 s in four runs at node_timeout 1000; timed/measured/README.md).
 */
export const MEASURED_CLUSTER_AGE = 5900;

const NONE = Number.NaN;
const PFAIL = 1;
const FAIL = 2;
const KIND_PING = 0;
const KIND_PONG = 1;
const KIND_FAIL = 2;

interface Packet {
  readonly kind: number;
  readonly from: number;
  readonly to: number;
  /** PING/PONG: gossip entries as (node, flags, pong seconds) triples; FAIL: [about]. */
  readonly body: readonly number[];
}

/**
 * Runs the detection until every live node has every failed primary FAIL, or `horizon` ms
 * after the failure. Deterministic for a given setup and seed.
 */
export function simulateDetection(setup: DetectionSetup, horizon: number): Detection {
  const m = setup.replicaOf.length;
  const nt = setup.nodeTimeout;
  const failedIndex = new Int32Array(m).fill(-1);
  setup.failed.forEach((j, f) => (failedIndex[j] = f));
  const nf = setup.failed.length;
  const isPrimary = setup.replicaOf.map((r) => r < 0);
  const primaries = isPrimary.filter(Boolean).length;
  const quorum = Math.floor(primaries / 2) + 1; // needed_quorum = size / 2 + 1 (§11.5)
  const random = new Random(setup.seed);
  const draw = new SampleDraw(random);
  const warmup = setup.age;
  // mstime() is wall-clock: gossip carries pong times in whole seconds of it (§11.3).
  const wall = random.int(0, 999);

  const pingSent = new Float64Array(m * m).fill(NONE);
  const pongRecv = new Float64Array(m * m);
  const dataRecv = new Float64Array(m * m);
  const flags = new Uint8Array(m * m);
  const reports = new Float64Array(m * nf * m).fill(NONE); // [node][failed][sender] -> report time
  const failAt = new Float64Array(m * nf).fill(NONE);
  const firstFail = new Float64Array(nf).fill(NONE);
  const pfailCount = new Int32Array(m);
  const iteration = new Int32Array(m);
  const lastOnLink = new Float64Array(m * m).fill(Number.NEGATIVE_INFINITY);
  let unmarked = (m - nf) * nf;
  const picked = new Int32Array(m);
  let packetsBuilt = 0;
  // Per node: no cron check can fire before this time (every packet only postpones them).
  const nextCheck = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);

  // The cluster forms at -age: every pair's first PONG within one cron tick after it.
  for (let i = 0; i < m; i++) {
    iteration[i] = random.int(0, 9);
    for (let j = 0; j < m; j++) {
      const t = -warmup + random.unit() * 100;
      pongRecv[i * m + j] = t;
      dataRecv[i * m + j] = t;
    }
  }

  const queue = new EventQueue();
  const packets: (Packet | undefined)[] = [];
  const stopped = (i: number, now: number) => failedIndex[i] >= 0 && now >= 0;
  for (let i = 0; i < m; i++) queue.push(setup.trains[i].atOrAfter(-warmup), random.bits(), 1, i, 0);

  const send = (kind: number, from: number, to: number, body: readonly number[], now: number): void => {
    const link = from * m + to;
    const at = Math.max(now + drawLatency(setup.latency, draw), lastOnLink[link]); // TCP: FIFO per link
    lastOnLink[link] = at;
    packets.push({ kind, from, to, body });
    queue.push(at, random.bits(), 0, packets.length - 1, 0);
  };

  // clusterSendPing (§11.3): max(3, floor(nodes/10)) random entries (at most nodes - 2, 3x as many
  // draws), skipping myself, PFAIL nodes and duplicates; then every PFAIL node, up to this
  // node's stats_pfail_nodes of its last cron.
  const gossip = (i: number, now: number): number[] => {
    const wanted = Math.min(Math.max(3, Math.floor(m / 10)), m - 2);
    const body: number[] = [];
    const stamp = ++packetsBuilt;
    let count = 0;
    for (let tries = wanted * 3; tries > 0 && count < wanted; tries--) {
      const j = random.int(0, m - 1);
      if (j === i || flags[i * m + j] === PFAIL || picked[j] === stamp) continue;
      picked[j] = stamp; // last_in_ping_gossip
      count++;
      body.push(j, flags[i * m + j], Math.floor((pongRecv[i * m + j] + wall) / 1000));
    }
    let pfails = pfailCount[i];
    for (let j = 0; j < m && pfails > 0; j++) {
      if (flags[i * m + j] !== PFAIL) continue;
      body.push(j, PFAIL, Math.floor((pongRecv[i * m + j] + wall) / 1000));
      pfails--;
    }
    void now;
    return body;
  };

  const ping = (i: number, j: number, now: number): void => {
    pingSent[i * m + j] = now; // clusterSendPing sets ping_sent on my outbound link
    send(KIND_PING, i, j, gossip(i, now), now);
  };

  const markFail = (i: number, j: number, now: number): void => {
    flags[i * m + j] = FAIL;
    const f = failedIndex[j];
    if (f >= 0 && Number.isNaN(failAt[i * nf + f])) {
      failAt[i * nf + f] = now;
      unmarked--;
    }
  };

  // clusterNodeFailureReportsCount after clusterNodeCleanupFailureReports (§11.4).
  const validReports = (i: number, f: number, now: number): number => {
    let count = 0;
    const base = (i * nf + f) * m;
    for (let s = 0; s < m; s++) {
      const t = reports[base + s];
      if (Number.isNaN(t)) continue;
      if (now - t > 2 * nt) reports[base + s] = NONE; // CLUSTER_FAIL_REPORT_VALIDITY_MULT
      else count++;
    }
    return count;
  };

  // markNodeAsFailingIfNeeded (§11.5), then clusterSendFail (§11.6).
  const failIfNeeded = (i: number, j: number, now: number): void => {
    const f = failedIndex[j];
    if (f < 0 || flags[i * m + j] !== PFAIL) return; // !nodeTimedOut, or already FAIL
    const failures = validReports(i, f, now) + (isPrimary[i] ? 1 : 0);
    if (failures < quorum) return;
    markFail(i, j, now);
    if (Number.isNaN(firstFail[f])) firstFail[f] = now;
    for (let k = 0; k < m; k++) if (k !== i) send(KIND_FAIL, i, k, [j], now);
  };

  // clusterProcessGossipSection (§11.4).
  const processGossip = (i: number, s: number, body: readonly number[], now: number): void => {
    for (let e = 0; e < body.length; e += 3) {
      const j = body[e];
      if (j === i) continue;
      const fl = body[e + 1];
      const f = failedIndex[j];
      // R7: reports and the FAIL check only for a master sender; Valkey: reports from voting
      // primaries, the FAIL check and report deletion for any sender (§11.4).
      if (fl !== 0) {
        if (isPrimary[s] && f >= 0 && flags[i * m + j] !== FAIL) {
          // R7 keeps the exact time; Valkey buckets it to the next whole second.
          reports[(i * nf + f) * m + s] = setup.redis7 ? now : Math.floor((now + wall) / 1000) * 1000 + 1000 - wall;
        }
        if (isPrimary[s] || !setup.redis7) failIfNeeded(i, j, now);
      } else if (f >= 0 && (isPrimary[s] || !setup.redis7)) reports[(i * nf + f) * m + s] = NONE;
      if (fl === 0 && Number.isNaN(pingSent[i * m + j]) && (f < 0 || validReports(i, f, now) === 0)) {
        const pongTime = body[e + 2] * 1000 - wall;
        if (pongTime <= now + 500 && pongTime > pongRecv[i * m + j]) pongRecv[i * m + j] = pongTime;
      }
    }
  };

  // One run of clusterCron's failure-detection part (§11.1, §11.2, §13.3 steps 1-3).
  const cron = (i: number, now: number): void => {
    iteration[i]++;
    const random10 = iteration[i] % 10 === 0;
    // Nothing is due (no ping to send, no PFAIL to set) and no random ping: the tick changes nothing.
    if (!random10 && now <= nextCheck[i]) return;
    let pf = 0;
    for (let j = 0; j < m; j++) if (flags[i * m + j] === PFAIL) pf++;
    pfailCount[i] = pf;
    if (random10) {
      let best = -1;
      for (let k = 0; k < 5; k++) {
        const j = random.int(0, m - 1);
        if (j === i || !Number.isNaN(pingSent[i * m + j])) continue;
        if (best < 0 || pongRecv[i * m + best] > pongRecv[i * m + j]) best = j;
      }
      if (best >= 0) ping(i, best, now);
    }
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      const link = i * m + j;
      if (Number.isNaN(pingSent[link])) {
        if (now - pongRecv[link] > nt / 2) ping(i, j, now);
        continue;
      }
      const delay = Math.min(now - pingSent[link], now - dataRecv[link]);
      if (delay > nt && flags[link] === 0) {
        flags[link] = PFAIL;
        if (!setup.redis7 && isPrimary[i]) failIfNeeded(i, j, now); // Valkey: a voting primary counts its own suspicion at once (§11.2)
      }
    }
    let next = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      const link = i * m + j;
      if (Number.isNaN(pingSent[link])) next = Math.min(next, pongRecv[link] + nt / 2);
      else if (flags[link] === 0) next = Math.min(next, Math.max(pingSent[link], dataRecv[link]) + nt);
    }
    nextCheck[i] = next;
  };

  for (;;) {
    const entry = queue.pop();
    if (entry === undefined || entry.time > horizon || unmarked === 0) break;
    const now = entry.time;
    if (entry.kind === 1) {
      const i = entry.id;
      if (stopped(i, now)) continue;
      cron(i, now);
      queue.push(setup.trains[i].after(now), random.bits(), 1, i, 0);
      continue;
    }
    const packet = packets[entry.id]!;
    packets[entry.id] = undefined;
    const i = packet.to;
    const s = packet.from;
    if (stopped(i, now)) continue;
    dataRecv[i * m + s] = now; // any packet from a known sender (§11.1)
    if (packet.kind === KIND_FAIL) {
      const j = packet.body[0];
      if (flags[i * m + j] !== FAIL && j !== i) markFail(i, j, now);
      continue;
    }
    if (packet.kind === KIND_PONG) {
      pongRecv[i * m + s] = now;
      pingSent[i * m + s] = NONE;
      if (flags[i * m + s] === PFAIL) flags[i * m + s] = 0;
    }
    processGossip(i, s, packet.body, now);
    if (packet.kind === KIND_PING) send(KIND_PONG, i, s, gossip(i, now), now);
  }
  return { failAt, firstFail };
}
