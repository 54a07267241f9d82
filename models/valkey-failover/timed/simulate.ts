import { Random, RecoveryTally, runTimed, TickTrain, type RecoveryReport, type RecoveryRun, type SystemState } from '../../../src/index.ts';
import type { FailoverMachines } from '../machine.ts';
import { createFailoverModel, type FailoverModel } from '../model.ts';
import type { Ghost } from '../ghost.ts';
import { resolveVariants } from '../variants.ts';
import { MEASURED_CLUSTER_AGE, simulateDetection, type Detection } from './detection.ts';
import { authRetryTime } from './formulas.ts';
import { RecoveryWatch } from './metrics.ts';
import { defaultCron, scenarioConfig, scenarioView, type TimedScenario } from './scenario.ts';
import { failoverTiming, linkLatencyOf, type FailoverWorld } from './timing.ts';

/** Options of {@link simulateRecovery}. */
export interface RecoveryOptions {
  readonly scenario: TimedScenario;
  /** One row per entry: a variant combination (`['nack-4654', 'fix-4655']`). */
  readonly variants: readonly (readonly string[])[];
  readonly runs: number;
  readonly seed: number;
  /** Called now and then with the runs done so far (all variants) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Replacement machines (a deliberate bug through `provide()`), for every row. */
  readonly machines?: Partial<FailoverMachines>;
}

/** The report plus each variant's sorted recovery times (for plots) and every run's measurements. */
export interface RecoveryOutcome {
  readonly report: RecoveryReport;
  readonly samples: readonly (readonly number[])[];
  /** Per variant row, per run: what the run measured (shard records included). */
  readonly runs: readonly (readonly RecoveryRun[])[];
}

/** Where a run's world comes from: set `run` before each run; `world()` builds or reuses it. */
export interface WorldSource {
  run: number;
  readonly world: () => FailoverWorld;
}

/**
 * The failover model of `scenario` under `variants`, and its timing: the same model
 * `createFailoverModel` builds for the explorer (same machines, guards, actions, monitor),
 * on a cluster generated from the scenario (elections per replica bounded by `maxElections`
 * when given). Under the mechanism-level detection (no `gossip` in the scenario), the timing
 * reads each run's world from `worlds`. Throws SV401 for an impossible scenario, SV403
 * for a bad variant combination.
 */
export function timedFailoverModel(scenario: TimedScenario, variants: readonly string[], maxElections?: number, options: { machines?: Partial<FailoverMachines>; worlds?: WorldSource } = {}) {
  const selection = resolveVariants(variants);
  const config = scenarioConfig(scenario, scenario.sameTick && selection.base !== 'redis-7.0', maxElections);
  const built: FailoverModel = createFailoverModel(config, { variants, machines: options.machines });
  // One initial state for every run (states are immutable): building it starts the machines.
  const initial = built.initStates();
  const model: FailoverModel = { ...built, initStates: () => initial };
  const failed = config.nodes.flatMap((n, i) => (n.down === true ? [i] : []));
  const world = scenario.gossip === undefined ? (options.worlds ?? worldSource(scenario, config.nodes.map((n) => n.replicaOf ?? -1), failed, selection.base === 'redis-7.0', 0)).world : undefined;
  return { model, config, failed, timing: failoverTiming(scenario, config.nodes.length, failed, model.actorIds, world) };
}

/** The seed of run `run` of a simulation seeded `seed`: run 0 uses the seed itself, so `--runs 1 --seed S` replays a run whose seed is S. */
export function runSeed(seed: number, run: number): number {
  if (run === 0) return seed;
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(run, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The worlds of a simulation (§19): for run r, every node's cron train and the detection
 * simulated on them, all from `runSeed(seed, r)` alone, so every variant row sees the same
 * ticks and the same FAIL instants in run r. Detections are cached per run (the trains are
 * rebuilt from their seeds: they are lazy and cheap). `redis7` selects the detection rules.
 */
export function worldSource(scenario: TimedScenario, replicaOf: readonly number[], failed: readonly number[], redis7: boolean, seed: number, cache = new Map<string, Detection>()): WorldSource {
  const cron = scenario.cron ?? defaultCron();
  const latency = linkLatencyOf(scenario);
  const horizon = timeLimit(scenario);
  const source: WorldSource = {
    run: 0,
    world: () => {
      const base = runSeed(seed, source.run);
      const random = new Random(base ^ 0x5bd1e995);
      const warmup = scenario.clusterAge ?? MEASURED_CLUSTER_AGE;
      const trains = replicaOf.map(() => new TickTrain(-warmup - cron.period * (1 + random.unit()), cron, random.bits()));
      const detectionSeed = random.bits();
      const key = `${redis7 ? 'r7' : 'v'}:${source.run}`;
      let detection = cache.get(key);
      if (detection === undefined) {
        detection = simulateDetection({ replicaOf, failed, nodeTimeout: scenario.nodeTimeout, trains, latency, redis7, seed: detectionSeed, age: warmup }, horizon);
        cache.set(key, detection);
      }
      return { trains: replicaOf.map((_, i) => trains[i]), detection };
    },
  };
  return source;
}

/** A run that has not recovered after this much simulated time counts as unrecovered. */
export function timeLimit(scenario: TimedScenario): number {
  return 10 * scenario.nodeTimeout + 100 * authRetryTime(scenario.nodeTimeout);
}

/**
 * One seeded run of a timed failover model: what {@link RecoveryWatch} measured, and the first
 * safety property broken, if any. After every step the model's own `always` properties (its
 * safety properties, as the model declares them) are judged on the new state until one fails;
 * the run goes on to its end, so its times still count.
 */
export function runOnce(setup: ReturnType<typeof timedFailoverModel>, scenario: TimedScenario, random: Random, seed?: number): RecoveryRun {
  const initial = setup.model.initStates()[0];
  const safety = setup.model.properties.filter((p) => p.kind === 'always');
  let violation: { property: string; atMs: number } | undefined;
  const watch = new RecoveryWatch(initial, scenario.failed);
  const judge = (state: SystemState<Ghost>, now: number): void => {
    if (violation !== undefined) return;
    for (const p of safety) {
      if (!p.condition(state)) {
        violation = { property: p.name, atMs: now };
        return;
      }
    }
  };
  const run = runTimed(setup.model, setup.timing, {
    random,
    maxTime: timeLimit(scenario),
    onStep: (step, state) => {
      judge(state, step.now);
      return watch.onStep(step);
    },
  });
  const result = watch.result(run.state, setup.timing.firstFail());
  return { ...result, ...(violation === undefined ? {} : { violation }), ...(seed === undefined ? {} : { seed }) };
}

/**
 * Monte Carlo recovery times: `runs` seeded runs per variant, each from the failure at time 0
 * until every failed shard has a new primary (or a safety property breaks). Run r has its own
 * seed {@link runSeed}(seed, r), the same for every variant row, so rows are compared on equal
 * random streams and one run can be replayed alone. Deterministic: the same options give the
 * same report, byte for byte.
 */
export function simulateRecovery(options: RecoveryOptions): RecoveryOutcome {
  const { scenario, runs, seed } = options;
  const cache = new Map<string, Detection>();
  const sources: WorldSource[] = [];
  const setups = options.variants.map((v) => {
    const base = resolveVariants(v).base;
    const config = scenarioConfig(scenario, false);
    const failed = config.nodes.flatMap((n, i) => (n.down === true ? [i] : []));
    const source = worldSource(scenario, config.nodes.map((n) => n.replicaOf ?? -1), failed, base === 'redis-7.0', seed, cache);
    sources.push(source);
    return timedFailoverModel(scenario, v, undefined, { machines: options.machines, worlds: source });
  });
  const total = runs * setups.length;
  const rows: RecoveryTally[] = [];
  const all: RecoveryRun[][] = [];
  setups.forEach((setup, v) => {
    const tally = new RecoveryTally(options.variants[v].join(','));
    const list: RecoveryRun[] = [];
    for (let r = 0; r < runs; r++) {
      sources[v].run = r;
      const s = runSeed(seed, r);
      const run = runOnce(setup, scenario, new Random(s), s);
      tally.add(run);
      list.push(run);
      if ((r & 63) === 63) options.onProgress?.(v * runs + r + 1, total);
    }
    rows.push(tally);
    all.push(list);
  });
  options.onProgress?.(total, total);
  return {
    report: { schema: 1, seed, runs, config: scenarioView(scenario), variants: rows.map((t) => t.summary()) },
    samples: rows.map((t) => t.recoveryTimes()),
    runs: all,
  };
}
