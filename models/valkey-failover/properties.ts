import { always, recoverable, sometimes, type Property } from '../../src/index.ts';
import type { SystemState } from '../../src/index.ts';
import { VIOLATION, type Ghost } from './monitor.ts';
import { isVoting } from './rules.ts';
import type { NodeContext } from './types.ts';

/** Property names, as checks and tables refer to them (the leading code is the table column). */
export const PROPERTY = {
  S1: 'S1 at most one promotion per election epoch',
  S2: 'S2 a promotion in epoch E is backed by grants in E from a quorum of voters',
  S3: 'S3 a voter grants at most once per epoch',
  S4: 'S4 a fast-fail happens only when quorum is out of reach',
  S5: 'S5 no NACK is sent to a node without the capability',
  S6: 'S6 persistent refusals start at most one election per retry window',
  L1: 'L1 every failed shard can still get a primary',
  W1: 'W1 a promotion happens',
  W2: 'W2 a fast-fail happens',
} as const;

/** Cluster facts the state predicates need. */
export interface PropertyFacts {
  readonly shards: number;
  /** Actor index of each node, -1 for nodes down at the start. */
  readonly actorOf: readonly number[];
  /** Per shard: nodes that started as its primary or its replicas. */
  readonly shardNodes: readonly (readonly number[])[];
  readonly maxEpoch: number;
  readonly maxElections: number;
}

type State = SystemState<Ghost>;

const ok = (bitValue: number) => (s: State) => (s.ghost.violated & bitValue) === 0;

/**
 * The properties of issue 3 §6, judged on the ghost (S1-S6, W2) or the state (L1, W1).
 * S1-S4 and S6 are detected by the monitor at the step that breaks them; see monitor.ts.
 */
export function failoverProperties(facts: PropertyFacts): Property<State>[] {
  return [
    always(PROPERTY.S1, ok(VIOLATION.S1), { description: 'two replicas never win an election with the same epoch (§10 S1)' }),
    always(PROPERTY.S2, ok(VIOLATION.S2), { description: 'a win in epoch E needs quorum distinct grants in E to the winner (§8.3, §10 S2)' }),
    always(PROPERTY.S3, ok(VIOLATION.S3), { description: 'lastVoteEpoch makes a voter grant once per epoch (§3 branch 4)' }),
    always(PROPERTY.S4, ok(VIOLATION.S4), { description: 'no NACK fast-fail while the votes still reachable in that epoch reach quorum (§4.4, #4626, #4627)' }),
    always(PROPERTY.S5, ok(VIOLATION.S5), { description: 'NACKs go only to nodes that advertise FAILOVER_AUTH_NACK_SUPPORTED (§1.3, §4.2)' }),
    always(PROPERTY.S6, ok(VIOLATION.S6), { description: 'without an epoch-fixable refusal, one election per auth_retry_time (§8.5, #4700)' }),
    recoverable(PROPERTY.L1, (s) => recovered(facts, s), {
      description: 'from every state, a state where every shard with a live node has a primary (or a majority is down, or a bound is reached) is reachable',
    }),
    sometimes(PROPERTY.W1, (s) => s.ghost.promoted !== 0, { description: 'some replica wins an election' }),
    sometimes(PROPERTY.W2, (s) => s.ghost.fastFailed, { description: 'some election is reset by a NACK fast-fail' }),
  ];
}

function live(s: State, actor: number): NodeContext | undefined {
  if (actor < 0 || s.actors[actor].value === 'paused') return undefined;
  return s.actors[actor].context as unknown as NodeContext;
}

/** L1's goal: every shard with a live node is served, or a majority of voters is down, or a bound is reached. */
export function recovered(facts: PropertyFacts, s: State): boolean {
  let votersUp = 0;
  let atBound = false;
  const servedShards = new Set<number>();
  for (const actor of facts.actorOf) {
    const ctx = live(s, actor);
    if (ctx === undefined) continue;
    const me = ctx.k.me;
    if (s.actors[actor].value === 'voter' && isVoting(ctx, me)) {
      votersUp++;
      servedShards.add(ctx.owner.indexOf(me));
    } else if (ctx.elections >= facts.maxElections || ctx.cur >= facts.maxEpoch) {
      atBound = true;
    }
  }
  if (atBound || votersUp < Math.floor(facts.shards / 2) + 1) return true;
  for (let shard = 0; shard < facts.shards; shard++) {
    const hasLiveNode = facts.shardNodes[shard].some((j) => live(s, facts.actorOf[j]) !== undefined);
    if (hasLiveNode && !servedShards.has(shard)) return false;
  }
  return true;
}
