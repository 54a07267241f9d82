import { splitvoteError } from '../../../src/index.ts';
import { escapeControl } from '../../../src/index.ts';

/** One line of CLUSTER NODES: `<id> <ip:port@cport[,hostname]> <flags> <primary|-> <ping> <pong> <configEpoch> <link> <slot>...`. */
export interface TopologyNode {
  readonly id: string;
  readonly port: number;
  readonly primary: boolean;
  /** Id of the primary this node replicates, for a replica. */
  readonly replicaOf?: string;
  readonly configEpoch: number;
  readonly hasSlots: boolean;
}

/** What `meta.json` next to the topology may say (the harness contract, plus optional extras). */
export interface TopologyMeta {
  /** Ports of the primaries frozen at the start of the behaviour. */
  readonly frozen?: readonly number[];
  /** When they were frozen (ms since the epoch); earlier log lines are set-up, not behaviour. */
  readonly freezeAtMs?: number;
  /** Extra: every node's currentEpoch at the freeze (default: inferred from the topology and the logs). */
  readonly currentEpoch?: number;
}

const fail = (file: string, detail: string): never => {
  throw splitvoteError('SV402', `${file}: ${detail}`);
};

/**
 * Parses CLUSTER NODES text (one node per line, as `redis-cli cluster nodes` prints it).
 * Throws SV402 naming the file, the line and the field that is wrong. Pure.
 */
export function parseClusterNodes(text: string, file: string): TopologyNode[] {
  const nodes: TopologyNode[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${i + 1}`;
    const f = line.split(/\s+/);
    if (f.length < 8) fail(file, `${where}: a CLUSTER NODES line has at least 8 fields (id, address, flags, primary, ping, pong, configEpoch, link), got ${f.length}: "${escapeControl(line.slice(0, 100))}"`);
    if (!/^[0-9a-f]{40}$/.test(f[0])) fail(file, `${where}: field 1 (node id) must be 40 hex digits, got "${escapeControl(f[0].slice(0, 60))}"`);
    const port = /^[^:]*:(\d+)@\d+/.exec(f[1]);
    if (port === null) fail(file, `${where}: field 2 (address) must look like ip:port@cport, got "${escapeControl(f[1].slice(0, 60))}"`);
    const flags = f[2].split(',');
    const primary = flags.includes('master');
    if (!primary && !flags.includes('slave')) fail(file, `${where}: field 3 (flags) must contain master or slave, got "${escapeControl(f[2].slice(0, 60))}"`);
    if (!primary && !/^[0-9a-f]{40}$/.test(f[3])) fail(file, `${where}: field 4 (primary id) of a replica must be 40 hex digits, got "${escapeControl(f[3].slice(0, 60))}"`);
    if (!/^\d+$/.test(f[6])) fail(file, `${where}: field 7 (configEpoch) must be an integer, got "${escapeControl(f[6].slice(0, 60))}"`);
    nodes.push({ id: f[0], port: Number(port![1]), primary, ...(primary ? {} : { replicaOf: f[3] }), configEpoch: Number(f[6]), hasSlots: f.length > 8 });
  });
  if (nodes.length === 0) fail(file, 'no nodes: expected the CLUSTER NODES text of the cluster');
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (n.replicaOf !== undefined && !ids.has(n.replicaOf)) fail(file, `node ${n.id} replicates ${n.replicaOf}, which is not in the topology`);
  }
  return nodes;
}

/** Parses meta.json (optional fields checked by type). Throws SV402 naming the field. */
export function parseMeta(text: string, file: string): TopologyMeta {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(file, `not JSON (${escapeControl((error as Error).message)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail(file, 'must hold a JSON object');
  const m = data as Record<string, unknown>;
  if (m.frozen !== undefined && !(Array.isArray(m.frozen) && m.frozen.every((p) => Number.isInteger(p)))) fail(file, 'field "frozen" must be an array of ports (integers)');
  if (m.freezeAtMs !== undefined && !Number.isFinite(m.freezeAtMs)) fail(file, 'field "freezeAtMs" must be a number (ms since the epoch)');
  if (m.currentEpoch !== undefined && !Number.isInteger(m.currentEpoch)) fail(file, 'field "currentEpoch" must be an integer');
  return {
    ...(m.frozen === undefined ? {} : { frozen: m.frozen as number[] }),
    ...(m.freezeAtMs === undefined ? {} : { freezeAtMs: m.freezeAtMs as number }),
    ...(m.currentEpoch === undefined ? {} : { currentEpoch: m.currentEpoch as number }),
  };
}
