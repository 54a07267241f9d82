import { defineCheck } from '../src/index.ts';

const holds = {
  'at most one leader per term': 'holds',
  'a server votes at most once per term': 'holds',
  'every leader was voted for by a majority in its term': 'holds',
  'a leader is elected': 'witnessed',
  'leaders are elected in two different terms': 'witnessed',
  'no deadlock': 'holds',
} as const;

/**
 * Raft's RequestVote election, the model docs/guide.md builds (models/raft-election). Counts
 * are pinned from real runs; a drift means the model changed. The stale-votes bug is caught
 * by two properties, the majority property with the shorter counterexample.
 */
// #region checks
export const checks = [
  defineCheck({
    name: 'raft-election-three',
    description: '3 servers, terms up to 2: one leader per term, every leader backed by a majority',
    model: 'raft-election',
    preset: 'three',
    expect: holds,
    states: 59553,
    transitions: 235362,
  }),
  defineCheck({
    name: 'raft-election-two',
    description: '2 servers, terms up to 3: the same properties hold',
    model: 'raft-election',
    preset: 'two',
    expect: holds,
    states: 650,
    transitions: 1284,
  }),
  defineCheck({
    name: 'raft-election-stale-votes',
    description: 'deliberate bug: a vote granted in an abandoned term elects a leader; two leaders in term 2 follow',
    model: 'raft-election',
    preset: 'three',
    variants: ['stale-votes'],
    expect: {
      ...holds,
      'at most one leader per term': 'violated',
      'every leader was voted for by a majority in its term': 'violated',
    },
    states: 60333,
    transitions: 237342,
    traces: {
      'every leader was voted for by a majority in its term': [
        'S1: election timeout',
        'S2 receives RequestVote(term 1) from S1',
        'S1: election timeout',
        'S1 receives Vote(term 1, granted) from S2',
      ],
    },
  }),
];
// #endregion checks
