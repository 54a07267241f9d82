/**
 * Port blocks for real clusters. Block b holds up to 20 nodes: client ports 20000 + 20b + i,
 * their bus-delay proxies at client + 1000 and their cluster-bus ports at client + 10000
 * (Redis's default), so every port the harness uses lies in 20000–30999, below the kernel's
 * ephemeral range (checked: a port in that range could be taken by any outgoing connection).
 * A block is claimed with a lock file (pid inside; a dead owner's lock is taken over) and
 * every port is probed free before use, so concurrent harnesses never share a block.
 */
import { createServer } from 'node:net';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Nodes per block. */
export const BLOCK_SIZE = 20;
const BLOCKS = 50;
const CLIENT_BASE = 20000;
/** Offset of a node's bus-delay proxy from its client port. */
export const PROXY_OFFSET = 1000;
/** Offset of a node's cluster-bus port from its client port (Redis's fixed default). */
export const BUS_OFFSET = 10000;

/** A claimed block: `clientPort(i)` for node i; `release()` frees the lock. */
export interface PortBlock {
  readonly block: number;
  clientPort(i: number): number;
  release(): void;
}

/** Reads the kernel's ephemeral port range (Linux), or the IANA default when it cannot be read. */
export function ephemeralRange(path = '/proc/sys/net/ipv4/ip_local_port_range'): [number, number] {
  try {
    const [lo, hi] = readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(lo) && Number.isInteger(hi)) return [lo, hi];
  } catch { /* not Linux: fall through */ }
  return [49152, 65535];
}

/** Throws unless every harness port lies below the ephemeral range. */
export function checkBelowEphemeral([lo, hi]: [number, number]): void {
  const highest = CLIENT_BASE + BLOCKS * BLOCK_SIZE - 1 + BUS_OFFSET;
  if (lo <= highest && hi >= CLIENT_BASE) {
    throw new Error(`the harness uses ports ${CLIENT_BASE}-${highest}, but the ephemeral port range is ${lo}-${hi} (/proc/sys/net/ipv4/ip_local_port_range); raise its start above ${highest}`);
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

function tryLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      const owner = Number(readFileSync(file, 'utf8').trim() || '0');
      if (owner > 0 && alive(owner)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

/** Claims a free block for `nodes` nodes (bounded: each of the 50 blocks is tried once). */
export async function claimBlock(nodes: number): Promise<PortBlock> {
  if (nodes > BLOCK_SIZE) throw new Error(`a cluster of ${nodes} nodes does not fit a port block of ${BLOCK_SIZE}`);
  checkBelowEphemeral(ephemeralRange());
  const dir = join(tmpdir(), 'splitvote-real-ports');
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < BLOCKS; k++) {
    const block = (process.pid + k) % BLOCKS;
    const file = join(dir, `block-${block}.lock`);
    if (!tryLock(file)) continue;
    const clientPort = (i: number): number => CLIENT_BASE + block * BLOCK_SIZE + i;
    let free = true;
    for (let i = 0; i < nodes && free; i++) {
      const p = clientPort(i);
      free = (await portFree(p)) && (await portFree(p + BUS_OFFSET)) && (await portFree(p + PROXY_OFFSET));
    }
    if (free) return { block, clientPort, release: () => rmSync(file, { force: true }) };
    rmSync(file, { force: true });
  }
  throw new Error('no free port block in 20000-30999: other harnesses or services hold them all');
}
