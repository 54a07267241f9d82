import type { AnyStateMachine } from 'xstate';
import { always, createActorSystemModel, sometimes, splitvoteError } from '../../src/index.ts';
import type { ActorSystemModel, Message, Monitor, StepRecord, SystemState } from '../../src/index.ts';
import { serverMachine } from './server.ts';

/** Options of {@link createRaftElectionModel}. */
export interface RaftElectionOptions {
  /** Number of servers, 2 to 5 (default 3). */
  readonly servers?: number;
  /** Largest term a server may reach; a step past it is cut by the bounds (default 2). */
  readonly maxTerm?: number;
  /** How many messages the network may lose in one behaviour (default 0). */
  readonly maxDrops?: number;
  /** A replacement server machine, for example a deliberate bug made with `serverMachine.provide`. */
  readonly machine?: AnyStateMachine;
  /** `compiled` (default) or `xstate` (every step through `xstate.transition()`: slow, exact). */
  readonly engine?: 'compiled' | 'xstate';
}

// #region ghost
/** What the monitor records from the steps, for the properties to judge. */
export interface RaftGhost {
  /** `term:server` for every server that became leader, sorted. */
  readonly leaders: readonly string[];
  /** `term:voter:candidate` for every vote granted (a candidate votes for itself), sorted. */
  readonly grants: readonly string[];
}

function added(list: readonly string[], item: string): readonly string[] {
  return list.includes(item) ? list : [...list, item].sort();
}

/**
 * Records facts from what each step did, never from the guards: a server whose step ends in
 * `leader` became leader of its term; a Vote with `granted: true` is a grant; a RequestVote
 * is the candidate's vote for itself.
 */
const raftMonitor: Monitor<RaftGhost> = {
  initial: { leaders: [], grants: [] },
  step(ghost: RaftGhost, record: StepRecord): RaftGhost {
    let { leaders, grants } = ghost;
    const after = record.after;
    if (after !== undefined && after.value === 'leader' && record.before?.value !== 'leader') {
      leaders = added(leaders, `${String(after.context.currentTerm)}:${String(after.context.id)}`);
    }
    for (const m of record.sent as readonly (Message & { term?: number; granted?: boolean })[]) {
      if (m.type === 'Vote' && m.granted === true) grants = added(grants, `${String(m.term)}:${m.from}:${m.to}`);
      if (m.type === 'RequestVote') grants = added(grants, `${String(m.term)}:${m.from}:${m.from}`);
    }
    return leaders === ghost.leaders && grants === ghost.grants ? ghost : { leaders, grants };
  },
};
// #endregion ghost

/** A state of the Raft election system. */
export type RaftState = SystemState<RaftGhost>;

/** Server ids S1..Sn. */
export function serverIds(servers: number): string[] {
  return Array.from({ length: servers }, (_, i) => `S${i + 1}`);
}

// #region properties
/** The properties, named as sentences; each judges the ghost with its own arithmetic. */
export const PROPERTY = {
  oneLeader: 'at most one leader per term',
  oneVote: 'a server votes at most once per term',
  majority: 'every leader was voted for by a majority in its term',
  elected: 'a leader is elected',
  reelected: 'leaders are elected in two different terms',
} as const;

function split(entry: string): string[] {
  return entry.split(':');
}

function properties(servers: number) {
  const majority = Math.floor(servers / 2) + 1;
  return [
    always(PROPERTY.oneLeader, (s: RaftState) => {
      const terms = s.ghost.leaders.map((l) => split(l)[0]);
      return new Set(terms).size === terms.length;
    }, { description: 'election safety (Raft Figure 3)' }),
    always(PROPERTY.oneVote, (s: RaftState) => {
      const ballots = s.ghost.grants.map((g) => split(g).slice(0, 2).join(':'));
      return new Set(ballots).size === ballots.length;
    }, { description: 'votedFor: one ballot per server and term' }),
    always(PROPERTY.majority, (s: RaftState) => s.ghost.leaders.every((leader) => {
      const [term, id] = split(leader);
      return s.ghost.grants.filter((g) => split(g)[0] === term && split(g)[2] === id).length >= majority;
    }), { description: `a leader got at least ${majority} of ${servers} votes in the term it leads` }),
    sometimes(PROPERTY.elected, (s: RaftState) => s.ghost.leaders.length > 0),
    sometimes(PROPERTY.reelected, (s: RaftState) => new Set(s.ghost.leaders.map((l) => split(l)[0])).size >= 2),
  ];
}
// #endregion properties

function describe(record: { type: string; term?: unknown; granted?: unknown }): string {
  if (record.type === 'RequestVote') return `RequestVote(term ${String(record.term)})`;
  if (record.type === 'Vote') return `Vote(term ${String(record.term)}, ${record.granted === true ? 'granted' : 'refused'})`;
  return record.type;
}

// #region model
/**
 * The Raft leader election of `servers` servers on FIFO links. Every server starts as a
 * follower in term 0; its election timer may fire at any time. States where some server's
 * term exceeds `maxTerm` are outside the bounds. Pure; throws SV403 for options out of range.
 */
export function createRaftElectionModel(options: RaftElectionOptions = {}): ActorSystemModel<RaftGhost> {
  const servers = options.servers ?? 3;
  const maxTerm = options.maxTerm ?? 2;
  const maxDrops = options.maxDrops ?? 0;
  if (!Number.isInteger(servers) || servers < 2 || servers > 5) throw splitvoteError('SV403', `servers ${String(servers)} is out of range; use an integer from 2 to 5`);
  if (!Number.isInteger(maxTerm) || maxTerm < 1 || maxTerm > 4) throw splitvoteError('SV403', `maxTerm ${String(maxTerm)} is out of range; use an integer from 1 to 4`);
  const ids = serverIds(servers);
  return createActorSystemModel<RaftGhost>({
    name: `raft-election(servers=${servers}, maxTerm=${maxTerm})`,
    engine: options.engine,
    actors: ids.map((id) => ({ id, machine: options.machine ?? serverMachine, input: { id, size: servers } })),
    network: { ordering: 'fifo', maxDrops },
    monitor: raftMonitor,
    properties: properties(servers),
    withinBoundary: (s) => s.actors.every((a) => (a.context.currentTerm as number) <= maxTerm),
    formatAction: (action, s) => {
      if (action.kind === 'event') return `${ids[action.actor]}: election timeout`;
      const message = s.channels[action.link][action.index];
      const [from, to] = [ids[Math.floor(action.link / servers)], ids[action.link % servers]];
      return action.kind === 'deliver' ? `${to} receives ${describe(message)} from ${from}` : `network drops ${describe(message)} ${from} -> ${to}`;
    },
    bounds: { servers, maxTerm },
  });
}
// #endregion model
