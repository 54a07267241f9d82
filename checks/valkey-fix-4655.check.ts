import { defineCheck } from '../src/index.ts';

/**
 * fix-4655: S1-S4 hold exhaustively on the presets within their bounds (siblings only with bounded-delay: untimed it is too large to exhaust).
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-fix-4655-minimal",
    "description": "minimal, nack-4654 + fix-4655: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 54501,
    "transitions": 220592
  }),
  defineCheck({
    "name": "valkey-fix-4655-split-vote",
    "description": "split-vote, nack-4654 + fix-4655: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "split-vote",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 124225,
    "transitions": 574918
  }),
  defineCheck({
    "name": "valkey-fix-4655-stale-nack",
    "description": "stale-nack, nack-4654 + fix-4655: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 133,
    "transitions": 307
  }),
  defineCheck({
    "name": "valkey-fix-4655-nack-then-fail",
    "description": "nack-then-fail, nack-4654 + fix-4655: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "nack-then-fail",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 6723,
    "transitions": 30152
  }),
  defineCheck({
    "name": "valkey-fix-4655-stale-config",
    "description": "stale-config, nack-4654 + fix-4655: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "stale-config",
    "variants": [
      "nack-4654",
      "fix-4655"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 369,
    "transitions": 965
  }),
  defineCheck({
    "name": "valkey-fix-4655-siblings-bounded-delay",
    "description": "siblings, nack-4654 + fix-4655, bounded-delay: S1-S4 hold",
    "model": "valkey-failover",
    "preset": "siblings",
    "variants": [
      "nack-4654",
      "fix-4655",
      "bounded-delay"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S4 a fast-fail happens only when quorum is out of reach": "holds",
      "W1 a promotion happens": "witnessed",
      "W2 a fast-fail happens": "witnessed"
    },
    "states": 155176,
    "transitions": 713148
  }),
];
