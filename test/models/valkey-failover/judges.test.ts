import { describe, expect, test } from 'vitest';
import { assign, emit } from 'xstate';
import { explore } from '../../../src/index.ts';
import { createFailoverModel, findPreset, guards, PROPERTY, provideBoth, updates } from '../../../models/valkey-failover/index.ts';
import type { FailoverMachines } from '../../../models/valkey-failover/index.ts';
import { nackMessage } from '../../../models/valkey-failover/actions.ts';
import type { NodeContext } from '../../../models/valkey-failover/types.ts';

type Key = keyof typeof PROPERTY;

function run(preset: string, variants: string[], machines?: FailoverMachines, maxStates?: number) {
  const model = createFailoverModel(findPreset(preset)!, { variants, machines });
  const result = explore(model, { strategy: 'bfs', ...(maxStates ? { maxStates } : {}) });
  return (key: Key) => result.properties.find((p) => p.name === PROPERTY[key])!.status;
}

type Args = Parameters<typeof guards.quorumReached>[0];
const withSwitches = (args: Args, sw: Partial<NodeContext['k']['sw']>): Args => ({
  ...args,
  context: { ...args.context, k: { ...args.context.k, sw: { ...args.context.k.sw, ...sw } } },
});

// Each test plants one bug in the code a property judges, through provide(), and checks that
// the property (judging from recorded facts only) fails, and that it holds without the bug.
describe('every property catches a deliberate bug in the code it judges', () => {
  test('S1: a quorum of one lets two siblings win the same epoch', () => {
    const loose = provideBoth({ guards: { quorumReached: ({ context }: Args) => context.authCount >= 1 && guards.canFailover({ context } as Args) } });
    expect(run('siblings', ['nack-4654', 'fix-4655'], loose, 50_000)('S1')).toBe('violated');
  });

  test('S2: a loosened quorumReached (one ACK) wins without a quorum; the environment lets the guard decide', () => {
    expect(run('stale-nack', ['nack-4654'])('S2')).toBe('holds');
    const loose = provideBoth({ guards: { quorumReached: ({ context }: Args) => context.authCount >= 1 && guards.canFailover({ context } as Args) } });
    expect(run('stale-nack', ['nack-4654'], loose)('S2')).toBe('violated');
  });

  test('S3: a voter that grants without recording lastVoteEpoch votes twice in one epoch', () => {
    const forgetful = provideBoth({ actions: { grantVote: assign(({ context }: { context: NodeContext }) => context) } });
    expect(run('siblings', ['nack-4654', 'fix-4655'], forgetful, 50_000)('S3')).toBe('violated');
  });

  test('S4: a candidate that fast-fails on every NACK resets an election that could still win', () => {
    expect(run('slack', ['nack-4654'])('S4')).toBe('holds');
    const hasty = provideBoth({ guards: { quorumUnreachable: () => true } });
    expect(run('slack', ['nack-4654'], hasty)('S4')).toBe('violated');
  });

  test('S5: a voter that NACKs without checking the requester advertises the capability', () => {
    expect(run('split-vote', ['nack-4654', 'mixed'])('S5')).toBe('holds');
    const ungated = provideBoth({
      actions: {
        sendNack: emit((({ context, event }: { context: NodeContext; event: { type: string; from?: string } }, params: { reason: number }) => ({
          ...nackMessage(context, event, params.reason),
          to: event.from as string,
        })) as never),
      },
    });
    expect(run('split-vote', ['nack-4654', 'mixed'], ungated)('S5')).toBe('violated');
  });

  test('S6: fix-4700 with the reason filter dropped restarts on persistent refusals', () => {
    expect(run('storm', ['nack-4654', 'fix-4700'])('S6')).toBe('holds');
    const unfiltered = provideBoth({ guards: { nackCounts: (args: Args) => guards.nackCounts(withSwitches(args, { fix4700: false })) } });
    expect(run('storm', ['nack-4654', 'fix-4700'], unfiltered)('S6')).toBe('violated');
  });

  test('S7: a candidate that never fast-fails waits out auth_timeout although the NACKs put quorum out of reach', () => {
    expect(run('stale-nack', ['nack-4654'])('S7')).toBe('holds');
    const patient = provideBoth({ guards: { quorumUnreachable: () => false } });
    const status = run('stale-nack', ['nack-4654'], patient);
    expect(status('S7')).toBe('violated');
    expect(status('W2')).toBe('not-witnessed');
  });

  test('S8: a manual failover whose timeout does not end it takes over a primary that is up', () => {
    expect(run('nack-then-fail', ['nack-4654'])('S8')).toBe('holds');
    const sticky = provideBoth({ actions: { manualFailoverTimeout: assign(({ context }: { context: NodeContext }) => context) } });
    expect(run('nack-then-fail', ['nack-4654'], sticky)('S8')).toBe('violated');
  });

  test('L2: a winner that does not take its shard\'s slots is promoted (W1) but the shard never gets an owner (L1 sees it too here)', () => {
    const slotless = provideBoth({
      actions: { winElection: assign((({ context, event }: { context: NodeContext; event: { type: string } }) => ({ ...updates.winElection(context, event), owner: context.owner })) as never) },
    });
    const status = run('stale-nack', ['nack-4654'], slotless);
    expect(status('W1')).toBe('witnessed');
    expect(status('L1')).toBe('violated');
    expect(status('L2')).toBe('not-witnessed');
    expect(run('stale-nack', ['nack-4654'])('L2')).toBe('witnessed');
  });

  test('L2: voters that always answer PRIMARY_UP let nobody win; L1 holds by its bound excuse, L2 fails', () => {
    const stubborn = provideBoth({ guards: { primaryUp: () => true } });
    const status = run('stale-nack', ['nack-4654'], stubborn);
    expect(status('L1')).toBe('holds');
    expect(status('L2')).toBe('not-witnessed');
  });

  test('L3: a winner that broadcasts no PONG leaves the other nodes on the old owner for good', () => {
    expect(run('stale-nack', ['nack-4654'])('L3')).toBe('holds');
    const silent = provideBoth({ actions: { broadcastPong: emit(() => ({ type: 'PONG', to: [] }) as never) } });
    const status = run('stale-nack', ['nack-4654'], silent);
    expect(status('W1')).toBe('witnessed');
    expect(status('L3')).toBe('violated');
  });
});
