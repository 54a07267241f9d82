import { defineCheck } from '../src/index.ts';

/**
 * redis-7.0 and valkey-legacy: S1 and S3 hold on the single-candidate presets; on siblings the untimed model finds S1 broken (see the docs).
 * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.
 */
export const checks = [
  defineCheck({
    "name": "valkey-redis7-minimal",
    "description": "minimal, redis-7.0: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "redis-7.0"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "violated",
      "W1 a promotion happens": "witnessed"
    },
    "states": 24896,
    "transitions": 104456
  }),
  defineCheck({
    "name": "valkey-legacy-minimal",
    "description": "minimal, valkey-legacy: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "minimal",
    "variants": [
      "valkey-legacy"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "violated",
      "W1 a promotion happens": "witnessed"
    },
    "states": 5235,
    "transitions": 18822
  }),
  defineCheck({
    "name": "valkey-redis7-stale-nack",
    "description": "stale-nack, redis-7.0: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "redis-7.0"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "violated",
      "W1 a promotion happens": "witnessed"
    },
    "states": 588,
    "transitions": 1640
  }),
  defineCheck({
    "name": "valkey-legacy-stale-nack",
    "description": "stale-nack, valkey-legacy: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "stale-nack",
    "variants": [
      "valkey-legacy"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 65,
    "transitions": 140
  }),
  defineCheck({
    "name": "valkey-redis7-stale-config",
    "description": "stale-config, redis-7.0: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "stale-config",
    "variants": [
      "redis-7.0"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "W1 a promotion happens": "not-witnessed"
    },
    "states": 41,
    "transitions": 80
  }),
  defineCheck({
    "name": "valkey-legacy-stale-config",
    "description": "stale-config, valkey-legacy: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "stale-config",
    "variants": [
      "valkey-legacy"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 149,
    "transitions": 351
  }),
  defineCheck({
    "name": "valkey-legacy-siblings",
    "description": "siblings, valkey-legacy, untimed: an ACK delayed past auth_retry_time carries over: two winners in one epoch (bounded BFS)",
    "model": "valkey-failover",
    "preset": "siblings",
    "variants": [
      "valkey-legacy"
    ],
    "options": {
      "maxStates": 200000
    },
    "expect": {
      "S1 at most one promotion per election epoch": "violated"
    },
    "states": 200000,
    "transitions": 898992,
    "traces": {
      "S1 at most one promotion per election epoch": [
        "R3 schedules an election (delay)",
        "R3 starts election for epoch 4",
        "P1 receives AUTH_REQUEST(epoch 4) from R3",
        "P2 receives AUTH_REQUEST(epoch 4) from R3",
        "R4 receives AUTH_REQUEST(epoch 4) from R3",
        "R3's election for epoch 4 expires (auth_timeout)",
        "R3 retries: schedules an election (auth_retry_time passed)",
        "R3 receives AUTH_ACK(epoch 4) from P1 while no request is outstanding",
        "R3 receives AUTH_ACK(epoch 4) from P2 while no request is outstanding",
        "R3 starts election for epoch 5",
        "R3 wins the election for epoch 5 (failover_auth_count 2)",
        "R4 schedules an election (delay)",
        "R4 starts election for epoch 5",
        "P1 receives AUTH_REQUEST(epoch 5) from R4",
        "R4 receives AUTH_ACK(epoch 5) from P1",
        "P2 receives AUTH_REQUEST(epoch 5) from R4",
        "R4 receives AUTH_ACK(epoch 5) from P2",
        "R4 wins the election for epoch 5 (failover_auth_count 2)"
      ]
    }
  }),
  defineCheck({
    "name": "valkey-legacy-siblings-bounded-delay",
    "description": "siblings, valkey-legacy, bounded-delay: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "siblings",
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
    "states": 23516,
    "transitions": 90880
  }),
  defineCheck({
    "name": "valkey-redis7-siblings-bounded-delay",
    "description": "siblings, redis-7.0, bounded-delay: S1 and S3 hold",
    "model": "valkey-failover",
    "preset": "siblings",
    "variants": [
      "redis-7.0",
      "bounded-delay"
    ],
    "expect": {
      "S1 at most one promotion per election epoch": "holds",
      "S2 a promotion in epoch E is backed by grants in E from a quorum of voters": "holds",
      "S3 a voter grants at most once per epoch": "holds",
      "W1 a promotion happens": "witnessed"
    },
    "states": 123752,
    "transitions": 586268
  }),
];
