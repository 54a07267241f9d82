import { defineCheck } from '../src/index.ts';

const verdicts = {
  'all RMs agree: none committed while another aborted': 'holds',
  'the TM commits only when every RM has prepared': 'holds',
  'a transaction commits': 'witnessed',
  'a transaction aborts': 'witnessed',
  'no deadlock': 'holds',
} as const;

/**
 * Two-phase commit, the non-failover example. The counts are derived by hand in
 * models/two-phase-commit/README.md: 4^n + 8^n - 1 states and
 * 4^n - 1 + 3n·4^(n-1) + 9n·8^(n-1) transitions for n resource managers.
 */
export const checks = [
  defineCheck({ name: 'two-phase-commit-rm2', description: '2 RMs, BFS: 79 states as derived', model: 'two-phase-commit', preset: 'rm2', expect: verdicts, states: 79, transitions: 183 }),
  defineCheck({ name: 'two-phase-commit-rm3', description: '3 RMs, BFS: 575 states as derived', model: 'two-phase-commit', preset: 'rm3', expect: verdicts, states: 575, transitions: 1935 }),
  defineCheck({ name: 'two-phase-commit-rm4', description: '4 RMs, BFS: 4,351 states as derived', model: 'two-phase-commit', preset: 'rm4', expect: verdicts, states: 4351, transitions: 19455 }),
  defineCheck({ name: 'two-phase-commit-rm3-dfs', description: '3 RMs, DFS visits the same states as BFS', model: 'two-phase-commit', preset: 'rm3', strategy: 'dfs', expect: verdicts, states: 575, transitions: 1935 }),
  defineCheck({
    name: 'two-phase-commit-rm3-simulate',
    description: '3 RMs, 200 seeded random walks: witnesses found, invariants not proved',
    model: 'two-phase-commit',
    preset: 'rm3',
    strategy: 'simulate',
    options: { seed: 1, runs: 200, maxSteps: 30 },
    // Same seed, same walks: the counts are pinned too.
    states: 360,
    transitions: 1602,
    expect: {
      'all RMs agree: none committed while another aborted': 'unknown',
      'a transaction commits': 'witnessed',
      'a transaction aborts': 'witnessed',
    },
  }),
];
