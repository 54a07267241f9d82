import { basename } from 'node:path';
import { splitvoteError } from '../../../src/index.ts';
import { escapeControl } from '../../../src/index.ts';
import { parseLogFile } from '../../../src/index.ts';
import type { IgnoredLine, LogLine, LogObservation, Observation, PreparedValidation, TraceAdapter, ValidationInput } from '../../../src/index.ts';
import type { FailoverConfig, NodeSpec } from '../config.ts';
import { createFailoverModel } from '../model.ts';
import { NACK_REASON_NAME, type NodeContext } from '../types.ts';
import { nodeIndex } from '../rules.ts';
import type { SystemAction, SystemState } from '../../../src/index.ts';
import type { Ghost } from '../ghost.ts';
import { lineMeaning, PHASE, VOTED_RECENTLY } from './lines.ts';
import { probeHolds, stepObserver } from './steps.ts';
import { observationDead } from './dead.ts';
import { parseClusterNodes, parseMeta, type TopologyNode } from './topology.ts';

/** Observation kinds every Redis 7.0 and Valkey log shows (§14.9). */
const BASE_KINDS = ['fail', 'schedule', 'start', 'win', 'cfgset', 'grant', 'deny', 'follow', 'phase', 'votes'];
/** Kinds only Valkey logs: NACKs, fast-fail, past-claim reset, a peer's promotion. */
const VALKEY_KINDS = ['nack', 'fastfail', 'reset', 'primary'];

/**
 * Builds the failover model instance a set of real logs needs and maps the logs to
 * observations (docs/real-system.md, "Trace validation"):
 * - nodes: the primaries that own slots, then the replicas of the frozen primaries (each
 *   sorted by port); replicas of live primaries never vote or stand, so they are left out
 *   and their lines are listed as ignored;
 * - frozen primaries: meta.json `frozen`, else every primary some line marks FAIL; they are
 *   down from the start, and their lines after the freeze are ignored;
 * - currentEpoch: meta.json `currentEpoch`, else the highest configEpoch in the topology or
 *   set with CLUSTER SET-CONFIG-EPOCH in the logs;
 * - a logged node whose log shows no FAIL mark knew the FAILs when its log starts;
 * - zero delay when every "Start of election delayed" line says 0 ms (DEBUG CLUSTER-FAILOVER-DELAY 0);
 * - bounds: maxEpoch one above the highest epoch seen, maxElections the most elections a
 *   logged replica starts (for every replica, logged or not);
 * - observable kinds: Redis 7.0 logs no ACK, NACK or reset; Valkey logs NACKs, resets and
 *   promotions, and ACKs only in builds that have the line (some line shows one).
 * Throws SV402 (bad topology, meta, log line, unknown node id, a log that names no node).
 */
export function prepareFailoverValidation(input: ValidationInput): PreparedValidation {
  const topo = parseClusterNodes(input.topology.text, input.topology.path);
  const meta = input.meta === undefined ? {} : parseMeta(input.meta.text, input.meta.path);
  const byId = new Map(topo.map((n) => [n.id, n]));
  const byPort = new Map(topo.map((n) => [n.port, n]));
  const logs = input.logs.map((f) => ({ file: f.path, lines: parseLogFile(f.text, f.path), writer: writerOf(f.path, byId, byPort) }));
  const freezeAt = meta.freezeAtMs ?? -Infinity;

  // Frozen primaries: meta.json, else those some line marks FAIL.
  let frozen: TopologyNode[];
  if (meta.frozen !== undefined) {
    frozen = meta.frozen.map((port) => byPort.get(port) ?? fail(input.meta!.path, `field "frozen": port ${port} is not in the topology`));
  } else {
    const marked = new Set<string>();
    for (const log of logs) for (const l of log.lines) {
      const m = lineMeaning(l.text);
      if (m.type === 'observation' && m.kind === 'fail') marked.add(m.ids.about);
    }
    frozen = topo.filter((n) => n.primary && marked.has(n.id));
    if (frozen.length === 0) fail(input.topology.path, 'no failed primary: no log line marks a primary FAIL; give meta.json with "frozen" (ports) next to the topology');
  }
  const frozenIds = new Set(frozen.map((n) => n.id));
  const primaries = topo.filter((n) => n.primary && n.hasSlots).sort((a, b) => a.port - b.port);
  const replicas = topo.filter((n) => n.replicaOf !== undefined && frozenIds.has(n.replicaOf)).sort((a, b) => a.port - b.port);
  const members = [...primaries, ...replicas];
  const indexOf = new Map(members.map((n, i) => [n.id, i]));

  const ignored: IgnoredLine[] = [];
  const unknown: LogLine[] = [];
  const perNode: LogObservation[][] = members.map(() => []);
  let setEpoch = 0;
  let maxSeen = 0;
  let valkey = false;
  let ackLines = false;
  let delays = 0;
  let zeroDelays = 0;
  const starts = members.map(() => 0);
  const failLines = members.map(() => 0);
  for (const log of logs) {
    const me = indexOf.get(log.writer.id);
    for (const l of log.lines) {
      const setup = /^configEpoch set to (\d+) via CLUSTER SET-CONFIG-EPOCH$/.exec(l.text);
      if (setup !== null) setEpoch = Math.max(setEpoch, Number(setup[1]));
      if (/^Valkey version=|node config epoch is|I'm the new primary|^Failover auth (?:granted|denied) to [0-9a-f]{40} \(/.test(l.text)) valkey = true;
      if (l.ms < freezeAt) {
        ignored.push({ line: l, why: 'before the freeze (cluster set-up)' });
        continue;
      }
      const meaning = lineMeaning(l.text);
      if (meaning.type === 'unknown') {
        unknown.push(l);
        continue;
      }
      if (meaning.type === 'ignored') {
        ignored.push({ line: l, why: meaning.why });
        continue;
      }
      if (frozenIds.has(log.writer.id)) {
        ignored.push({ line: l, why: 'written by a frozen primary after the freeze (it is down in the model)' });
        continue;
      }
      if (me === undefined) {
        ignored.push({ line: l, why: 'written by a replica of a live primary (not in the model: it never votes or stands)' });
        continue;
      }
      const fields: Record<string, number> = { ...meaning.fields };
      let outside = '';
      for (const [key, id] of Object.entries(meaning.ids)) {
        if (!byId.has(id)) fail(l.file, `line ${l.line}: node id ${id} (field "${key}") is not in the topology ${input.topology.path}`);
        const j = indexOf.get(id);
        if (j === undefined) outside = id;
        else fields[key] = j;
      }
      if (outside !== '') {
        ignored.push({ line: l, why: `names node ${outside.slice(0, 8)}, which is not in the model` });
        continue;
      }
      if (meaning.kind === 'primary' && fields.of === me) {
        ignored.push({ line: l, why: 'my own promotion (part of the win step)' });
        continue;
      }
      if (meaning.kind === 'ack') ackLines = true;
      if (meaning.kind === 'start') starts[me]++;
      if (meaning.kind === 'fail') failLines[me]++;
      if (meaning.kind === 'schedule') {
        delays++;
        if (/^Start of election delayed for 0 milliseconds/.test(l.text)) zeroDelays++;
      }
      for (const key of ['epoch', 'reqEpoch', 'claim']) if (fields[key] !== undefined) maxSeen = Math.max(maxSeen, fields[key]);
      perNode[me].push({ node: me, kind: meaning.kind, fields, source: l, probe: meaning.probe });
    }
  }
  // Lines of one node in file order; files of one node (rare) merged by time.
  for (const list of perNode) list.sort((a, b) => a.source.ms - b.source.ms || (a.source.file === b.source.file ? a.source.line - b.source.line : 0));

  const loggedIds = new Set(logs.map((l) => l.writer.id));
  const current = meta.currentEpoch ?? Math.max(setEpoch, ...topo.map((n) => n.configEpoch));
  const nodes: NodeSpec[] = members.map((n) =>
    n.primary
      ? { configEpoch: n.configEpoch, currentEpoch: current, ...(frozenIds.has(n.id) ? { down: true } : {}) }
      : { replicaOf: indexOf.get(n.replicaOf!)!, currentEpoch: current },
  );
  const failKnown = members.flatMap((n, i) => (loggedIds.has(n.id) && !frozenIds.has(n.id) && failLines[i] === 0 ? [i] : []));
  const config: FailoverConfig = {
    name: `topology ${basename(input.topology.path)}`,
    description: 'built from a real cluster topology by splitvote validate',
    nodes,
    failKnown,
    zeroDelay: delays > 0 && zeroDelays === delays,
    maxEpoch: Math.max(maxSeen, current) + 1,
    maxElections: Math.max(1, ...starts),
    maxDrops: 0,
  };
  const model = createFailoverModel(config, { variants: input.variants });
  const kinds = new Set([...BASE_KINDS, ...(valkey ? VALKEY_KINDS : []), ...(ackLines ? ['ack'] : [])]);
  const names = members.map((n, i) => `${n.primary ? 'P' : 'R'}${i}`);
  const label = (i: number) => `${names[i]}`;
  const describe = (o: Observation & { node: number }) => describeObservation(o, label);
  const observe = stepObserver(model, kinds);
  const nodeOf = model.actorIds.map(nodeIndex);
  const actorCount = model.actorIds.length;
  const actorIndex = new Map(nodeOf.map((node, actor) => [node, actor]));
  const adapter: TraceAdapter<unknown, unknown> = {
    model: model as never,
    nodes: names,
    observe: observe as never,
    actorOf: (action) => {
      const a = action as SystemAction;
      return a.kind === 'event' ? nodeOf[a.actor] : a.kind === 'deliver' ? nodeOf[a.link % actorCount] : -1;
    },
    // Redis 7.0 voted_time expiry of primary j is read only when the voter handles an
    // AUTH_REQUEST of a replica of j (votedRecently guard), and commutes with every other step:
    // take it only then.
    // So is a FAIL mark at a voter without a log (the only voter step that reads FAIL is the
    // AUTH_REQUEST handling, §3 branch 5c; a voter that turns candidate is no longer postponed).
    postpone: (state, action) => {
      const a = action as SystemAction;
      if (a.kind !== 'event') return false;
      const s = state as SystemState<Ghost>;
      if (a.event.type === 'MARK_FAIL') {
        if (loggedIds.has(members[nodeOf[a.actor]].id) || s.actors[a.actor].value !== 'voter') return false;
      } else if (a.event.type !== 'VOTED_TIME_EXPIRES') return false;
      const channels = s.channels;
      const voter = s.actors[a.actor].context as unknown as NodeContext;
      const about = (a.event as unknown as { node: number }).node;
      for (let from = 0; from < actorCount; from++) {
        const link = channels[from * actorCount + a.actor];
        if (link.length === 0 || link[0].type !== 'AUTH_REQUEST') continue;
        // voted_time and FAIL are read about the requester's primary only.
        if (voter.role[nodeOf[from]] === about) return false;
      }
      return true;
    },
    impossible: (o) => {
      const snapshot = (model.initStates()[0] as SystemState<Ghost>).actors[actorIndex.get(o.node) ?? -1];
      if (snapshot === undefined) return true;
      const sw = (snapshot.context as unknown as NodeContext).k.sw;
      return ((o.kind === 'nack' || o.kind === 'fastfail') && !sw.nack) || (o.kind === 'reset' && sw.redis7);
    },
    dead: (state, o) => observationDead(model, state as SystemState<Ghost>, o.node, o.kind, o.fields, kinds),
    probe: (state, o) => probeHolds(model, state as never, o.node, o.kind, o.fields),
    describe,
  };
  const summary = [
    `nodes: ${members.map((n, i) => `${names[i]}=${n.port}${frozenIds.has(n.id) ? ' (frozen)' : ''}${n.replicaOf === undefined ? '' : ` replica of ${names[indexOf.get(n.replicaOf)!]}`}`).join(', ')}`,
    `left out: ${topo.filter((n) => !indexOf.has(n.id)).map((n) => n.port).join(', ') || '(none)'} (replicas of live primaries)`,
    `logs: ${logs.map((l) => `${basename(l.file)}=${indexOf.has(l.writer.id) ? names[indexOf.get(l.writer.id)!] : `${l.writer.port} (not in the model)`}`).join(', ')}`,
    `currentEpoch at the start: ${current}; FAIL known at the start by: ${failKnown.map(label).join(', ') || '(nobody: the logs show every FAIL mark)'}; zero delay: ${config.zeroDelay ? 'yes' : 'no'}`,
    `bounds: maxEpoch ${config.maxEpoch}, maxElections ${config.maxElections}, no drops; server: ${valkey ? 'Valkey' : 'Redis'}; observable: ${[...kinds].join(', ')}`,
  ];
  return { adapter, perNode, ignored, unknown, summary, variants: [...input.variants] };
}

/** Which topology node wrote a log: `<port>.log` or `<40-hex id>.log`. */
function writerOf(path: string, byId: Map<string, TopologyNode>, byPort: Map<number, TopologyNode>): TopologyNode {
  const name = basename(path);
  const port = /^(\d+)\.log$/.exec(name);
  const id = /^([0-9a-f]{40})\.log$/.exec(name);
  const node = port !== null ? byPort.get(Number(port[1])) : id !== null ? byId.get(id[1]) : undefined;
  if (node === undefined) {
    fail(path, `cannot tell which node wrote this log: name it <port>.log or <node id>.log after a node of the topology (ports: ${[...byPort.keys()].join(', ')}), got "${escapeControl(name)}"`);
  }
  return node!;
}

function fail(file: string, detail: string): never {
  throw splitvoteError('SV402', `${file}: ${detail}`);
}

const REASON_TEXT = (r: number): string => (r === VOTED_RECENTLY ? 'VOTED_RECENTLY' : (NACK_REASON_NAME[r] ?? `reason ${r}`));

/** An observation in words ("grant to R7 for epoch 15"). Pure. */
export function describeObservation(o: Observation, label: (i: number) => string): string {
  const f = o.fields;
  const node = (key: string) => (f[key] === undefined ? '?' : label(f[key]));
  const epoch = f.epoch === undefined ? '' : ` for epoch ${f.epoch}`;
  switch (o.kind) {
    case 'fail': return `marks ${node('about')} FAIL`;
    case 'schedule': return 'schedules an election';
    case 'start': return `starts an election${epoch}${f.cfg === undefined ? '' : ` (primary configEpoch ${f.cfg})`}`;
    case 'win': return 'wins the election';
    case 'cfgset': return `takes configEpoch ${f.epoch}`;
    case 'grant': return `grants its vote to ${node('to')}${epoch}`;
    case 'deny': return `refuses ${node('to')} (${REASON_TEXT(f.reason)})${epoch}`;
    case 'ack': return `counts an ACK from ${node('from')}${epoch} (ACKs ${f.count})`;
    case 'nack': return `counts a NACK [${REASON_TEXT(f.reason)}] from ${node('from')}${epoch} (NACKs ${f.count})`;
    case 'fastfail': return `gives up the election${epoch} (NACKs ${f.count})`;
    case 'reset': return `resets the election${epoch} on a claim from ${node('from')}`;
    case 'follow': return `follows ${node('of')} as its new primary`;
    case 'primary': return `sees ${node('of')} become a primary`;
    case 'phase': return `is ${Object.entries(PHASE).find(([, v]) => v === f.phase)?.[0] ?? '?'} (probe)`;
    case 'votes': return `has ${f.votes} votes of quorum ${f.quorum} (probe)`;
    default: return `${o.kind} ${JSON.stringify(f)}`;
  }
}
