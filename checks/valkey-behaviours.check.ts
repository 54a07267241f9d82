import { defineCheck } from '../src/index.ts';

/**
 * Pause and resume, FAIL from failure reports, FAIL cleared, restart from nodes.conf (reference §15): the safety properties hold where upstream is safe; a restart that loses an unsaved vote (restart-loses-vote, a deliberate bug) breaks S1, and S3 (judged from the grants sent, not from the forgotten lastVoteEpoch) sees the second grant.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-pause-resume-4654",
    "description": "pause-resume, nack-4654: a resumed primary answers the requests queued while it was stopped (old epochs); S1-S4 hold",
    "model": "valkey-failover",
    "preset": "pause-resume",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 1278,
    "transitions": 4156
  }),
  defineCheck({
    "name": "valkey-pause-resume-legacy",
    "description": "pause-resume, valkey-legacy: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "pause-resume",
    "variants": [
      "valkey-legacy"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 1278,
    "transitions": 4156
  }),
  defineCheck({
    "name": "valkey-fail-report-4654",
    "description": "fail-report, nack-4654: FAIL from a reporter in any order against the NACKs; the double subtraction (#4626) is still found",
    "model": "valkey-failover",
    "preset": "fail-report",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "violated",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 29819,
    "transitions": 149027,
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
    "name": "valkey-fail-report-4655",
    "description": "fail-report, nack-4654 + fix-4655: a NACK after FAIL is not counted, a NACK before FAIL is left out of size_fail; S1-S4 hold",
    "model": "valkey-failover",
    "preset": "fail-report",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "not-witnessed"
    },
    "states": 27681,
    "transitions": 138078
  }),
  defineCheck({
    "name": "valkey-restart-4654",
    "description": "restart, nack-4654: a restart keeps lastVoteEpoch (saved before the ACK leaves); S1-S4 hold",
    "model": "valkey-failover",
    "preset": "restart",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 17864,
    "transitions": 86524
  }),
  defineCheck({
    "name": "valkey-restart-redis7",
    "description": "restart, redis-7.0: S1-S3 hold",
    "model": "valkey-failover",
    "preset": "restart",
    "variants": [
      "redis-7.0"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 27724,
    "transitions": 160612
  }),
  defineCheck({
    "name": "valkey-restart-loses-vote",
    "description": "restart, nack-4654 + restart-loses-vote (deliberate bug): two voters forget their votes, two winners in epoch 4",
    "model": "valkey-failover",
    "preset": "restart",
    "variants": [
      "nack-4654",
      "restart-loses-vote"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "violated",
      "S3 a voter grants at most once per epoch": "violated",
      "W1 a promotion happens": "witnessed"
    },
    "states": 170804,
    "transitions": 864840,
    "traces": {
      "S1 at most one promotion per election epoch": [
        "R3 starts election for epoch 4 at once",
        "P1 receives AUTH_REQUEST(epoch 4) from R3",
        "R3 receives AUTH_ACK(epoch 4) from P1",
        "P2 receives AUTH_REQUEST(epoch 4) from R3",
        "R3 receives AUTH_ACK(epoch 4) from P2",
        "P1 restarts from nodes.conf (lastVoteEpoch 0)",
        "P2 restarts from nodes.conf (lastVoteEpoch 0)",
        "R3 wins the election for epoch 4 (failover_auth_count 2)",
        "R4 starts election for epoch 4 at once",
        "P1 receives AUTH_REQUEST(epoch 4) from R4",
        "R4 receives AUTH_ACK(epoch 4) from P1",
        "P2 receives AUTH_REQUEST(epoch 4) from R4",
        "R4 receives AUTH_ACK(epoch 4) from P2",
        "R4 wins the election for epoch 4 (failover_auth_count 2)"
      ],
      "S3 a voter grants at most once per epoch": [
        "R3 starts election for epoch 4 at once",
        "P1 receives AUTH_REQUEST(epoch 4) from R3",
        "P1 restarts from nodes.conf (lastVoteEpoch 0)",
        "R4 starts election for epoch 4 at once",
        "P1 receives AUTH_REQUEST(epoch 4) from R4"
      ]
    }
  }),
];
