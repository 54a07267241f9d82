import { defineCheck } from '../src/index.ts';

/**
 * A mixed-version cluster (mixed): S5 and S1 hold.
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-mixed-minimal",
    "description": "minimal, nack-4654 + mixed: no NACK reaches an old node, one promotion per epoch",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "nack-4654",
      "mixed"
    ],
    "expect": {
      "S5 no NACK is sent to a node without the capability": "holds",
      "S1 at most one promotion per election epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 36034,
    "transitions": 139253
  }),
  defineCheck({
    "name": "valkey-mixed-split-vote",
    "description": "split-vote, nack-4654 + mixed: no NACK reaches an old node, one promotion per epoch",
    "model": "valkey-failover",
    "preset": "split-vote",
    "variants": [
      "nack-4654",
      "mixed"
    ],
    "expect": {
      "S5 no NACK is sent to a node without the capability": "holds",
      "S1 at most one promotion per election epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 68377,
    "transitions": 339310
  }),
  defineCheck({
    "name": "valkey-mixed-stale-nack",
    "description": "stale-nack, nack-4654 + mixed: no NACK reaches an old node, one promotion per epoch",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "nack-4654",
      "mixed"
    ],
    "expect": {
      "S5 no NACK is sent to a node without the capability": "holds",
      "S1 at most one promotion per election epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 132,
    "transitions": 306
  }),
  defineCheck({
    "name": "valkey-mixed-nack-then-fail",
    "description": "nack-then-fail, nack-4654 + mixed: no NACK reaches an old node, one promotion per epoch",
    "model": "valkey-failover",
    "preset": "nack-then-fail",
    "variants": [
      "nack-4654",
      "mixed"
    ],
    "expect": {
      "S5 no NACK is sent to a node without the capability": "holds",
      "S1 at most one promotion per election epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 6973,
    "transitions": 31418
  }),
];
