import { describe, expect, test } from 'vitest';
import { explore } from '../../../src/explore/explore.ts';
import { createRaftElectionModel, raftElection, RAFT_PROPERTY, serverMachine } from '../../../models/raft-election/index.ts';
import type { RequestVote, Vote } from '../../../models/raft-election/index.ts';

const statuses = (result: { properties: readonly { name: string; status: string }[] }) => Object.fromEntries(result.properties.map((p) => [p.name, p.status]));
const trace = (result: { properties: readonly { name: string; trace?: { steps: readonly { label: string }[] } }[] }, property: string) => result.properties.find((p) => p.name === property)?.trace?.steps.map((s) => s.label);

describe('the raft-election model', { timeout: 60_000 }, () => {
  test('with 2 servers and terms up to 3, every property holds in 650 states (the compiled tables and XState agree)', () => {
    const compiled = explore(createRaftElectionModel({ servers: 2, maxTerm: 3 }), { strategy: 'bfs' });
    expect(compiled.complete).toBe(true);
    expect([compiled.stats.states, compiled.stats.transitions, compiled.stats.deadlocks]).toEqual([650, 1284, 0]);
    expect(compiled.stats.boundaryHits).toBeGreaterThan(0);
    expect(statuses(compiled)).toEqual({
      [RAFT_PROPERTY.oneLeader]: 'holds',
      [RAFT_PROPERTY.oneVote]: 'holds',
      [RAFT_PROPERTY.majority]: 'holds',
      [RAFT_PROPERTY.elected]: 'witnessed',
      [RAFT_PROPERTY.reelected]: 'witnessed',
      'no deadlock': 'holds',
    });
    const reference = explore(createRaftElectionModel({ servers: 2, maxTerm: 3, engine: 'xstate' }), { strategy: 'bfs' });
    expect([reference.stats.states, reference.stats.transitions]).toEqual([650, 1284]);
  });

  test('a lost message does not break safety: 2 servers, one drop, terms up to 2', () => {
    const result = explore(createRaftElectionModel({ servers: 2, maxTerm: 2, maxDrops: 1 }), { strategy: 'bfs' });
    expect(statuses(result)).toMatchObject({ [RAFT_PROPERTY.oneLeader]: 'holds', [RAFT_PROPERTY.oneVote]: 'holds', [RAFT_PROPERTY.majority]: 'holds' });
  });

  test('with four servers a candidate counts a first grant and stays a candidate (three servers never take that transition)', () => {
    const model = createRaftElectionModel({ servers: 4, maxTerm: 1 });
    let state = model.initStates()[0];
    for (const label of ['S1: election timeout', 'S2 receives RequestVote(term 1) from S1', 'S1 receives Vote(term 1, granted) from S2']) {
      const out: Parameters<typeof model.next>[1][] = [];
      model.actions(state, out);
      state = model.next(state, out.find((a) => model.formatAction!(a, state) === label)!)!;
    }
    expect(model.view!(state)).toMatchObject({ S1: { state: 'candidate', currentTerm: 1, votes: ['S1', 'S2'] } });
  });

  test('the shortest election takes two steps per vote: a timeout, the request, the grant', () => {
    const result = explore(createRaftElectionModel({ servers: 2, maxTerm: 1 }), { strategy: 'bfs' });
    expect(trace(result, RAFT_PROPERTY.elected)).toEqual(['initial state', 'S1: election timeout', 'S2 receives RequestVote(term 1) from S1', 'S1 receives Vote(term 1, granted) from S2']);
  });
});

describe('each property catches its planted bug', { timeout: 60_000 }, () => {
  test('a voter that forgets whom it voted for votes twice in a term (one vote per term)', () => {
    const forgetful = serverMachine.provide({ guards: { canGrant: ({ context, event }: { context: { currentTerm: number }; event: RequestVote | Vote }) => event.term === context.currentTerm } });
    const result = explore(createRaftElectionModel({ servers: 2, maxTerm: 2, machine: forgetful }), { strategy: 'bfs' });
    expect(statuses(result)[RAFT_PROPERTY.oneVote]).toBe('violated');
    expect(trace(result, RAFT_PROPERTY.oneVote)).toEqual(['initial state', 'S1: election timeout', 'S2: election timeout', 'S2 receives RequestVote(term 1) from S1']);
  });

  test('a candidate counting stale votes wins without a majority of its term (majority; with 2 servers no second leader can follow)', () => {
    const two = raftElection.create({ preset: 'two', variants: ['stale-votes'] });
    expect(statuses(explore(two, { strategy: 'bfs' }))).toMatchObject({ [RAFT_PROPERTY.majority]: 'violated', [RAFT_PROPERTY.oneLeader]: 'holds' });
  });

  test('a candidate that never completes a majority is never elected (the witness fails)', () => {
    const never = serverMachine.provide({ guards: { completesMajority: () => false } });
    const result = explore(createRaftElectionModel({ servers: 2, maxTerm: 2, machine: never }), { strategy: 'bfs' });
    expect(statuses(result)).toMatchObject({ [RAFT_PROPERTY.elected]: 'not-witnessed', [RAFT_PROPERTY.reelected]: 'not-witnessed' });
  });
});

describe('the raft-election catalog entry', () => {
  test('has presets three (the default) and two, and the stale-votes variant', () => {
    expect(raftElection.presets.map((p) => p.name)).toEqual(['three', 'two']);
    expect(raftElection.variants.map((v) => v.name)).toEqual(['stale-votes']);
    expect(raftElection.create({ preset: 'three', variants: [] }).name).toBe('raft-election(servers=3, maxTerm=2)');
  });

  test('an unknown preset or variant, or options out of range, are SV403 naming what is allowed', () => {
    expect(() => raftElection.create({ preset: 'nine', variants: [] })).toThrow(/SV403: unknown preset "nine" .*presets: three, two/);
    expect(() => raftElection.create({ preset: 'two', variants: ['fast'] })).toThrow(/SV403: unknown variant "fast" .*variants: stale-votes/);
    expect(() => createRaftElectionModel({ servers: 7 })).toThrow(/SV403: servers 7 is out of range; use an integer from 2 to 5/);
    expect(() => createRaftElectionModel({ maxTerm: 0 })).toThrow(/SV403: maxTerm 0 is out of range/);
  });
});
