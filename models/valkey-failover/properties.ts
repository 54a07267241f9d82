import { always, recoverable, sometimes, type Property } from '../../src/index.ts';
import type { SystemState } from '../../src/index.ts';
import { count, has, SEEN, VIOLATION, type Ghost, type JudgeFacts } from './ghost.ts';

/** Property names, as checks and tables refer to them (the leading code is the table column). */
export const PROPERTY = {
  S1: 'S1 at most one promotion per election epoch',
  S2: 'S2 a promotion in epoch E is backed by grants in E from a quorum of voters',
  S3: 'S3 a voter grants at most once per epoch',
  S4: 'S4 a fast-fail happens only when quorum is out of reach',
  S5: 'S5 no NACK is sent to a node without the capability',
  S6: 'S6 persistent refusals start at most one election per retry window',
  S7: 'S7 an election whose refusals put quorum out of reach fast-fails',
  S8: 'S8 no replica takes over a primary that is up, outside a manual failover',
  L1: 'L1 every failed shard can still get a primary',
  L2: 'L2 every failed shard gets a primary in some behaviour',
  L3: 'L3 slot ownership converges after a promotion',
  W1: 'W1 a promotion happens',
  W2: 'W2 a fast-fail happens',
  W3: 'W3 a promotion\'s slot claim reaches every live node',
  W4: 'W4 a fast-fail happens where refusals put quorum out of reach',
  W5: 'W5 a manual failover takes over a primary that is up',
} as const;

type State = SystemState<Ghost>;

const ok = (flag: number) => (s: State) => (s.ghost.violated & flag) === 0;

/**
 * The failover properties. S1-S8 are flagged by the monitor (judges.ts) at the step that
 * breaks them and read here from the ghost; L1-L3 and the witnesses are predicates on the
 * ghost's recorded facts (claims, pauses) and the preset's configuration. L1 also reads the
 * two fields the model's boundary reads (`cur`, `elections`), for its bound excuse; L3 reads
 * each live node's view of the slots, the thing that must converge. Nothing here calls a
 * model helper.
 */
export function failoverProperties(facts: JudgeFacts): Property<State>[] {
  return [
    always(PROPERTY.S1, ok(VIOLATION.S1), { description: 'two replicas never announce a promotion won with the same election epoch (§10 S1)' }),
    always(PROPERTY.S2, ok(VIOLATION.S2), {
      description: 'a promotion needs AUTH_ACKs for its epoch from floor(size/2)+1 distinct voters, size = the preset\'s primaries (§8.3, §10 S2)',
    }),
    always(PROPERTY.S3, ok(VIOLATION.S3), { description: 'no voter sends two AUTH_ACKs answering requests of the same epoch (§3 branch 4)' }),
    always(PROPERTY.S4, ok(VIOLATION.S4), {
      description: 'a NACK fast-fail only when the recorded refusals of that epoch and the primaries really down leave less than a quorum (§4.4, #4626, #4627)',
    }),
    always(PROPERTY.S5, ok(VIOLATION.S5), { description: 'NACKs go only to nodes that advertise FAILOVER_AUTH_NACK_SUPPORTED (§1.3, §4.2)' }),
    always(PROPERTY.S6, ok(VIOLATION.S6), { description: 'without an epoch-fixable refusal, one election per auth_retry_time (§8.5, #4700)' }),
    always(PROPERTY.S7, ok(VIOLATION.S7), {
      description: 'no auth_timeout after the epoch-fixable NACKs received and the known-FAIL down primaries left less than a quorum (§4.4)',
    }),
    always(PROPERTY.S8, ok(VIOLATION.S8), {
      description: 'a promotion takes slots only from a primary that is or was down, unless CLUSTER FAILOVER FORCE runs (§2.4 step 1, §2.6)',
    }),
    recoverable(PROPERTY.L1, (s) => recovered(facts, s), {
      description: 'from every state, a state where every shard with a live node has a live owner (or a majority is down, or a bound is reached) is reachable',
    }),
    sometimes(PROPERTY.L2, (s) => served(facts, s), {
      description: 'some behaviour gives every shard with a live node a live owner, with no bound as excuse',
    }),
    recoverable(PROPERTY.L3, (s) => converged(facts, s), {
      description: 'from every state, a state where every live node sees each promoted shard owned by its highest claim is reachable (§5.2)',
    }),
    sometimes(PROPERTY.W1, (s) => s.ghost.promoted !== 0, { description: 'some replica wins an election' }),
    sometimes(PROPERTY.W2, (s) => s.ghost.fastFailed, { description: 'some election is reset by a NACK fast-fail' }),
    sometimes(PROPERTY.W3, (s) => s.ghost.owner.some((o, shard) => o !== shard) && converged(facts, s), {
      description: 'L3 is exercised: some shard changed owner and every live node sees the new claim',
    }),
    sometimes(PROPERTY.W4, (s) => (s.ghost.seen & SEEN.W4) !== 0, {
      description: 'S7 is exercised: a fast-fail at a point where the epoch-fixable refusals and known FAILs already leave less than a quorum',
    }),
    // Only presets with a CLUSTER FAILOVER FORCE budget can exercise S8's exemption.
    ...(facts.manualFailover
      ? [
          sometimes(PROPERTY.W5, (s: State) => (s.ghost.seen & SEEN.W5) !== 0, {
            description: 'S8\'s exemption is exercised: CLUSTER FAILOVER FORCE promotes a replica over a primary that never stopped',
          }),
        ]
      : []),
  ];
}

/** Nodes not running now: down from the start or paused. */
function stoppedNow(facts: JudgeFacts, s: State): number {
  return facts.down | s.ghost.paused;
}

/** Every shard that has a live node is owned (highest claim) by a live node. */
export function served(facts: JudgeFacts, s: State): boolean {
  const out = stoppedNow(facts, s);
  for (let shard = 0; shard < facts.size; shard++) {
    const hasLiveNode = facts.shardNodes[shard].some((j) => !has(out, j));
    if (hasLiveNode && has(out, s.ghost.owner[shard])) return false;
  }
  return true;
}

/** L1's goal: {@link served}, or a majority of the true primaries is down, or a bound is reached. */
export function recovered(facts: JudgeFacts, s: State): boolean {
  const out = stoppedNow(facts, s);
  const up = count(s.ghost.primaries & ~out);
  if (up < facts.quorum) return true;
  // The bound excuse reads what the model's boundary reads (model.ts withinBoundary).
  for (let a = 0; a < facts.nodeOf.length; a++) {
    const j = facts.nodeOf[a];
    if (has(out | s.ghost.primaries, j)) continue;
    const ctx = s.actors[a].context as { cur: number; elections: number };
    if (ctx.elections >= facts.maxElections || ctx.cur >= facts.maxEpoch) return true;
  }
  return served(facts, s);
}

/**
 * L3's goal: for every shard whose highest claim is not its first primary's, every live node
 * that lost no claim to a drop sees that owner with at least that configEpoch.
 */
export function converged(facts: JudgeFacts, s: State): boolean {
  const g = s.ghost;
  const out = stoppedNow(facts, s) | g.missed;
  for (let shard = 0; shard < facts.size; shard++) {
    const owner = g.owner[shard];
    if (owner === shard) continue;
    for (let a = 0; a < facts.nodeOf.length; a++) {
      if (has(out, facts.nodeOf[a])) continue;
      const view = s.actors[a].context as { owner: readonly number[]; cfg: readonly number[] };
      if (view.owner[shard] !== owner || view.cfg[owner] < g.ownerEpoch[shard]) return false;
    }
  }
  return true;
}
