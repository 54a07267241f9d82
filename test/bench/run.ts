/**
 * `npm run bench`: measures the explorer on synthetic models and the timed simulation, and
 * adds one dated row per benchmark to its table in docs/benchmarks.md, with the machine it ran on. Timing lives here, never in
 * a test assertion. Usage: `npm run bench [-- --only NAME] [-- --group explorer|timed|swarm|spin] [-- --names A,B] [-- --dry-run]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { explore, exploreParallel, type AnyModel, type ExploreOptions, type Model, type ModelRecipe } from '../../src/index.ts';
import { runSpin, SPIN_BENCHES } from './spin.ts';
import { counters } from '../fixtures/counters.ts';
import { hanoi } from '../fixtures/hanoi.ts';
import { porWorkers } from '../fixtures/porWorkers.ts';
import { catalog } from '../../models/index.ts';
import { TIMED_BENCHES, timedBench, TIMED_TABLE_HEADER, exhaustiveTimedBench } from './timed.ts';
import { SWARM_BENCHES, swarmBench, SWARM_TABLE_HEADER } from './swarm.ts';

/** Header of the explorer table in docs/benchmarks.md (rows go after its last row). */
const EXPLORER_TABLE_HEADER = '| date | benchmark | engine | states | transitions | seconds | states/s | transitions/s | visited bytes/state | peak bytes/state over start | peak RSS | first counterexample | machine |';

interface Bench {
  readonly name: string;
  readonly what: string;
  readonly model: () => AnyModel;
  readonly options: ExploreOptions;
  /** Also time a second run that stops at the first violated invariant. */
  readonly firstViolation?: boolean;
  /** Run with exploreParallel on this many threads, the model built from `recipe` in each. */
  readonly threads?: number;
  readonly recipe?: ModelRecipe;
}

const failover = catalog.find((entry) => entry.name === 'valkey-failover')!;
/** The failover presets as `splitvote check` runs them (graph recorded for L1), on the packed engine. */
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

/** Issue 9's comparisons: the same search on the object engine, and the presets that did not finish before. */
const ENGINE: Bench[] = [
  {
    name: 'failover-siblings-object',
    what: 'failover-siblings (nack-4654,bounded-delay, symmetry off) on the object engine, for the packed/object ratio',
    model: () => failover.create({ preset: 'siblings', variants: ['nack-4654', 'bounded-delay'] }),
    options: { strategy: 'bfs', engine: 'object', symmetry: false },
  },
  {
    name: 'failover-siblings-default',
    what: 'valkey-failover --preset siblings with the default variant (did not finish in 240 s on the object engine)',
    model: () => failover.create({ preset: 'siblings', variants: failover.defaultVariants }),
    options: { strategy: 'bfs' },
  },
  {
    name: 'failover-split-vote-redis',
    what: 'valkey-failover --preset split-vote --variant redis-7.0',
    model: () => failover.create({ preset: 'split-vote', variants: ['redis-7.0'] }),
    options: { strategy: 'bfs' },
  },
  {
    name: 'failover-siblings-2-threads',
    what: 'failover-siblings (nack-4654,bounded-delay) with exploreParallel on 2 threads (the same counts and traces as one)',
    model: () => failover.create({ preset: 'siblings', variants: ['nack-4654', 'bounded-delay'] }),
    options: { strategy: 'bfs' },
    threads: 2,
    recipe: { module: fileURLToPath(new URL('../fixtures/recipes.ts', import.meta.url)), export: 'catalogModel', args: { model: 'valkey-failover', preset: 'siblings', variants: ['nack-4654', 'bounded-delay'] } },
  },
  ...[true, false].map((por) => ({
    name: `por-workers-6x5-${por ? 'on' : 'off'}`,
    what: `6 workers in a chain, each counting to 5 and handing one message on (test/fixtures/porWorkers.ts), BFS, partial-order reduction ${por ? 'on' : 'off'}`,
    model: () => porWorkers(6, 5),
    options: { strategy: 'bfs', graph: 'never', deadlock: false, por } as ExploreOptions,
  })),
  {
    name: 'hanoi-14-packed',
    what: 'Towers of Hanoi, 14 disks (3^14 states, 3^15 - 3 transitions), a hand-written packed model, BFS, no graph',
    model: () => hanoi(14, { packed: true }),
    options: { strategy: 'bfs', graph: 'never', expectedStates: 4_782_969 },
  },
  {
    name: 'hanoi-14-encode',
    what: 'the same through the plain Model API with an encode() of one word',
    model: () => hanoi(14),
    options: { strategy: 'bfs', graph: 'never', expectedStates: 4_782_969 },
  },
];

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
  ...ENGINE,
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
/** `--group explorer|timed|swarm|spin`: run one table's benchmarks only. */
const group = args.includes('--group') ? args[args.indexOf('--group') + 1] : undefined;
const GROUPS = ['explorer', 'timed', 'swarm', 'spin'];
if (group !== undefined && !GROUPS.includes(group)) {
  process.stderr.write(`--group: unknown group ${JSON.stringify(group)}; allowed: ${GROUPS.join(', ')}\n`);
  process.exit(2);
}
const inGroup = (name: string) => group === undefined || group === name;
/** `--names a,b`: run these benchmarks only (and add their rows). */
const names = args.includes('--names') ? args[args.indexOf('--names') + 1].split(',') : undefined;
const docs = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);

// Each benchmark runs in a process of its own, so peak memory is its own.
if (only === undefined) {
  const rows: string[] = [];
  const timedRows: string[] = [];
  const swarmRows: string[] = [];
  const chosen = [...(inGroup('explorer') ? BENCHES : []), ...(inGroup('timed') ? TIMED_BENCHES : []), ...(inGroup('swarm') ? SWARM_BENCHES : [])];
  for (const bench of chosen.filter((b) => names === undefined || names.includes(b.name))) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--only', bench.name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`benchmark ${bench.name} failed with exit code ${child.status}`);
    const lines = child.stdout.trimEnd().split('\n');
    (TIMED_BENCHES.includes(bench as never) ? timedRows : SWARM_BENCHES.includes(bench as never) ? swarmRows : rows).push(lines.pop()!);
    process.stdout.write(lines.join('\n') + '\n');
  }
  for (const bench of inGroup('spin') ? SPIN_BENCHES.filter((b) => names === undefined || names.includes(b.name)) : []) {
    const spin = runSpin(bench);
    if (spin === undefined) {
      process.stdout.write(`${bench.name}: skipped (spin, gcc or /usr/bin/time missing: apt-get install spin gcc time)\n`);
      continue;
    }
    const cells = [date, bench.name, spin.version, spin.states.toLocaleString('en-US'), spin.transitions.toLocaleString('en-US'), spin.seconds.toFixed(2), Math.round(spin.states / spin.seconds).toLocaleString('en-US'), Math.round(spin.transitions / spin.seconds).toLocaleString('en-US'), '', '', `${(spin.peakKiB / 1024).toFixed(0)} MiB`, '', machine];
    process.stdout.write(`${bench.name}: ${bench.what}\n  ${spin.states} states in ${spin.seconds.toFixed(2)} s, peak RSS ${cells[10]}\n`);
    rows.push(`| ${cells.join(' | ')} |`);
  }
  if (!dryRun) {
    if (!existsSync(docs)) writeFileSync(docs, readFileSync(new URL('./header.md', import.meta.url), 'utf8'));
    let text = readFileSync(docs, 'utf8');
    text = insertRows(text, EXPLORER_TABLE_HEADER, rows);
    text = insertRows(text, TIMED_TABLE_HEADER, timedRows);
    text = insertRows(text, SWARM_TABLE_HEADER, swarmRows);
    writeFileSync(docs, text);
    process.stdout.write(`added ${rows.length + timedRows.length + swarmRows.length} row(s) to docs/benchmarks.md\n`);
  }
}

/** `text` with `rows` added after the last row of the table whose header line starts with `header`; throws when there is no such table (rows are never dropped). */
function insertRows(text: string, header: string, rows: readonly string[]): string {
  if (rows.length === 0) return text;
  const lines = text.split('\n');
  let at = lines.findIndex((line) => line.startsWith(header));
  if (at < 0) throw new Error(`docs/benchmarks.md has no table whose header starts with "${header}"; ${rows.length} row(s) not written:\n${rows.join('\n')}`);
  while (at + 1 < lines.length && lines[at + 1].startsWith('|')) at++;
  lines.splice(at + 1, 0, ...rows);
  return lines.join('\n');
}

for (const bench of TIMED_BENCHES) if (bench.name === only) process.stdout.write(timedBench(bench, date, machine));
for (const bench of SWARM_BENCHES) if (bench.name === only) process.stdout.write(await swarmBench(bench, date, machine));

for (const bench of BENCHES) {
  if (bench.name !== only) continue;
  const model = bench.model();
  const startRss = process.memoryUsage.rss();
  const result = bench.threads === undefined ? explore(model, bench.options) : await exploreParallel(bench.recipe!, { ...bench.options, workers: bench.threads });
  // Peak resident memory of the process (the kernel's count) minus what it held before the search.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const { states, transitions, seconds, visitedBytes } = result.stats;
  const engine = `${bench.options.engine === 'object' || model.packed === undefined ? 'object' : 'packed'}${bench.threads === undefined ? '' : `, ${bench.threads} threads`}${result.stats.reduction?.enabled ? ', POR' : ''}`;
  const first = bench.firstViolation ? explore(bench.model(), { ...bench.options, stopOnViolation: true }) : undefined;
  const firstViolation = first === undefined ? '' : first.stopReason === 'violation' ? `${first.stats.seconds.toFixed(2)} s (${first.properties.find((p) => p.status === 'violated')?.name.split(' ')[0]})` : 'none';
  const row = [
    date,
    bench.name,
    engine,
    states.toLocaleString('en-US'),
    transitions.toLocaleString('en-US'),
    seconds.toFixed(2),
    Math.round(states / seconds).toLocaleString('en-US'),
    Math.round(transitions / seconds).toLocaleString('en-US'),
    (visitedBytes / states).toFixed(1),
    (Math.max(0, peakRss - startRss) / states).toFixed(0),
    `${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    firstViolation,
    machine,
  ];
  process.stdout.write(`${bench.name}: ${bench.what}\n  ${engine} engine: ${states} states, ${transitions} transitions in ${seconds.toFixed(2)} s = ${row[6]} states/s, ${row[7]} transitions/s, ${row[8]} bytes/state in the visited set, ${row[9]} bytes/state of peak memory over the start, peak RSS ${row[10]}${firstViolation ? `, first counterexample ${firstViolation}` : ''}\n`);
  process.stdout.write(`| ${row.join(' | ')} |\n`);
}
