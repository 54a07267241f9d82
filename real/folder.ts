/**
 * Re-reads a kept run folder (OUT/<run>/ of `--keep-logs`: nodes.txt, meta.json, <port>.log)
 * into the facts and CSV rows the harness wrote for it, so committed logs can be re-derived.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { csvRow, type RunInfo } from './csv.ts';
import { parseLog, shardFacts, type RunShape, type ShardFacts } from './facts.ts';

/** meta.json of a kept run. */
export interface RunMeta {
  readonly primaries: number;
  readonly failed: number;
  readonly replicas: number;
  readonly nodeTimeoutMs: number;
  readonly busDelayMs: number;
  readonly frozen: readonly number[];
  readonly freezeAtMs: number;
  readonly server: string;
  readonly load1?: number;
  readonly startedAt?: string;
}

/** Port → id, and each frozen primary's replica ports, from a CLUSTER NODES text. */
export function shapeFromNodes(nodesText: string, frozen: readonly number[], freezeAtMs: number): RunShape {
  const idOf = new Map<number, string>();
  const masterOf = new Map<number, string>();
  for (const line of nodesText.trim().split('\n')) {
    const [id, addr, , master] = line.trim().split(' ');
    const port = Number(/:(\d+)@/.exec(addr)?.[1]);
    idOf.set(port, id);
    masterOf.set(port, master);
  }
  const replicasOf = frozen.map((p) => [...masterOf].filter(([, m]) => m === idOf.get(p)).map(([port]) => port).sort((a, b) => a - b));
  return { idOf, frozen, replicasOf, freezeAtMs };
}

/** The facts and CSV rows of a kept run folder. */
export function readRunFolder(dir: string): { meta: RunMeta; facts: ShardFacts[]; rows: string[] } {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as RunMeta;
  const shape = shapeFromNodes(readFileSync(join(dir, 'nodes.txt'), 'utf8'), meta.frozen, meta.freezeAtMs);
  const logs = readdirSync(dir).filter((f) => /^\d+\.log$/.test(f));
  const lines = logs.flatMap((f) => parseLog(Number(f.slice(0, -4)), readFileSync(join(dir, f), 'utf8')));
  const facts = shardFacts(shape, lines);
  const info: RunInfo = { run: basename(dir), startedAt: meta.startedAt ?? '', server: meta.server, primaries: meta.primaries, failed: meta.failed, replicas: meta.replicas, nodeTimeoutMs: meta.nodeTimeoutMs, busDelayMs: meta.busDelayMs, load1: meta.load1 ?? 0 };
  return { meta, facts, rows: facts.map((f) => csvRow(info, f)) };
}
