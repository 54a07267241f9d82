import { defineCheck } from '../src/index.ts';

/**
 * nack-4654: the ACK carry-over hole (reference §8.3) breaks S2; two promotions in one epoch (S1) follow on the siblings preset.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-carry-over-nack-4654",
    "description": "minimal, nack-4654: a win backed by ACKs from an abandoned epoch (S2)",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "violated",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 61210,
    "transitions": 250327,
    "traces": {
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": [
        "P3 marks P1 FAIL",
        "P4 marks P1 FAIL",
        "R6 schedules an election (delay)",
        "R6 starts election for epoch 6",
        "P3 receives AUTH_REQUEST(epoch 6) from R6",
        "P4 receives AUTH_REQUEST(epoch 6) from R6",
        "R6's election for epoch 6 expires (auth_timeout)",
        "R6 retries: schedules an election (auth_retry_time passed)",
        "R6 receives AUTH_ACK(epoch 6) from P3 while no request is outstanding",
        "R6 receives AUTH_ACK(epoch 6) from P4 while no request is outstanding",
        "R6 starts election for epoch 7",
        "P3 receives AUTH_REQUEST(epoch 7) from R6",
        "R6 receives AUTH_ACK(epoch 7) from P3",
        "R6 wins the election for epoch 7 (failover_auth_count 3)"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-carry-over-nack-4654-bounded-delay",
    "description": "minimal, nack-4654, bounded-delay: the same hole through a NACK fast-fail, with no message outliving auth_retry_time",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "nack-4654",
      "bounded-delay"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "violated",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 21105,
    "transitions": 83024,
    "traces": {
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": [
        "P2 marks P1 FAIL",
        "P3 marks P1 FAIL",
        "R6 schedules an election (delay)",
        "R6 starts election for epoch 6",
        "P2 receives AUTH_REQUEST(epoch 6) from R6",
        "R6 receives AUTH_NACK(epoch 6, REQ_EPOCH_OLD; header epoch 7) from P2",
        "P3 receives AUTH_REQUEST(epoch 6) from R6",
        "R6 schedules an election (delay)",
        "R6 receives AUTH_ACK(epoch 6) from P3 while no request is outstanding",
        "R6 starts election for epoch 8",
        "P2 receives AUTH_REQUEST(epoch 8) from R6",
        "R6 receives AUTH_ACK(epoch 8) from P2",
        "P3 receives AUTH_REQUEST(epoch 8) from R6",
        "R6 receives AUTH_ACK(epoch 8) from P3",
        "R6 wins the election for epoch 8 (failover_auth_count 3)"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-carry-over-legacy-bounded-delay",
    "description": "minimal, valkey-legacy, bounded-delay: without NACK resets the hole needs a late ACK; S2 holds",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "valkey-legacy",
      "bounded-delay"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 945,
    "transitions": 2868
  }),
  defineCheck({
    "name": "valkey-two-winners-nack-4654-bounded-delay",
    "description": "siblings, nack-4654, bounded-delay: a same-epoch split vote, both fast-fail, both carry an ACK over, both win epoch 5 (S1)",
    "model": "valkey-failover",
    "preset": "siblings",
    "variants": [
      "nack-4654",
      "bounded-delay"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "violated",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "violated",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 396032,
    "transitions": 1892406,
    "traces": {
      "S1 at most one promotion per election epoch": [
        "R3 schedules an election (delay)",
        "R3 starts election for epoch 4",
        "P1 receives AUTH_REQUEST(epoch 4) from R3",
        "R4 schedules an election (delay)",
        "R4 starts election for epoch 4",
        "P1 receives AUTH_REQUEST(epoch 4) from R4",
        "R4 receives AUTH_NACK(epoch 4, ALREADY_VOTED) from P1",
        "P2 receives AUTH_REQUEST(epoch 4) from R4",
        "P2 receives AUTH_REQUEST(epoch 4) from R3",
        "R3 receives AUTH_NACK(epoch 4, ALREADY_VOTED) from P2",
        "R3 schedules an election (delay)",
        "R3 receives AUTH_ACK(epoch 4) from P1 while no request is outstanding",
        "R3 starts election for epoch 5",
        "P1 receives AUTH_REQUEST(epoch 5) from R3",
        "R3 receives AUTH_ACK(epoch 5) from P1",
        "R3 wins the election for epoch 5 (failover_auth_count 2)",
        "R4 schedules an election (delay)",
        "R4 receives AUTH_ACK(epoch 4) from P2 while no request is outstanding",
        "R4 starts election for epoch 5",
        "P2 receives AUTH_REQUEST(epoch 5) from R4",
        "R4 receives AUTH_ACK(epoch 5) from P2",
        "R4 wins the election for epoch 5 (failover_auth_count 2)"
      ]
    }
  }),
];
