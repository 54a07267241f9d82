/**
 * A short summary of a campaign CSV for docs/real-system.md (what was run, how loaded the
 * machine was); the figures themselves are docs/results/real-clusters.md's. Pure: the same
 * CSV text gives the same summary.
 */

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The summary table of a runs.csv text (markdown, ending in a newline). */
export function campaignSummary(csvText: string): string {
  const [header, ...lines] = csvText.trim().split('\n');
  const col = Object.fromEntries(header.split(',').map((name, i) => [name, i]));
  const rows = lines.map((l) => l.split(','));
  const runs = new Map<string, string[]>();
  for (const r of rows) if (!runs.has(r[col.run])) runs.set(r[col.run], r);
  const configs = new Map<string, { runs: number; shards: number; won: number; split: number }>();
  for (const r of rows) {
    const key = `${r[col.primaries]} | ${r[col.failed]} | ${r[col.node_timeout_ms]} | ${r[col.bus_delay_ms]}`;
    const c = configs.get(key) ?? { runs: 0, shards: 0, won: 0, split: 0 };
    if (r[col.shard] === '0') c.runs++;
    c.shards++;
    if (r[col.outcome] === 'won') c.won++;
    if (r[col.split] === '1') c.split++;
    configs.set(key, c);
  }
  const loads = [...runs.values()].map((r) => Number(r[col.load1])).sort((a, b) => a - b);
  const starts = [...runs.values()].map((r) => r[col.started_at]).sort();
  const servers = [...new Set([...runs.values()].map((r) => r[col.server]))].join(', ');
  const out = [
    `${runs.size} runs (${rows.length} rows, one per failed shard) of ${servers}, from ${starts[0]} to ${starts[starts.length - 1]}.`,
    `load1 at the freeze (2 cores, shared): min ${loads[0].toFixed(2)}, median ${quantile(loads, 0.5).toFixed(2)}, max ${loads[loads.length - 1].toFixed(2)}.`,
    '',
    '| primaries | failed | node timeout ms | bus delay ms | runs | shards won / failed | shards with a split vote |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...[...configs].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([key, c]) => `| ${key} | ${c.runs} | ${c.won} / ${c.shards} | ${c.split} |`),
  ];
  return `${out.join('\n')}\n`;
}
