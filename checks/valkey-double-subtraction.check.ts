import { defineCheck } from '../src/index.ts';

/**
 * The double subtraction (#4626): nack-4654 breaks S4, fix-4655 does not.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-double-subtraction-4654",
    "description": "nack-then-fail, nack-4654: a voter that NACKed and is then FAIL is subtracted twice",
    "model": "valkey-failover",
    "preset": "nack-then-fail",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "violated",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 6973,
    "transitions": 31418,
    "traces": {
      "S4 a fast-fail happens only when quorum is out of reach": [
        "operator runs CLUSTER FAILOVER FORCE on R5",
        "R5 starts election for epoch 6 at once",
        "P1 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P1",
        "P2 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "P1 pauses",
        "R5 notices P1 stopped answering (PFAIL)",
        "R5 marks P1 FAIL",
        "R5 recomputes size/size_fail (clusterUpdateState)",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P2"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-double-subtraction-4655",
    "description": "nack-then-fail, fix-4655: responders are left out of size_fail",
    "model": "valkey-failover",
    "preset": "nack-then-fail",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "not-witnessed"
    },
    "states": 6723,
    "transitions": 30152
  }),
];
