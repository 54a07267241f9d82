import { NACK_REASON } from '../types.ts';

/**
 * The Valkey/Redis log-line mapping: which message texts are election observations (with
 * their fields), which are known but carry nothing the model has, and which are unknown.
 * Format strings: docs/protocol/log-lines.md §14 (R7 = redis 7.0.15 src/cluster.c,
 * V = valkey src/cluster_legacy.c, and the #3833 build of the seed logs). Node ids stay as
 * 40-hex strings here; the caller maps them to model nodes. Pure.
 */
export type LineMeaning =
  | { readonly type: 'observation'; readonly kind: string; readonly fields: Readonly<Record<string, number>>; readonly ids: Readonly<Record<string, string>>; readonly probe: boolean }
  | { readonly type: 'ignored'; readonly why: string }
  | { readonly type: 'unknown' };

/** Extra code of a refusal the model has but no NACK reason: Redis 7.0 `voted_time` (§3, §9). */
export const VOTED_RECENTLY = 8;

/** `clusterNackReasonString` names (§4.1) to reason codes. */
export const NACK_REASON_BY_STRING: Readonly<Record<string, number>> = {
  'not-safe': NACK_REASON.NOT_SAFE,
  'req-epoch-old': NACK_REASON.REQ_EPOCH_OLD,
  'already-voted': NACK_REASON.ALREADY_VOTED,
  'req-is-primary': NACK_REASON.REQ_IS_PRIMARY,
  'no-primary': NACK_REASON.NO_PRIMARY,
  'primary-up': NACK_REASON.PRIMARY_UP,
  'stale-config': NACK_REASON.STALE_CONFIG,
};

const ID = '([0-9a-f]{40})';
// Valkey follows an id with its human nodename in parentheses (§14.2); Redis 7.0 does not.
const NAME = '(?: \\([^)]*\\))?';

type Rule = readonly [RegExp, (m: RegExpExecArray) => LineMeaning];

const obs = (kind: string, fields: Record<string, number>, ids: Record<string, string> = {}, probe = false): LineMeaning => ({ type: 'observation', kind, fields, ids, probe });
const ignored = (why: string) => (): LineMeaning => ({ type: 'ignored', why });
const num = Number;

/** Refusal texts after "Failover auth denied to ID:" (§14.4), R7 and V wording. */
function denial(to: string, reqEpoch: string | undefined, reason: string): LineMeaning {
  const at: Record<string, number> = reqEpoch === undefined ? {} : { reqEpoch: num(reqEpoch) };
  let m: RegExpExecArray | null;
  if ((m = /^reqEpoch \((\d+)\) < curEpoch\((\d+)\)$/.exec(reason)) !== null) return obs('deny', { reason: NACK_REASON.REQ_EPOCH_OLD, reqEpoch: num(m[1]), epoch: num(m[2]) }, { to });
  if ((m = /^already voted for epoch (\d+)$/.exec(reason)) !== null) return obs('deny', { reason: NACK_REASON.ALREADY_VOTED, epoch: num(m[1]) }, { to });
  if (/^it is a (master|primary) node$/.test(reason)) return obs('deny', { reason: NACK_REASON.REQ_IS_PRIMARY, ...at }, { to });
  if (/^I don't know its (master|primary)$/.test(reason)) return obs('deny', { reason: NACK_REASON.NO_PRIMARY, ...at }, { to });
  if (/^its (master|primary) is up$/.test(reason)) return obs('deny', { reason: NACK_REASON.PRIMARY_UP, ...at }, { to });
  if (/^can't vote about this (master|primary) before \d+ milliseconds$/.test(reason)) return obs('deny', { reason: VOTED_RECENTLY }, { to });
  if ((m = /^slot \d+ epoch \((\d+)\) > req(?:Config)?Epoch \((\d+)\)$/.exec(reason)) !== null) return obs('deny', { reason: NACK_REASON.STALE_CONFIG, reqConfigEpoch: num(m[2]) }, { to });
  if (/^it is not safe to vote in this moment\)?$/.test(reason)) return obs('deny', { reason: NACK_REASON.NOT_SAFE }, { to });
  return { type: 'unknown' };
}

const RULES: readonly Rule[] = [
  // Candidate (§14.2).
  [/^Start of election delayed for \d+ milliseconds \(rank #\d+, (?:primary rank #\d+, )?offset -?\d+(?:, replica priority \d+)?\)\.$/, () => obs('schedule', {})],
  [/^Starting a failover election for epoch (\d+)\.$/, (m) => obs('start', { epoch: num(m[1]) })],
  [/^Starting a failover election for epoch (\d+), node config epoch is (\d+)$/, (m) => obs('start', { epoch: num(m[1]), cfg: num(m[2]) })],
  [/^Failover election won: I'm the new (?:master|primary)\.$/, () => obs('win', {})],
  [/^configEpoch set to (\d+) after successful failover$/, (m) => obs('cfgset', { epoch: num(m[1]) })],
  // Voter (§14.4).
  [new RegExp(`^Failover auth granted to ${ID}${NAME} for epoch (\\d+)$`), (m) => obs('grant', { epoch: num(m[2]) }, { to: m[1] })],
  [new RegExp(`^Failover auth denied to ${ID}${NAME}(?: for epoch (\\d+))?: (.*)$`), (m) => denial(m[1], m[2], m[3])],
  [new RegExp(`^Failover auth denied to ${ID} [^:]*: (can't vote about this (?:master|primary) before \\d+ milliseconds)$`), (m) => denial(m[1], undefined, m[2])],
  // Replies at the candidate (§14.5).
  [new RegExp(`^Failover auth ACK from ${ID}${NAME} for epoch (\\d+) \\(ACKs (\\d+), quorum \\d+\\)$`), (m) => obs('ack', { epoch: num(m[2]), count: num(m[3]) }, { from: m[1] })],
  [
    new RegExp(`^Failover auth NACK \\[([a-z-]+)\\] from ${ID}${NAME} for epoch (\\d+) \\(NACKs (\\d+)(?:/\\d+|, quorum \\d+)\\)$`),
    (m) => (m[1] in NACK_REASON_BY_STRING ? obs('nack', { reason: NACK_REASON_BY_STRING[m[1]], epoch: num(m[3]), count: num(m[4]) }, { from: m[2] }) : { type: 'unknown' }),
  ],
  [/^Failover election for epoch (\d+) cannot reach quorum \d+ \((?:ACKs \d+, )?NACKs (\d+)(?:\/\d+)?(?:, dead voters \d+)?\)\. Resetting the election since we cannot win an election without quorum\.$/, (m) => obs('fastfail', { epoch: num(m[1]), count: num(m[2]) })],
  [new RegExp(`^Ignoring failover auth NACK \\[[a-z-]+\\] from ${ID}${NAME} for epoch \\d+: current election is for epoch \\d+$`), ignored('a NACK for another epoch, not counted (verbose)')],
  // Resets, claims and role changes (§14.6).
  [
    new RegExp(`^Failover election in progress for epoch (\\d+), but received a claim from node ${ID}${NAME} with an equal or higher epoch (\\d+)\\. Resetting the election since we cannot win an election in the past\\.$`),
    (m) => obs('reset', { epoch: num(m[1]), claim: num(m[3]) }, { from: m[2] }),
  ],
  [new RegExp(`^Configuration change detected\\. Reconfiguring myself as a replica of (?:node )?${ID}`), (m) => obs('follow', {}, { of: m[1] })],
  [new RegExp(`^Reconfiguring node ${ID}${NAME} as primary for shard [0-9a-f]{40}$`), (m) => obs('primary', {}, { of: m[1] })],
  // Failure detection (§14.7): the first FAIL flag of a node, either way it is learnt.
  [new RegExp(`^Marking node ${ID}${NAME} as failing \\(quorum reached\\)\\.$`), (m) => obs('fail', {}, { about: m[1] })],
  [new RegExp(`^FAIL message received from ${ID}${NAME} about ${ID}${NAME}$`), (m) => obs('fail', {}, { about: m[2] })],
  // Probes: a handler run that only reports the candidate's phase (§14.3).
  [/^Currently unable to failover: Waiting the delay before I can start a new failover\.$/, () => obs('phase', { phase: PHASE.delayed }, {}, true)],
  [/^Currently unable to failover: Waiting for votes, but majority still not reached\.$/, () => obs('phase', { phase: PHASE.waiting }, {}, true)],
  [/^Currently unable to failover: Failover attempt expired\.$/, () => obs('phase', { phase: PHASE.expired }, {}, true)],
  [/^Needed quorum: (\d+)\. Number of votes received so far: (\d+)$/, (m) => obs('votes', { quorum: num(m[1]), votes: num(m[2]) }, {}, true)],
  [/^Currently unable to failover: Disconnected from (?:master|primary) for longer than allowed\./, ignored('data age: the model lets every replica fail over (cluster-replica-validity-factor not modelled)')],
  // Known lines without an election observation.
  [/^Cluster state changed: /, ignored('cluster state (ok/fail) is not part of the model')],
  [/^Cluster is currently down: /, ignored('cluster state (ok/fail) is not part of the model')],
  [/^(Replica|Failed primary) rank updated to #\d+, added \d+ milliseconds of delay\.$/, ignored('rank re-computation: the model has no delay values')],
  [/^(This is the best ranked replica and can initiate the election immediately|Myself become the best ranked replica, initiate the election immediately)\.$/, ignored('part of the scheduling step')],
  [/^Mismatch in topology information for sender node /, ignored('topology message printed with a claim')],
  [/^Setting myself to primary in shard /, ignored('part of the win step')],
  [/^configEpoch set to \d+ via CLUSTER SET-CONFIG-EPOCH$/, ignored('cluster set-up')],
  [/^(WARNING: )?configEpoch collision with node /, ignored('configEpoch collision bump (not modelled)')],
  [/^New configEpoch set to \d+$/, ignored('configEpoch bump without consensus (not modelled)')],
  [/^Clear FAIL state for node /, ignored('FAIL cleared (nodes never come back in the model)')],
  [/^Node [0-9a-f]{40}.* reported node [0-9a-f]{40}.* as (not reachable|back online)\.$/, ignored('failure report (the report quorum is abstracted)')],
  [/^(\*\*\* )?NODE [0-9a-f]{40}.* possibly failing\.?$/, ignored('PFAIL (failure-detector evidence, unobservable in the model)')],
  [/^Node [0-9a-f]{40}.* has old slots configuration, sending an UPDATE message about /, ignored('UPDATE after a PING/PONG (not modelled)')],
];

/** The meaning of one log message text. Pure. */
export function lineMeaning(text: string): LineMeaning {
  for (const [pattern, meaning] of RULES) {
    const m = pattern.exec(text);
    if (m !== null) return meaning(m);
  }
  return { type: 'unknown' };
}

/** Candidate phases a probe can name (the machine's `candidate.*` states). */
export const PHASE = { delayed: 1, waiting: 2, expired: 3 } as const;
