import type { RecoveryRun, ShardRecord, SystemState, TimedStep } from '../../../src/index.ts';
import type { Ghost } from '../ghost.ts';
import { myPrimary, shardOwnedBy } from '../rules.ts';
import type { NodeContext } from '../types.ts';
import { phaseOf } from './timing.ts';

/**
 * Watches one timed run of the failover election and measures what issue 5 asks for: when
 * the last failed shard got its new primary, whether two candidates ever asked for votes in
 * the same epoch (a split vote), each loser's gap from its first election to the one it won,
 * the epochs used up and the NACK fast-fail resets. `onStep` returns true once every failed
 * shard is served, which ends the run. Reads steps only; never changes the model.
 */
export class RecoveryWatch {
  private readonly served = new Set<number>();
  private readonly starters = new Set<number>();
  private readonly firstStart: number[];
  private readonly lastStart: number[];
  private splitVote = false;
  private nackResets = 0;
  private readonly gaps: number[] = [];
  private recoveredAt = Number.NaN;
  private readonly initialEpoch: number;
  private readonly starts: { epoch: number; ms: number }[][];
  private readonly won: { ms: number; epoch: number }[];

  constructor(initial: SystemState<Ghost>, private readonly failedShards: number) {
    const actors = initial.actors.length;
    this.starts = Array.from({ length: failedShards }, () => []);
    this.won = Array.from({ length: failedShards }, () => ({ ms: Number.NaN, epoch: Number.NaN }));
    this.firstStart = new Array(actors).fill(Number.NaN);
    this.lastStart = new Array(actors).fill(Number.NaN);
    this.initialEpoch = highestEpoch(initial);
  }

  /** Feeds one step; true when every failed shard has a new primary. */
  onStep(step: TimedStep): boolean {
    const before = step.before.context as unknown as NodeContext;
    const after = step.after.context as unknown as NodeContext;
    const a = step.actor;
    // §2.4 step 8: a new AUTH_REQUEST; a second candidate in the same epoch is a split vote.
    if (after.elections > before.elections) {
      if (this.starters.has(after.authEpoch)) this.splitVote = true;
      this.starters.add(after.authEpoch);
      if (Number.isNaN(this.firstStart[a])) this.firstStart[a] = step.now;
      this.lastStart[a] = step.now;
      const shard = shardOwnedBy(before, myPrimary(before));
      if (shard >= 0 && shard < this.failedShards) this.starts[shard].push({ epoch: after.authEpoch, ms: step.now });
    }
    // §4.4: a counted NACK that reset the election (fast-fail).
    if (step.event.type === 'AUTH_NACK' && after.nackCount > before.nackCount && before.authTime && !after.authTime) this.nackResets++;
    // §2.5: a win turns the candidate into the primary of its shard.
    if (phaseOf(step.before.value) !== undefined && step.after.value === 'voter') {
      const shard = shardOwnedBy(before, myPrimary(before));
      if (shard >= 0 && shard < this.failedShards && !this.served.has(shard)) {
        this.served.add(shard);
        this.won[shard] = { ms: step.now, epoch: after.authEpoch };
        if (after.elections > 1) this.gaps.push(this.lastStart[a] - this.firstStart[a]);
        if (this.served.size === this.failedShards) {
          this.recoveredAt = step.now;
          return true;
        }
      }
    }
    return false;
  }

  /** The measurements of the run that ended in `state`; `failMs`: per failed shard, the first FAIL of its primary (from the timing). */
  result(state: SystemState<Ghost>, failMs: readonly number[] = []): RecoveryRun {
    return {
      recovered: !Number.isNaN(this.recoveredAt),
      recoveryMs: this.recoveredAt,
      splitVote: this.splitVote,
      retryGapsMs: this.gaps,
      epochsConsumed: highestEpoch(state) - this.initialEpoch,
      nackResets: this.nackResets,
      shards: this.starts.map((starts, f): ShardRecord => ({ failMs: failMs[f] ?? Number.NaN, starts, wonMs: this.won[f].ms, wonEpoch: this.won[f].epoch })),
    };
  }
}

function highestEpoch(state: SystemState<Ghost>): number {
  let epoch = 0;
  for (const actor of state.actors) epoch = Math.max(epoch, (actor.context as unknown as NodeContext).cur);
  return epoch;
}

/**
 * True when each of the first `failedShards` shards has a new primary: a node that started as
 * a replica, is now a primary (`voter`) and owns the shard in its own view (§2.5). The goal of
 * the exhaustive analysis.
 */
export function failedShardsServed(state: SystemState<Ghost>, failedShards: number): boolean {
  let served = 0;
  for (const actor of state.actors) {
    if (actor.value !== 'voter') continue;
    const ctx = actor.context as unknown as NodeContext;
    const shard = ctx.owner.indexOf(ctx.k.me);
    if (((ctx.k.replicaMask >> ctx.k.me) & 1) === 1 && shard >= 0 && shard < failedShards) served |= 1 << shard;
  }
  return served === 2 ** failedShards - 1;
}
