import type { FailoverConfig } from './config.ts';

/**
 * Named presets, mirroring the upstream tests (reference §7) and the PR. Bounds are part of
 * each preset and printed with every result. Primaries are listed first (node s owns shard
 * s); ids are `P<i>` / `R<i>` with the node's index, as in the Tcl tests' server numbers.
 */
export const PRESETS: readonly FailoverConfig[] = [
  {
    name: 'minimal',
    description: '3 live primaries, 2 failed shards: shard 0 lost whole (P0, R5 down), R6 of P1 fails over after the failed-primary-rank delay; P2 is two epochs ahead (REQ_EPOCH_OLD, stale under #3833)',
    nodes: [{ down: true }, { down: true }, { currentEpoch: 7 }, { legacyWhenMixed: true }, {}, { replicaOf: 0, down: true }, { replicaOf: 1 }],
    failKnown: [6],
    maxEpoch: 8,
    maxElections: 2,
    maxDrops: 0,
  },
  {
    name: 'split-vote',
    description: 'failover2.tcl "same epoch" scaled down: 2 failed shards, one replica each, FAIL known, delay 0 (all start together)',
    nodes: [{ down: true }, { down: true }, {}, {}, { legacyWhenMixed: true }, { replicaOf: 0 }, { replicaOf: 1, legacyWhenMixed: true }],
    failKnown: true,
    zeroDelay: true,
    maxEpoch: 7,
    maxElections: 1,
    maxDrops: 0,
  },
  {
    name: 'siblings',
    description: 'failover2.tcl shape (a): 3 primaries, P0 down, two replicas R3 and R4 of P0 compete (no best-ranked start)',
    nodes: [{ down: true }, {}, {}, { replicaOf: 0 }, { replicaOf: 0 }],
    failKnown: true,
    maxEpoch: 5,
    maxElections: 2,
    maxDrops: 0,
  },
  {
    name: 'stale-nack',
    description: 'failover-nack.tcl shape (3 primaries, 1 replica R3 of P0, P0 down); P1 is one epoch ahead, so its REQ_EPOCH_OLD NACK can arrive late (#4627)',
    nodes: [{ down: true }, { currentEpoch: 5 }, { legacyWhenMixed: true }, { replicaOf: 0 }],
    failKnown: true,
    maxEpoch: 7,
    maxElections: 2,
    maxDrops: 0,
  },
  {
    name: 'nack-then-fail',
    description: '#4626: 5 primaries, R5 of P0 via CLUSTER FAILOVER FORCE; P1 and P2 not safe to join (they NACK), P1 may pause and be marked FAIL',
    nodes: [{}, { notSafeToJoin: true, mayPause: true }, { notSafeToJoin: true }, { legacyWhenMixed: true }, {}, { replicaOf: 0, mayForceFailover: true }],
    maxEpoch: 8,
    maxElections: 1,
    maxDrops: 0,
  },
  {
    name: 'stale-config',
    description: "failover2.tcl test_replica_config_epoch_failover (§7.5 d): P0 bumped its configEpoch to 4, R3 missed it, then P0 fails",
    nodes: [
      { down: true, configEpoch: 4 },
      { currentEpoch: 4 },
      { currentEpoch: 4 },
      { replicaOf: 0, currentEpoch: 3, sees: { configEpoch: { 0: 1 } } },
    ],
    failKnown: true,
    maxEpoch: 8,
    maxElections: 2,
    maxDrops: 0,
  },
  {
    name: 'storm',
    description: 'nack-election-storm.tcl (§7.6): 3 primaries, R3 of P0; P1 and P2 ran CLUSTER FORGET P0, so every request gets NO_PRIMARY',
    nodes: [{ down: true }, { sees: { forgets: [0] } }, { sees: { forgets: [0] } }, { replicaOf: 0 }],
    failKnown: true,
    maxEpoch: 8,
    maxElections: 3,
    maxDrops: 0,
  },
  {
    name: 'slack',
    description: '5 primaries, P0 down, R5 of P0: an election survives P1\'s REQ_EPOCH_OLD NACK (5 - 1 - 1 >= 3), fast-fails on P2\'s NOT_SAFE, retries at P1\'s epoch and wins',
    nodes: [{ down: true }, { currentEpoch: 7 }, { notSafeToJoin: true }, { legacyWhenMixed: true }, {}, { replicaOf: 0 }],
    failKnown: true,
    maxEpoch: 9,
    maxElections: 2,
    maxDrops: 0,
  },
  {
    name: 'lossy',
    description: 'faults: 3 primaries, R3 of P0 (P0 down); the bus may drop one message and P2 may lose its link to R3',
    nodes: [{ down: true }, {}, { mayLoseLinkTo: [3] }, { replicaOf: 0 }],
    failKnown: true,
    maxEpoch: 7,
    maxElections: 2,
    maxDrops: 1,
  },
  {
    name: 'cluster-7x3',
    description: 'large: 7 primaries, 3 fail together (P0-P2 down), one replica each (R7-R9 of P0-P2) compete for the votes of P3-P6 (quorum 4 of 7)',
    nodes: [{ down: true }, { down: true }, { down: true }, {}, {}, {}, {}, { replicaOf: 0 }, { replicaOf: 1 }, { replicaOf: 2 }],
    failKnown: true,
    maxEpoch: 10,
    maxElections: 1,
    maxDrops: 0,
  },
  {
    name: 'pause-resume',
    description: 'faults (§15.1, §15.3): 3 primaries, R3 of P0 (P0 down); P1 may pause and resume, answering the requests that waited in its socket; R3 learns and clears P1 FAIL',
    nodes: [{ down: true }, { mayPause: true, mayResume: true }, {}, { replicaOf: 0 }],
    failKnown: true,
    maxEpoch: 6,
    maxElections: 2,
    maxDrops: 0,
  },
  {
    name: 'fail-report',
    description: 'nack-then-fail with a failure reporter (§15.2): P4 hears that P1 stopped answering and broadcasts FAIL, so R5 can learn P1 FAIL before P1\'s NACK',
    nodes: [{}, { notSafeToJoin: true, mayPause: true }, { notSafeToJoin: true }, { legacyWhenMixed: true }, { reportsFail: true }, { replicaOf: 0, mayForceFailover: true }],
    maxEpoch: 8,
    maxElections: 1,
    maxDrops: 0,
  },
  {
    name: 'fail-after-ack',
    description: 'lead (b) (§15.2): 5 primaries, R5 of P0 via CLUSTER FAILOVER FORCE; P2 and P3 NACK (not safe to join); P1 may pause after its ACK, P4 reports it FAIL, so R5 can learn P1 FAIL before counting its ACK',
    nodes: [{}, { mayPause: true }, { notSafeToJoin: true }, { notSafeToJoin: true }, { reportsFail: true }, { replicaOf: 0, mayForceFailover: true }],
    maxEpoch: 8,
    maxElections: 1,
    maxDrops: 0,
  },
  {
    name: 'restart',
    description: 'faults (§15.4): P0 down, its replicas R3 and R4 start together (delay 0); P1 and P2 may each crash and restart from nodes.conf once, requests to them still on the way',
    nodes: [{ down: true }, { mayRestart: true }, { mayRestart: true }, { replicaOf: 0 }, { replicaOf: 0 }],
    failKnown: true,
    zeroDelay: true,
    maxEpoch: 4,
    maxElections: 1,
    maxDrops: 0,
  },
];

/** The preset named `name`, or undefined. */
export function findPreset(name: string): FailoverConfig | undefined {
  return PRESETS.find((p) => p.name === name);
}
