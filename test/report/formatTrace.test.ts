import { describe, expect, test } from 'vitest';
import { formatChange, formatTrace, stateView, type Trace } from '../../src/index.ts';

interface Node {
  readonly R3: { readonly epoch: number; readonly failover_auth_count: number };
  readonly P1: { readonly voted: number };
}

// A hand-made trace: R3 starts an election, P1 grants its vote, R3 counts it.
const steps: Trace<Node, string>['steps'] = [
  { action: undefined, label: 'initial state', actor: undefined, state: { R3: { epoch: 4, failover_auth_count: 0 }, P1: { voted: 0 } } },
  { action: 'start', label: 'R3 starts an election (epoch 5)', actor: 'R3', state: { R3: { epoch: 5, failover_auth_count: 0 }, P1: { voted: 0 } } },
  { action: 'grant', label: 'P1 receives AUTH_REQUEST(epoch 5) from R3', actor: 'P1', state: { R3: { epoch: 5, failover_auth_count: 0 }, P1: { voted: 5 } } },
  { action: 'ack', label: 'R3 receives AUTH_ACK(epoch 5) from P1', actor: 'R3', state: { R3: { epoch: 5, failover_auth_count: 1 }, P1: { voted: 5 } } },
];
const trace: Trace<Node, string> = { init: 0, path: [0, 0, 0], steps };

describe('formatTrace', () => {
  test('prints the whole initial state, then each action with only the fields that changed', () => {
    expect(formatTrace(trace, { reproduce: 'splitvote replay s2.json' })).toMatchInlineSnapshot(`
      "0  initial state
          R3: { epoch: 4, failover_auth_count: 0 }
          P1: { voted: 0 }
      1  R3 starts an election (epoch 5)
          R3.epoch: 4 -> 5
      2  P1 receives AUTH_REQUEST(epoch 5) from R3
          P1.voted: 0 -> 5
      3  R3 receives AUTH_ACK(epoch 5) from P1
          R3.failover_auth_count: 0 -> 1
      Reproduce: splitvote replay s2.json"
    `);
  });

  test('says where a lasso returns to', () => {
    const lasso: Trace<Node, string> = { ...trace, steps: [...steps, { ...steps[1], label: 'R3 gives up', state: steps[1].state }], loopsTo: 1 };
    expect(formatTrace(lasso).split('\n').at(-1)).toBe('↻  loops back to step 1: the steps after it repeat forever');
  });

  test('says so when a step changes nothing, rather than printing an empty step', () => {
    const idle: Trace<Node, string> = { init: 0, path: [0], steps: [steps[0], { ...steps[0], label: 'P1 ignores a duplicate' }] };
    expect(formatTrace(idle).split('\n').slice(-2)).toEqual(['1  P1 ignores a duplicate', '    (no field changed)']);
  });

  test('diffs the model view rather than the raw state', () => {
    const view = stateView<Node>({ view: (s) => ({ count: s.R3.failover_auth_count }) });
    const text = formatTrace(trace, { view });
    expect(text).toContain('    count: 0 -> 1');
    expect(text).not.toContain('R3.epoch');
  });

  test('breaks lines wider than the width: the initial state field by field, a wide change over two lines', () => {
    const wide: Trace<Record<string, unknown>, string> = {
      init: 0,
      path: [0],
      steps: [
        { action: undefined, label: 'initial state', actor: undefined, state: { R3: { state: 'candidate.idle', currentEpoch: 5, failover_auth_count: 0, FAIL: ['P0', 'P1'] }, network: {} } },
        { action: 'send', label: 'R3 starts election for epoch 6', actor: 'R3', state: { R3: { state: 'candidate.idle', currentEpoch: 5, failover_auth_count: 0, FAIL: ['P0', 'P1'] }, network: { 'R3 -> P2': [{ type: 'AUTH_REQUEST', header: { currentEpoch: 6, configEpoch: 2 } }] } } },
      ],
    };
    const lines = formatTrace(wide, { width: 60 }).split('\n');
    expect(lines).toEqual([
      '0  initial state',
      '    R3: { state: "candidate.idle", currentEpoch: 5,',
      '      failover_auth_count: 0, FAIL: ["P0", "P1"] }',
      '    network: {}',
      '1  R3 starts election for epoch 6',
      '    network["R3 -> P2"]: (absent)',
      '      -> [{ type: "AUTH_REQUEST",',
      '        header: { currentEpoch: 6, configEpoch: 2 } }]',
    ]);
    expect(lines.every((line) => line.length <= 60)).toBe(true);
  });

  test('prefixes every line with the indent', () => {
    expect(formatTrace(trace, { indent: '  > ' }).split('\n').every((line) => line.startsWith('  > '))).toBe(true);
  });
});

describe('formatChange', () => {
  test('shows the missing side of an added or removed field as (absent)', () => {
    expect(formatChange({ path: 'R3.nacks', kind: 'added', before: undefined, after: 1 })).toBe('R3.nacks: (absent) -> 1');
    expect(formatChange({ path: 'R3.nacks', kind: 'removed', before: 1, after: undefined })).toBe('R3.nacks: 1 -> (absent)');
  });
});
