/**
 * The facts the campaign CSV needs, read from the node logs of one run (Redis 7.0 format:
 * `PID:ROLE DD Mon YYYY HH:MM:SS.mmm L text`, written in UTC because the harness starts the
 * servers with TZ=UTC). This is not the trace validator: it only picks out FAIL marks,
 * election starts, wins and granted votes per failed shard.
 */

/** One timestamped log line. */
export interface LogLine {
  readonly port: number;
  readonly atMs: number;
  readonly text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LINE = /^\d+:[XCSM] (\d{2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) [.\-*#] (.*)$/;

/** The timestamped lines of one node's log (UTC times); lines without a timestamp are skipped. */
export function parseLog(port: number, text: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const raw of text.split('\n')) {
    const m = LINE.exec(raw);
    if (m === null) continue;
    const month = MONTHS.indexOf(m[2]);
    if (month < 0) continue;
    const atMs = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]));
    lines.push({ port, atMs, text: m[8] });
  }
  return lines;
}

/** The failover of one frozen primary's shard, times in ms after the freeze. */
export interface ShardFacts {
  readonly shard: number;
  readonly failMs: number | undefined;
  /** Every election start by a replica of the shard, in time order. */
  readonly starts: readonly { readonly epoch: number; readonly ms: number; readonly port: number }[];
  readonly winner: number | undefined;
  readonly wonMs: number | undefined;
  readonly wonEpoch: number | undefined;
  /** `Failover auth granted to <winner> for epoch <wonEpoch>` lines across all logs. */
  readonly votes: number | undefined;
}

/** What facts need to know about the run. */
export interface RunShape {
  /** Port → node id. */
  readonly idOf: ReadonlyMap<number, string>;
  /** Ports of the frozen primaries (shard order). */
  readonly frozen: readonly number[];
  /** Ports of each frozen primary's replicas, by shard. */
  readonly replicasOf: readonly (readonly number[])[];
  readonly freezeAtMs: number;
}

/** Extracts the facts of every failed shard from the merged lines of all nodes. */
export function shardFacts(shape: RunShape, lines: readonly LogLine[]): ShardFacts[] {
  const sorted = [...lines].sort((a, b) => a.atMs - b.atMs);
  const after = (l: LogLine): number => l.atMs - shape.freezeAtMs;
  return shape.frozen.map((primaryPort, shard) => {
    const primaryId = shape.idOf.get(primaryPort) ?? '';
    const replicas = new Set(shape.replicasOf[shard]);
    const failLine = sorted.find((l) => l.text.startsWith(`Marking node ${primaryId} as failing`));
    const starts: { epoch: number; ms: number; port: number }[] = [];
    let winner: number | undefined;
    let wonMs: number | undefined;
    let wonEpoch: number | undefined;
    const lastEpoch = new Map<number, number>();
    for (const l of sorted) {
      if (!replicas.has(l.port) || winner !== undefined) continue;
      const start = /^Starting a failover election for epoch (\d+)\./.exec(l.text);
      if (start !== null) {
        starts.push({ epoch: Number(start[1]), ms: after(l), port: l.port });
        lastEpoch.set(l.port, Number(start[1]));
      } else if (l.text.startsWith('Failover election won')) {
        winner = l.port;
        wonMs = after(l);
        wonEpoch = lastEpoch.get(l.port);
      }
    }
    let votes: number | undefined;
    if (winner !== undefined && wonEpoch !== undefined) {
      const grant = `Failover auth granted to ${shape.idOf.get(winner)} for epoch ${wonEpoch}`;
      votes = sorted.filter((l) => l.text.startsWith(grant)).length;
    }
    return { shard, failMs: failLine === undefined ? undefined : after(failLine), starts, winner, wonMs, wonEpoch, votes };
  });
}
