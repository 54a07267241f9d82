/**
 * `npm run bench`: measures the explorer on synthetic models and the timed simulation, and
 * adds one dated row per benchmark to its table in docs/benchmarks.md, with the machine it ran on. Timing lives here, never in
 * a test assertion. Usage: `npm run bench [-- --only NAME] [-- --dry-run]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { explore, type AnyModel, type ExploreOptions, type Model } from '../../src/index.ts';
import { counters } from '../fixtures/counters.ts';
import { catalog } from '../../models/index.ts';
import { TIMED_BENCHES, timedBench, TIMED_TABLE_HEADER, exhaustiveTimedBench } from './timed.ts';
import { SWARM_BENCHES, swarmBench, SWARM_TABLE_HEADER } from './swarm.ts';

interface Bench {
  readonly name: string;
  readonly what: string;
  readonly model: () => AnyModel;
  readonly options: ExploreOptions;
  /** Also time a second run that stops at the first violated invariant. */
  readonly firstViolation?: boolean;
}

const failover = catalog.find((entry) => entry.name === 'valkey-failover')!;
/** The failover presets as `splitvote check` runs them (graph recorded for L1). */
const FAILOVER: Bench[] = [
  ['minimal', ['nack-4654']],
  ['split-vote', ['nack-4654']],
  ['siblings', ['nack-4654', 'bounded-delay']],
  ['stale-nack', ['nack-3833']],
  ['nack-then-fail', ['nack-4654']],
  ['stale-config', ['nack-4654']],
  ['storm', ['nack-4654']],
].map(([preset, variants]) => ({
  name: `failover-${preset as string}`,
  what: `valkey-failover --preset ${preset as string} --variant ${(variants as string[]).join(',')}, BFS as \`check\` runs it (graph recorded for L1)`,
  model: () => failover.create({ preset: preset as string, variants: variants as string[] }),
  options: { strategy: 'bfs' },
  firstViolation: true,
}));

const BENCHES: Bench[] = [
  {
    name: 'counters-7x10-bfs',
    what: '7 counters mod 10, packed encoding, BFS, no graph (10M states, 70M transitions)',
    model: () => counters(7, 10),
    options: { strategy: 'bfs', graph: 'never', expectedStates: 10_000_000 },
  },
  {
    name: 'counters-7x10-bfs-growing',
    what: 'the same without a size hint: the visited set grows as it goes',
    model: () => counters(7, 10),
    options: { strategy: 'bfs', graph: 'never' },
  },
  {
    name: 'counters-6x10-dfs',
    what: '6 counters mod 10, packed encoding, DFS, no graph (1M states)',
    model: () => counters(6, 10),
    options: { strategy: 'dfs', graph: 'never' },
  },
  {
    name: 'counters-6x10-generic',
    what: '6 counters mod 10 as plain objects { counters: number[] }, generic structural encoding (no encode()), BFS, no graph',
    model: () => objectCounters(6, 10),
    options: { strategy: 'bfs', graph: 'never' },
  },
  {
    name: 'counters-6x10-graph',
    what: '6 counters mod 10, BFS recording the edge list (6M edges) for liveness',
    model: () => counters(6, 10),
    options: { strategy: 'bfs', graph: 'always', graphLimit: 0 },
  },
  ...FAILOVER,
  exhaustiveTimedBench,
];

/** Counters as plain-object states, so every step allocates and the generic hash walks an object. */
function objectCounters(k: number, m: number): Model<{ counters: readonly number[] }, number> {
  return {
    name: `object-counters(${k},${m})`,
    initStates: () => [{ counters: new Array(k).fill(0) }],
    actions: (_s, out) => {
      for (let i = 0; i < k; i++) out.push(i);
    },
    next: (s, i) => ({ counters: s.counters.map((c, j) => (j === i ? (c + 1) % m : c)) }),
    properties: [],
  };
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dryRun = args.includes('--dry-run');
const docs = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);

// Each benchmark runs in a process of its own, so peak memory is its own.
if (only === undefined) {
  const rows: string[] = [];
  const timedRows: string[] = [];
  const swarmRows: string[] = [];
  for (const bench of [...BENCHES, ...TIMED_BENCHES, ...SWARM_BENCHES]) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--only', bench.name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`benchmark ${bench.name} failed with exit code ${child.status}`);
    const lines = child.stdout.trimEnd().split('\n');
    (TIMED_BENCHES.includes(bench as never) ? timedRows : SWARM_BENCHES.includes(bench as never) ? swarmRows : rows).push(lines.pop()!);
    process.stdout.write(lines.join('\n') + '\n');
  }
  if (!dryRun) {
    if (!existsSync(docs)) writeFileSync(docs, readFileSync(new URL('./header.md', import.meta.url), 'utf8'));
    let text = readFileSync(docs, 'utf8');
    text = insertRows(text, '| date | benchmark | states |', rows);
    text = insertRows(text, TIMED_TABLE_HEADER, timedRows);
    text = insertRows(text, SWARM_TABLE_HEADER, swarmRows);
    writeFileSync(docs, text);
    process.stdout.write(`added ${rows.length + timedRows.length + swarmRows.length} row(s) to docs/benchmarks.md\n`);
  }
}

/** `text` with `rows` added after the last row of the table whose header line starts with `header`. */
function insertRows(text: string, header: string, rows: readonly string[]): string {
  const lines = text.split('\n');
  let at = lines.findIndex((line) => line.startsWith(header));
  if (at < 0 || rows.length === 0) return text;
  while (at + 1 < lines.length && lines[at + 1].startsWith('|')) at++;
  lines.splice(at + 1, 0, ...rows);
  return lines.join('\n');
}

for (const bench of TIMED_BENCHES) if (bench.name === only) process.stdout.write(timedBench(bench, date, machine));
for (const bench of SWARM_BENCHES) if (bench.name === only) process.stdout.write(await swarmBench(bench, date, machine));

for (const bench of BENCHES) {
  if (bench.name !== only) continue;
  const result = explore(bench.model(), bench.options);
  const { states, transitions, seconds, visitedBytes, peakMemoryBytes } = result.stats;
  const first = bench.firstViolation ? explore(bench.model(), { ...bench.options, stopOnViolation: true }) : undefined;
  const firstViolation = first === undefined ? '' : first.stopReason === 'violation' ? `${first.stats.seconds.toFixed(2)} s (${first.properties.find((p) => p.status === 'violated')?.name.split(' ')[0]})` : 'none';
  const row = [
    date,
    bench.name,
    states.toLocaleString('en-US'),
    transitions.toLocaleString('en-US'),
    seconds.toFixed(2),
    Math.round(states / seconds).toLocaleString('en-US'),
    Math.round(transitions / seconds).toLocaleString('en-US'),
    (visitedBytes / states).toFixed(1),
    `${(peakMemoryBytes / 2 ** 20).toFixed(0)} MiB`,
    firstViolation,
    machine,
  ];
  process.stdout.write(`${bench.name}: ${bench.what}\n  ${states} states, ${transitions} transitions in ${seconds.toFixed(2)} s = ${row[5]} states/s, ${row[6]} transitions/s, ${row[7]} bytes/state in the visited set, peak RSS ${row[8]}${firstViolation ? `, first counterexample ${firstViolation}` : ''}\n`);
  process.stdout.write(`| ${row.join(' | ')} |\n`);
}
