import { describe, expect, test } from 'vitest';
import { explore, sometimes, type SystemAction, type SystemState } from '../../../src/index.ts';
import { createFailoverModel, PRESETS, PROPERTY, provideBoth, type FailoverModel, type Ghost, type NodeContext } from '../../../models/valkey-failover/index.ts';

/**
 * The behaviours of reference §15, each shown reachable by replaying a concrete trace step by
 * step (every label must be an enabled step of the state it is taken in), plus the deliberate
 * bug restart-loses-vote caught by a safety property.
 */

const preset = (name: string) => PRESETS.find((p) => p.name === name)!;
type State = SystemState<Ghost>;

function enabled(model: FailoverModel, state: State): SystemAction[] {
  const out: SystemAction[] = [];
  model.actions(state, out);
  return out.filter((a) => model.next(state, a) !== undefined);
}

/** Replays `labels` from the initial state; returns every state on the way (the initial one first). */
function replay(model: FailoverModel, labels: readonly string[]): State[] {
  const states = [model.initStates()[0]];
  for (const label of labels) {
    const state = states[states.length - 1];
    const action = enabled(model, state).find((a) => model.formatAction!(a, state) === label);
    if (action === undefined) throw new Error(`'${label}' is not enabled; enabled: ${enabled(model, state).map((a) => model.formatAction!(a, state)).join(' | ')}`);
    states.push(model.next(state, action)!);
  }
  return states;
}

const ctx = (model: FailoverModel, state: State, id: string) => state.actors[model.indexOf(id)].context as unknown as NodeContext;
const link = (model: FailoverModel, state: State, from: string, to: string) => state.channels[model.indexOf(from) * model.actorIds.length + model.indexOf(to)];
const bit = (mask: number, i: number) => ((mask >> i) & 1) === 1;

describe('pause and resume (§15.1)', () => {
  const model = createFailoverModel(preset('pause-resume'), { variants: ['nack-4654'] });
  const labels = [
    'R3 starts election for epoch 4 at once',
    'P1 pauses',
    'P2 receives AUTH_REQUEST(epoch 4, FORCEACK) from R3',
    'R3 receives AUTH_ACK(epoch 4) from P2',
    "R3's election for epoch 4 expires (auth_timeout)",
    'R3 retries: starts election for epoch 5 at once',
    'P1 resumes (its queued input follows)',
    'P1 receives AUTH_REQUEST(epoch 4, FORCEACK) from R3',
    'P1 receives AUTH_REQUEST(epoch 5, FORCEACK) from R3',
  ];

  test('a paused node receives nothing; its requests wait in its socket, in order', () => {
    const states = replay(model, labels.slice(0, 6));
    const last = states[states.length - 1];
    expect(link(model, last, 'R3', 'P1').map((m) => (m as unknown as { hdr: { cur: number } }).hdr.cur)).toEqual([4, 5]);
    expect(enabled(model, last).map((a) => model.formatAction!(a, last)).filter((l) => l.startsWith('P1'))).toEqual(['P1 resumes (its queued input follows)']);
  });

  test('the resumed node processes its queued requests and grants votes for two old epochs', () => {
    const states = replay(model, labels);
    const afterFirst = states[states.length - 2];
    const last = states[states.length - 1];
    expect(ctx(model, afterFirst, 'P1').lastVote).toBe(4);
    expect(ctx(model, last, 'P1').lastVote).toBe(5);
    expect(link(model, last, 'P1', 'R3').map((m) => m.type)).toEqual(['DOWN', 'PONG', 'AUTH_ACK', 'AUTH_ACK']);
  });

  test('R3 marks P1 FAIL, and clears it when P1 answers again (§15.3)', () => {
    const answered = [...labels, 'R3 notices P1 stopped answering (PFAIL)', 'R3 marks P1 FAIL', 'R3 receives PONG(primary of shard 1, configEpoch 2) from P1'];
    const states = replay(model, [...answered, 'R3 clears FAIL of P1 (reachable again)']);
    const [marked, ponged, cleared] = states.slice(-3).map((s) => ctx(model, s, 'R3'));
    expect(bit(marked.fail, 1)).toBe(true);
    // A voting primary's FAIL outlives its first PONG (2 * node_timeout): a step of its own.
    expect(bit(ponged.fail, 1)).toBe(true);
    expect(bit(cleared.fail, 1) || bit(cleared.pfail, 1)).toBe(false);
  });

  test('the compiled tables and xstate.transition() agree on the frozen state, its guard params and resume targets', () => {
    const compiled = explore(model);
    const reference = explore(createFailoverModel(preset('pause-resume'), { variants: ['nack-4654'], engine: 'xstate' }));
    expect([reference.stats.states, reference.stats.transitions]).toEqual([compiled.stats.states, compiled.stats.transitions]);
  });

  test('without a resume budget a pause is for good, as before (nack-then-fail keeps its count)', () => {
    const r = explore(createFailoverModel(preset('nack-then-fail'), { variants: ['nack-4654'] }));
    expect(r.stats.states).toBe(6973);
  });
});

describe('FAIL from failure reports (§15.2)', () => {
  /** R5 has P1 FAIL while P1's NACK is still on its way to R5. */
  const failBeforeNack = (model: FailoverModel) => (s: State) => {
    const r5 = ctx(model, s, 'R5');
    return bit(r5.fail, 1) && link(model, s, 'P1', 'R5').some((m) => m.type === 'AUTH_NACK');
  };
  const witness = (name: string) => {
    const model = createFailoverModel(preset(name), { variants: ['nack-4654'] });
    const probe: FailoverModel = { ...model, properties: [sometimes('R5 learns P1 FAIL before P1 NACK arrives', failBeforeNack(model))] };
    return explore(probe).properties[0].status;
  };

  test('before: FAIL of a voter reached the candidate only behind that voter\'s own replies (nack-then-fail)', () => {
    expect(witness('nack-then-fail')).toBe('not-witnessed');
  });

  test('with a reporter the candidate can learn FAIL first, and then does not count the NACK (fail-report)', () => {
    expect(witness('fail-report')).toBe('witnessed');
    const model = createFailoverModel(preset('fail-report'), { variants: ['nack-4654'] });
    const states = replay(model, [
      'operator runs CLUSTER FAILOVER FORCE on R5',
      'R5 starts election for epoch 6 at once',
      'P1 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5',
      'P1 pauses',
      'P4 notices P1 stopped answering (PFAIL)',
      'P4 marks P1 FAIL',
      'R5 receives FAIL(P1) from P4',
      'R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P1',
    ]);
    const [beforeNack, afterNack] = states.slice(-2);
    expect(bit(ctx(model, beforeNack, 'R5').fail, 1)).toBe(true);
    expect(ctx(model, afterNack, 'R5').nackCount).toBe(ctx(model, beforeNack, 'R5').nackCount);
  });
});

describe('restart from nodes.conf (§15.4)', () => {
  const labels = (epochSaved: number) => [
    'R3 starts election for epoch 4 at once',
    'P1 receives AUTH_REQUEST(epoch 4) from R3',
    `P1 restarts from nodes.conf (lastVoteEpoch ${epochSaved})`,
    'R4 starts election for epoch 4 at once',
    'P1 receives AUTH_REQUEST(epoch 4) from R4',
  ];

  test('a restart keeps lastVoteEpoch, so the voter refuses a second request in that epoch', () => {
    const model = createFailoverModel(preset('restart'), { variants: ['nack-4654'] });
    const last = replay(model, labels(4)).at(-1)!;
    expect(ctx(model, last, 'P1').lastVote).toBe(4);
    expect(link(model, last, 'P1', 'R4').map((m) => m.type)).toEqual(['AUTH_NACK']);
  });

  test('restart-loses-vote: the unsaved vote is forgotten and granted again', () => {
    const model = createFailoverModel(preset('restart'), { variants: ['nack-4654', 'restart-loses-vote'] });
    const last = replay(model, labels(0)).at(-1)!;
    expect(link(model, last, 'P1', 'R4').map((m) => m.type)).toEqual(['AUTH_ACK']);
  });

  test('restart-loses-vote is caught: two promotions in one epoch (S1); with sync saving S1 holds', () => {
    const status = (variants: string[]) => explore(createFailoverModel(preset('restart'), { variants })).properties.find((p) => p.name === PROPERTY.S1)!.status;
    expect(status(['nack-4654', 'restart-loses-vote'])).toBe('violated');
    expect(status(['nack-4654'])).toBe('holds');
  });
});

describe('lead (b): fix-4655 with FAIL learned before the reply is counted (docs/models/valkey-failover.md)', () => {
  const model = createFailoverModel(preset('fail-after-ack'), { variants: ['nack-4654', 'fix-4655'] });
  const prefix = [
    'operator runs CLUSTER FAILOVER FORCE on R5',
    'R5 starts election for epoch 6 at once',
    'P1 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5',
    'P2 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5',
    'R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P2',
    'P3 receives AUTH_REQUEST(epoch 6, FORCEACK) from R5',
    'P1 pauses',
    'P4 notices P1 stopped answering (PFAIL)',
    'P4 marks P1 FAIL',
    'R5 receives FAIL(P1) from P4',
    'R5 recomputes size/size_fail (clusterUpdateState)',
    'R5 receives AUTH_ACK(epoch 6) from P1',
  ];

  test('an ACK counted after FAIL leaves the voter in the cached size_fail: the next NACK fast-fails (S4)', () => {
    const states = replay(model, [...prefix, 'R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P3']);
    const [acked, nacked] = states.slice(-2);
    const r5 = ctx(model, acked, 'R5');
    expect([r5.authCount, r5.sizeFail, bit(r5.acked, 1)]).toEqual([1, 1, true]);
    expect(ctx(model, nacked, 'R5').authTime).toBe(false);
    expect(nacked.ghost.fastFailed).toBe(true);
  });

  test('a recompute between the ACK and the NACK leaves the voter out of size_fail: no fast-fail', () => {
    const states = replay(model, [...prefix, 'R5 recomputes size/size_fail (clusterUpdateState)', 'R5 receives AUTH_NACK(epoch 6, NOT_SAFE) from P3']);
    expect(ctx(model, states.at(-2)!, 'R5').sizeFail).toBe(0);
    expect(ctx(model, states.at(-1)!, 'R5').authTime).toBe(true);
  });

  test('S4 is broken on fix-4655 in fail-after-ack and holds in fail-report (NACKs only)', () => {
    const s4 = (name: string) => explore(createFailoverModel(preset(name), { variants: ['nack-4654', 'fix-4655'] })).properties.find((p) => p.name === PROPERTY.S4)!.status;
    expect(s4('fail-after-ack')).toBe('violated');
    expect(s4('fail-report')).toBe('holds');
  });
});

describe('fault budgets are validated', () => {
  test('a resume budget without a pause budget is an SV403 naming the node and the field', () => {
    const bad = { ...preset('pause-resume'), nodes: [{ down: true }, { mayResume: true }, {}, { replicaOf: 0 }] };
    expect(() => createFailoverModel(bad)).toThrow(/SV403.*nodes\[1\]\.mayResume needs nodes\[1\]\.mayPause/);
  });

  test('restart-loses-vote combines with every base, redis-7.0 included', () => {
    expect(createFailoverModel(preset('restart'), { variants: ['redis-7.0', 'restart-loses-vote'] }).name).toContain('redis-7.0,restart-loses-vote');
  });
});

describe('the environment offers events and the guards decide (issue 8, item 1)', () => {
  const s2 = (machines?: ReturnType<typeof provideBoth>) =>
    explore(createFailoverModel(preset('stale-nack'), { variants: ['nack-4654'], machines })).properties.find((p) => p.name === PROPERTY.S2)!.status;

  test('a loosened quorumReached supplied with provide() runs, and S2 catches the win it allows', () => {
    const loose = provideBoth({ guards: { quorumReached: ({ context }: { context: NodeContext }) => context.authCount >= 1 } as never });
    expect(s2()).toBe('holds');
    expect(s2(loose)).toBe('violated');
  });
});

