/** The shape of a harness cluster: which node is which, and its ports. */
import { BUS_OFFSET, PROXY_OFFSET } from './ports.ts';

/** One node of a harness cluster. `shard` is the index of its primary; `primary` is true for primaries. */
export interface NodeSpec {
  readonly index: number;
  readonly port: number;
  readonly busPort: number;
  /** The bus port other nodes are told (the proxy's port with a bus delay, else `busPort`). */
  readonly announcedBusPort: number;
  readonly primary: boolean;
  readonly shard: number;
}

/** Nodes 0..N-1 are primaries; replica j of primary i is node N + i·R + j. */
export function layout(primaries: number, replicas: number, clientPort: (i: number) => number, proxied: boolean): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  const total = primaries * (1 + replicas);
  for (let index = 0; index < total; index++) {
    const port = clientPort(index);
    const primary = index < primaries;
    const shard = primary ? index : Math.floor((index - primaries) / replicas);
    nodes.push({ index, port, busPort: port + BUS_OFFSET, announcedBusPort: proxied ? port + PROXY_OFFSET : port + BUS_OFFSET, primary, shard });
  }
  return nodes;
}

/** The slot range of primary i of N, as redis-cli --cluster create splits them. */
export function slotRange(i: number, primaries: number): [number, number] {
  return [Math.round((i * 16384) / primaries), Math.round(((i + 1) * 16384) / primaries) - 1];
}

/** The redis.conf of one node: its files in `runDir`/<port>/, its log at `runDir`/<port>.log. */
export function nodeConfig(node: NodeSpec, nodeTimeoutMs: number, runDir: string, proxied: boolean): string {
  return [
    `port ${node.port}`,
    'bind 127.0.0.1',
    'daemonize no',
    `dir ${runDir}/${node.port}`,
    `logfile ${runDir}/${node.port}.log`,
    'loglevel verbose',
    'cluster-enabled yes',
    `cluster-config-file nodes-${node.port}.conf`,
    `cluster-node-timeout ${nodeTimeoutMs}`,
    ...(proxied ? [`cluster-announce-bus-port ${node.announcedBusPort}`] : []),
    'save ""',
    'appendonly no',
    '',
  ].join('\n');
}

/** CLUSTER NODES text with what differs between observers removed: the `myself` flag and the ping/pong times; lines sorted. */
export function normalizedView(text: string): string {
  return text.trim().split('\n').map((line) => {
    const f = line.trim().split(' ');
    f[2] = f[2].split(',').filter((flag) => flag !== 'myself').join(',');
    return [f[0], f[1], f[2], f[3], f[6], f[7], ...f.slice(8)].join(' ');
  }).sort().join('\n');
}
