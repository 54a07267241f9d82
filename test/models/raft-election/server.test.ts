import { describe, expect, test } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { serverMachine, staleVotesMachine } from '../../../models/raft-election/index.ts';

/** Runs events through XState's own pure transition function; returns the snapshot and what was emitted. */
function run(machine: typeof serverMachine, events: readonly { type: string; [k: string]: unknown }[]) {
  let [snapshot, actions] = initialTransition(machine, { id: 'S1', size: 3 });
  const emitted: unknown[] = [];
  const collect = (list: readonly { type: string; params?: unknown }[]) => {
    for (const a of list) if (a.type === 'xstate.emit') emitted.push((a.params as { event: unknown }).event);
  };
  collect(actions as never);
  for (const event of events) {
    [snapshot, actions] = transition(machine, snapshot as never, event as never);
    collect(actions as never);
  }
  return { snapshot: snapshot as AnyMachineSnapshot, emitted };
}

const timeout = { type: 'xstate.after.ELECTION_TIMEOUT.server.follower' };
const candidateTimeout = { type: 'xstate.after.ELECTION_TIMEOUT.server.candidate' };

describe('a Raft server', () => {
  test('starts as a follower in term 0 that has voted for nobody', () => {
    const { snapshot } = run(serverMachine, []);
    expect(snapshot.value).toBe('follower');
    expect(snapshot.context).toEqual({ id: 'S1', size: 3, currentTerm: 0, votedFor: null, votes: [] });
  });

  test('whose election timer fires becomes a candidate of the next term, votes for itself and asks everyone', () => {
    const { snapshot, emitted } = run(serverMachine, [timeout]);
    expect(snapshot.value).toBe('candidate');
    expect(snapshot.context).toMatchObject({ currentTerm: 1, votedFor: 'S1', votes: ['S1'] });
    expect(emitted).toEqual([{ type: 'RequestVote', to: '*', term: 1 }]);
  });

  test('grants one vote per term: the first requester gets it, a second one in the same term does not', () => {
    const { snapshot, emitted } = run(serverMachine, [
      { type: 'RequestVote', from: 'S2', term: 1 },
      { type: 'RequestVote', from: 'S3', term: 1 },
      { type: 'RequestVote', from: 'S2', term: 1 },
    ]);
    expect(snapshot.context).toMatchObject({ currentTerm: 1, votedFor: 'S2' });
    // S3's request is in my term: no refusal is sent (it would change nothing at S3).
    expect(emitted).toEqual([
      { type: 'Vote', to: 'S2', term: 1, granted: true },
      { type: 'Vote', to: 'S2', term: 1, granted: true },
    ]);
  });

  test('refuses a request from an older term and tells the requester its own newer term', () => {
    const { emitted } = run(serverMachine, [timeout, candidateTimeout, { type: 'RequestVote', from: 'S2', term: 1 }]);
    expect(emitted.at(-1)).toEqual({ type: 'Vote', to: 'S2', term: 2, granted: false });
  });

  test('a candidate becomes leader with a majority of its term, counting each voter once', () => {
    const once = run(serverMachine, [timeout, { type: 'Vote', from: 'S2', term: 1, granted: true }]);
    expect(once.snapshot.value).toBe('leader');
    expect(once.snapshot.context.votes).toEqual(['S1', 'S2']);
    const twice = run(serverMachine, [timeout, { type: 'Vote', from: 'S1', term: 1, granted: true }]);
    expect(twice.snapshot.value).toBe('candidate');
  });

  test('a candidate ignores votes of an older term and refusals', () => {
    const { snapshot } = run(serverMachine, [
      timeout,
      candidateTimeout,
      { type: 'Vote', from: 'S2', term: 1, granted: true },
      { type: 'Vote', from: 'S3', term: 2, granted: false },
    ]);
    expect(snapshot.value).toBe('candidate');
    expect(snapshot.context.votes).toEqual(['S1']);
  });

  test('any state steps down to follower on a newer term, and grants that request', () => {
    const { snapshot, emitted } = run(serverMachine, [timeout, { type: 'Vote', from: 'S2', term: 1, granted: true }, { type: 'RequestVote', from: 'S3', term: 5 }]);
    expect(snapshot.value).toBe('follower');
    expect(snapshot.context).toMatchObject({ currentTerm: 5, votedFor: 'S3', votes: [] });
    expect(emitted.at(-1)).toEqual({ type: 'Vote', to: 'S3', term: 5, granted: true });
    const byVote = run(serverMachine, [timeout, { type: 'Vote', from: 'S2', term: 4, granted: false }]);
    expect(byVote.snapshot.value).toBe('follower');
    expect(byVote.snapshot.context).toMatchObject({ currentTerm: 4, votedFor: null });
  });

  test('the stale-votes bug counts a vote granted in an abandoned term', () => {
    const { snapshot } = run(staleVotesMachine as typeof serverMachine, [timeout, candidateTimeout, { type: 'Vote', from: 'S2', term: 1, granted: true }]);
    expect(snapshot.value).toBe('leader');
    expect(snapshot.context.currentTerm).toBe(2);
  });
});
