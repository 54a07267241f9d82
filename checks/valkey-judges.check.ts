import { defineCheck } from '../src/index.ts';

/**
 * The judges of issue 8 on the presets that exercise them: S7 (a fast-fail when refusals put quorum out of reach), S8 (no takeover of a primary that is up), L2 (someone can win), L3 (slot claims converge), and the slack and two-epochs-ahead presets.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-judges-slack-4654",
    "description": "slack, nack-4654: the election survives a REQ_EPOCH_OLD NACK, fast-fails on NOT_SAFE, retries and wins",
    "model": "valkey-failover",
    "preset": "slack",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "S7 an election whose refusals put quorum out of reach fast-fails": "holds",
      "S8 no replica takes over a primary that is up, outside a manual failover": "holds",
      "L1 every failed shard can still get a primary": "holds",
      "L2 every failed shard gets a primary in some behaviour": "witnessed",
      "L3 slot ownership converges after a promotion": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed",
      "W3 a promotion's slot claim reaches every live node": "witnessed"
    },
    "states": 4922,
    "transitions": 20725
  }),
  defineCheck({
    "name": "valkey-judges-slack-3833",
    "description": "slack, nack-3833: the late REQ_EPOCH_OLD NACK of the first election fast-fails the retry (#4627 with slack)",
    "model": "valkey-failover",
    "preset": "slack",
    "variants": [
      "nack-3833"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "violated",
      "S7 an election whose refusals put quorum out of reach fast-fails": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 4798,
    "transitions": 20296,
    "traces": {
      "S4 a fast-fail happens only when quorum is out of reach": [
        "R5 starts election for epoch 6 at once",
        "P1 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "P2 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P2",
        "R5's election for epoch 6 expires (auth_timeout)",
        "R5 retries: starts election for epoch 7 at once",
        "R5 receives AUTH_NACK(epoch 6, REQ_EPOCH_OLD; header epoch 7) from P1",
        "P2 receives AUTH_REQUEST(epoch 7, FORCEACK) from R5",
        "R5 receives AUTH_NACK(epoch 7, NOT_SAFE) from P2"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-judges-slack-4700",
    "description": "slack, fix-4700: NOT_SAFE is not counted, so no fast-fail; elections end by auth_timeout",
    "model": "valkey-failover",
    "preset": "slack",
    "variants": [
      "nack-4654",
      "fix-4700"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "S7 an election whose refusals put quorum out of reach fast-fails": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "not-witnessed"
    },
    "states": 4195,
    "transitions": 18063
  }),
  defineCheck({
    "name": "valkey-judges-minimal-3833",
    "description": "minimal, nack-3833: P2 two epochs ahead sends a REQ_EPOCH_OLD NACK that can arrive in the next election",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "nack-3833"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "violated",
      "S7 an election whose refusals put quorum out of reach fast-fails": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 68804,
    "transitions": 277320,
    "traces": {
      "S4 a fast-fail happens only when quorum is out of reach": [
        "R6 schedules an election (delay)",
        "R6 starts election for epoch 6",
        "P2 receives AUTH_REQUEST(epoch 6) from R6",
        "R6's election for epoch 6 expires (auth_timeout)",
        "R6 retries: schedules an election (auth_retry_time passed)",
        "R6 starts election for epoch 7",
        "R6 receives AUTH_NACK(epoch 6, REQ_EPOCH_OLD; header epoch 7) from P2"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-judges-minimal-4654",
    "description": "minimal, nack-4654: the echoed epoch keeps that NACK out (a different state count from nack-3833)",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "S7 an election whose refusals put quorum out of reach fast-fails": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 61210,
    "transitions": 250327
  }),
  defineCheck({
    "name": "valkey-judges-stale-nack-4654",
    "description": "stale-nack, nack-4654: a fast-fail on a REQ_EPOCH_OLD NACK with P0 FAIL: S7 exercised (W4) and holds",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S7 an election whose refusals put quorum out of reach fast-fails": "holds",
      "W4 a fast-fail happens where refusals put quorum out of reach": "witnessed"
    },
    "states": 132,
    "transitions": 306
  }),
  defineCheck({
    "name": "valkey-judges-force-takeover",
    "description": "nack-then-fail, nack-4654: CLUSTER FAILOVER FORCE takes over P0, which is up (W5); S8 holds",
    "model": "valkey-failover",
    "preset": "nack-then-fail",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S8 no replica takes over a primary that is up, outside a manual failover": "holds",
      "W5 a manual failover takes over a primary that is up": "witnessed",
      "L3 slot ownership converges after a promotion": "holds",
      "W3 a promotion's slot claim reaches every live node": "witnessed"
    },
    "states": 6973,
    "transitions": 31418
  }),
  defineCheck({
    "name": "valkey-judges-storm-nobody-wins",
    "description": "storm, nack-4654: every voter forgot P0, nobody can win: L1 holds by its bound excuse, L2 is never witnessed",
    "model": "valkey-failover",
    "preset": "storm",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "L1 every failed shard can still get a primary": "holds",
      "L2 every failed shard gets a primary in some behaviour": "not-witnessed",
      "W1 a promotion happens": "not-witnessed"
    },
    "states": 614,
    "transitions": 1732
  }),
];
