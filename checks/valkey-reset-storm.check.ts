import { defineCheck } from '../src/index.ts';

/**
 * The reset storm (#4700): nack-4654 breaks S6, fix-4700 does not.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-reset-storm-4654",
    "description": "storm, nack-4654: NO_PRIMARY NACKs reset every election, one new epoch per delay",
    "model": "valkey-failover",
    "preset": "storm",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S6 persistent refusals start at most one election per retry window": "violated",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 614,
    "transitions": 1732,
    "traces": {
      "S6 persistent refusals start at most one election per retry window": [
        "R3 starts election for epoch 4 at once",
        "P1 receives AUTH_REQUEST(epoch 4, FORCEACK) from R3",
        "R3 receives AUTH_NACK(epoch 4, NO_PRIMARY) from P1",
        "R3 starts election for epoch 5 at once"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-reset-storm-4700",
    "description": "storm, fix-4700: persistent reasons are ignored; one election per retry window",
    "model": "valkey-failover",
    "preset": "storm",
    "variants": [
      "nack-4654",
      "fix-4700"
    ],
    "expect": {
      "S6 persistent refusals start at most one election per retry window": "holds",
      "W2 a fast-fail happens": "not-witnessed"
    },
    "states": 291,
    "transitions": 839
  }),
];
