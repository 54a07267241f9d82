/**
 * `npx tsx models/valkey-failover/timed/measured/busLatency.ts RUN_DIR... > bus-latency-ms.txt`:
 * the effective one-way cluster-bus latency of real Redis 7.0.15 clusters, from the harness's
 * kept run folders (nodes.txt + one verbose log per node, bus delay 0): for every election, the
 * time from the candidate's "Starting a failover election for epoch E." to each voter's
 * "Failover auth granted to <candidate> for epoch E", one value per grant. That is send +
 * network + the voter's wait for its event loop (on a loaded machine, the CPU), which is what
 * the model's per-message latency stands for. One host, one clock; timestamps have 1 ms
 * resolution, so each value is exact to +-1 ms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TIME = /(\d\d):(\d\d):(\d\d\.\d\d\d)/;
const ms = (line: string) => {
  const m = TIME.exec(line)!;
  return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000;
};

/** The grant latencies of one kept run folder. */
export function grantLatencies(dir: string): number[] {
  const idOf = new Map<string, string>(); // port -> node id
  for (const line of readFileSync(join(dir, 'nodes.txt'), 'utf8').split('\n')) {
    const m = /^([0-9a-f]{40}) 127\.0\.0\.1:(\d+)@/.exec(line);
    if (m !== null) idOf.set(m[2], m[1]);
  }
  const starts = new Map<string, number>(); // `${id}:${epoch}` -> ms
  const grants: { key: string; at: number }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.log')).sort()) {
    const id = idOf.get(file.replace('.log', ''));
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = /Starting a failover election for epoch (\d+)\./.exec(line);
      if (start !== null && id !== undefined) starts.set(`${id}:${start[1]}`, ms(line));
      const grant = /Failover auth granted to ([0-9a-f]{40}) for epoch (\d+)/.exec(line);
      if (grant !== null) grants.push({ key: `${grant[1]}:${grant[2]}`, at: ms(line) });
    }
  }
  return grants.flatMap((g) => (starts.has(g.key) ? [Math.round(g.at - starts.get(g.key)!)] : []));
}

if (process.argv[1]?.endsWith('busLatency.ts')) {
  const values = process.argv.slice(2).flatMap(grantLatencies);
  process.stdout.write(`${values.join('\n')}\n`);
}
