/**
 * One real cluster run: start the nodes, form the cluster, wait until it is ok and every node
 * has the same view, freeze k primaries at once, wait for their replicas to be promoted (or a
 * bounded timeout), then tear everything down. Every wait is bounded; on any error the
 * processes and proxies are still killed and closed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { command, commandText } from './resp.ts';
import { startBusProxy, type BusProxy } from './proxy.ts';
import { claimBlock } from './ports.ts';
import { freeze, killAllAndWait, startServer } from './processes.ts';
import { layout, nodeConfig, normalizedView, slotRange, type NodeSpec } from './topology.ts';
import { sleep, until } from './wait.ts';

/** The settings of one run. */
export interface ClusterSettings {
  readonly primaries: number;
  readonly failed: number;
  readonly replicas: number;
  readonly nodeTimeoutMs: number;
  readonly busDelayMs: number;
}

/** What a finished run leaves: the layout, the ids, the saved view and the freeze. */
export interface ClusterRun {
  readonly nodes: readonly NodeSpec[];
  /** Node id (40 hex) by node index. */
  readonly ids: readonly string[];
  /** CLUSTER NODES of node 0 once the cluster was ok. */
  readonly nodesView: string;
  /** Ports of the frozen primaries, in freeze order (shard 0, 1, …). */
  readonly frozen: readonly number[];
  readonly freezeAtMs: number;
  readonly load1: number;
  /** True when every failed shard had a promoted replica before the deadline. */
  readonly recovered: boolean;
}

const READY_TIMEOUT_MS = 90_000;

function field(info: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
  return m?.[1].trim();
}

async function formCluster(nodes: readonly NodeSpec[], settings: ClusterSettings): Promise<string[]> {
  await until('every node to answer PING', 30_000, 50, async () => {
    for (const n of nodes) await command(n.port, ['PING']);
    return true;
  });
  const ids = await Promise.all(nodes.map((n) => commandText(n.port, ['CLUSTER', 'MYID'])));
  for (const n of nodes) {
    if (n.primary) {
      const [lo, hi] = slotRange(n.index, settings.primaries);
      await command(n.port, ['CLUSTER', 'ADDSLOTSRANGE', lo, hi]);
    }
    await command(n.port, ['CLUSTER', 'SET-CONFIG-EPOCH', n.index + 1]);
  }
  for (const n of nodes.slice(1)) await command(nodes[0].port, ['CLUSTER', 'MEET', '127.0.0.1', n.port, n.announcedBusPort]);
  await until('every node to know every other node', READY_TIMEOUT_MS, 100, async () => {
    for (const n of nodes) {
      const view = await commandText(n.port, ['CLUSTER', 'NODES']);
      const lines = view.trim().split('\n');
      if (lines.length !== nodes.length || /handshake|noaddr/.test(view)) return undefined;
    }
    return true;
  });
  for (const n of nodes) {
    if (!n.primary) await command(n.port, ['CLUSTER', 'REPLICATE', ids[n.shard]]);
  }
  return ids;
}

async function waitReady(nodes: readonly NodeSpec[]): Promise<string> {
  return until('cluster_state:ok, synced replicas and one CLUSTER NODES view on every node', READY_TIMEOUT_MS, 100, async () => {
    let first: string | undefined;
    let view0 = '';
    for (const n of nodes) {
      const info = await commandText(n.port, ['CLUSTER', 'INFO']);
      if (field(info, 'cluster_state') !== 'ok' || Number(field(info, 'cluster_known_nodes')) !== nodes.length) return undefined;
      if (!n.primary) {
        const repl = await commandText(n.port, ['INFO', 'replication']);
        if (field(repl, 'master_link_status') !== 'up') return undefined;
      }
      const view = await commandText(n.port, ['CLUSTER', 'NODES']);
      const norm = normalizedView(view);
      if (first === undefined) { first = norm; view0 = view; } else if (norm !== first) return undefined;
    }
    return view0;
  });
}

async function role(port: number): Promise<string | undefined> {
  try {
    const reply = await command(port, ['ROLE'], 500);
    return Array.isArray(reply) && typeof reply[0] === 'string' ? reply[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Polls the failed shards' replicas until each shard has one acting as master; false on timeout (10·T + 10 s). */
async function waitPromoted(nodes: readonly NodeSpec[], failedShards: number, nodeTimeoutMs: number): Promise<boolean> {
  try {
    await until('a promoted replica in every failed shard', 10 * nodeTimeoutMs + 10_000, 100, async () => {
      for (let shard = 0; shard < failedShards; shard++) {
        const replicas = nodes.filter((n) => !n.primary && n.shard === shard);
        const roles = await Promise.all(replicas.map((n) => role(n.port)));
        if (!roles.includes('master')) return undefined;
      }
      return true;
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs one cluster in `runDir` (which must exist; node logs end up there as <port>.log).
 * Always tears down: every process is killed and gone, every proxy closed, the port block
 * released, also when a step throws.
 */
export async function runCluster(settings: ClusterSettings, runDir: string, progress: (line: string) => void = () => {}): Promise<ClusterRun> {
  const total = settings.primaries * (1 + settings.replicas);
  const block = await claimBlock(total);
  const proxied = settings.busDelayMs > 0;
  const nodes = layout(settings.primaries, settings.replicas, block.clientPort, proxied);
  const proxies: BusProxy[] = [];
  try {
    for (const n of nodes) {
      mkdirSync(`${runDir}/${n.port}`, { recursive: true });
      writeFileSync(`${runDir}/${n.port}.conf`, nodeConfig(n, settings.nodeTimeoutMs, runDir, proxied));
      if (proxied) proxies.push(await startBusProxy(n.announcedBusPort, n.busPort, settings.busDelayMs));
    }
    const children = nodes.map((n) => startServer(`${runDir}/${n.port}.conf`));
    progress(`started ${nodes.length} redis-server on 127.0.0.1:${nodes[0].port}-${nodes[nodes.length - 1].port} (pids ${children.map((c) => c.pid).join(' ')})`);
    const ids = await formCluster(nodes, settings);
    const nodesView = await waitReady(nodes);
    progress('cluster ok: every node has the same CLUSTER NODES view');
    const frozenNodes = nodes.slice(0, settings.failed);
    const load1 = loadavg()[0];
    const freezeAtMs = freeze(frozenNodes.map((n) => children[n.index].pid as number));
    progress(`froze ${frozenNodes.map((n) => n.port).join(' ')} at ${new Date(freezeAtMs).toISOString()} (load1 ${load1.toFixed(2)})`);
    const recovered = await waitPromoted(nodes, settings.failed, settings.nodeTimeoutMs);
    await sleep(200); // let the winners' and voters' last lines reach the log files
    return { nodes, ids, nodesView, frozen: frozenNodes.map((n) => n.port), freezeAtMs, load1, recovered };
  } finally {
    try {
      await killAllAndWait();
    } finally {
      await Promise.all(proxies.map((p) => p.close()));
      block.release();
    }
  }
}
