import type { ModelEntry, TableSpec } from '../src/index.ts';
import { raftElection } from './raft-election/index.ts';
import { twoPhaseCommit } from './two-phase-commit/index.ts';
import { valkeyFailover, valkeyFlagship } from './valkey-failover/index.ts';

/** Every model the CLI knows, in `splitvote list` order. */
export const catalog: ModelEntry[] = [valkeyFailover, twoPhaseCommit, raftElection];

/** The verdict table `splitvote table` prints by default. */
export const flagship: TableSpec = valkeyFlagship;
