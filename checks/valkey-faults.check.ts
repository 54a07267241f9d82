import { defineCheck } from '../src/index.ts';

/**
 * Faults (one dropped message, one lost link): the safety properties hold.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-faults-nack-4654",
    "description": "lossy, nack-4654: S1-S5 hold with a drop and a link loss",
    "model": "valkey-failover",
    "preset": "lossy",
    "variants": [
      "nack-4654"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "S5 no NACK is sent to a node without the capability": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 708,
    "transitions": 2145
  }),
  defineCheck({
    "name": "valkey-faults-valkey-legacy",
    "description": "lossy, valkey-legacy: S1-S5 hold with a drop and a link loss",
    "model": "valkey-failover",
    "preset": "lossy",
    "variants": [
      "valkey-legacy"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "S5 no NACK is sent to a node without the capability": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 708,
    "transitions": 2145
  }),
];
