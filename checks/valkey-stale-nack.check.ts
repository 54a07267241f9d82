import { defineCheck } from '../src/index.ts';

/**
 * The stale NACK (#4627): nack-3833 breaks S4, nack-4654 does not.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-stale-nack-3833",
    "description": "stale-nack, nack-3833: a REQ_EPOCH_OLD NACK from the previous election resets a winnable one",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "nack-3833"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "violated",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 110,
    "transitions": 253,
    "traces": {
      "S4 a fast-fail happens only when quorum is out of reach": [
        "R3 starts election for epoch 4 at once",
        "P1 receives AUTH_REQUEST(epoch 4, FORCEACK) from R3",
        "R3's election for epoch 4 expires (auth_timeout)",
        "R3 retries: starts election for epoch 5 at once",
        "R3 receives AUTH_NACK(epoch 4, REQ_EPOCH_OLD; header epoch 5) from P1"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-stale-nack-4654",
    "description": "stale-nack, nack-4654: the echoed epoch keeps the stale NACK out",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 132,
    "transitions": 306
  }),
];
