import { defineCheck } from '../src/index.ts';

/**
 * Lead (b) of issue 8 (docs/models/valkey-failover.md): on fix-4655 a voter that granted and is FAIL in the candidate's view stays in size_fail until its ACK is counted and the state recomputed; a NACK in that window fast-fails a winnable election (S4).
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-lead-b-4654",
    "description": "fail-after-ack, nack-4654: S4 broken (a granted voter counted dead)",
    "model": "valkey-failover",
    "preset": "fail-after-ack",
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
    "states": 28749,
    "transitions": 145225,
    "traces": {
      "S4 a fast-fail happens only when quorum is out of reach": [
        "operator runs CLUSTER FAILOVER FORCE on R5",
        "R5 starts election for epoch 6 at once",
        "P1 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "R5 receives AUTH_ACK(epoch 6) from P1",
        "P2 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P2",
        "P3 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "P1 pauses",
        "R5 notices P1 stopped answering (PFAIL)",
        "R5 marks P1 FAIL",
        "R5 recomputes size/size_fail (clusterUpdateState)",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P3"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-lead-b-4655",
    "description": "fail-after-ack, nack-4654 + fix-4655: FAIL learned from P4 before P1's ACK is counted; the NACK of P3 fast-fails with P1's vote on its way (S4)",
    "model": "valkey-failover",
    "preset": "fail-after-ack",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "violated",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 27433,
    "transitions": 137501,
    "traces": {
      "S4 a fast-fail happens only when quorum is out of reach": [
        "operator runs CLUSTER FAILOVER FORCE on R5",
        "R5 starts election for epoch 6 at once",
        "P1 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "P2 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P2",
        "P3 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5",
        "P1 pauses",
        "P4 notices P1 stopped answering (PFAIL)",
        "P4 marks P1 FAIL",
        "R5 receives FAIL(P1) from P4",
        "R5 recomputes size/size_fail (clusterUpdateState)",
        "R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P3"
      ]
    }
  }),
];
