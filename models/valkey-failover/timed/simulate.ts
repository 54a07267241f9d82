import { Random, RecoveryTally, runTimed, type RecoveryReport, type RecoveryRun } from '../../../src/index.ts';
import { createFailoverModel, type FailoverModel } from '../model.ts';
import { resolveVariants } from '../variants.ts';
import { authRetryTime } from './formulas.ts';
import { RecoveryWatch } from './metrics.ts';
import { scenarioConfig, scenarioView, type TimedScenario } from './scenario.ts';
import { failoverTiming } from './timing.ts';

/** Options of {@link simulateRecovery}. */
export interface RecoveryOptions {
  readonly scenario: TimedScenario;
  /** One row per entry: a variant combination (`['nack-4654', 'fix-4655']`). */
  readonly variants: readonly (readonly string[])[];
  readonly runs: number;
  readonly seed: number;
  /** Called now and then with the runs done so far (all variants) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The report plus each variant's sorted recovery times (for plots). */
export interface RecoveryOutcome {
  readonly report: RecoveryReport;
  readonly samples: readonly (readonly number[])[];
}

/**
 * The failover model of `scenario` under `variants`, and its timing: the same model
 * `createFailoverModel` builds for the explorer (same machines, guards, actions, monitor),
 * on a cluster generated from the scenario (elections per replica bounded by `maxElections`
 * when given). Throws SV401 for an impossible scenario, SV403
 * for a bad variant combination.
 */
export function timedFailoverModel(scenario: TimedScenario, variants: readonly string[], maxElections?: number) {
  const selection = resolveVariants(variants);
  const config = scenarioConfig(scenario, scenario.sameTick && selection.base !== 'redis-7.0', maxElections);
  const model: FailoverModel = createFailoverModel(config, { variants });
  const failed = config.nodes.flatMap((n, i) => (n.down === true ? [i] : []));
  return { model, config, timing: failoverTiming(scenario, config.nodes.length, failed, model.actorIds) };
}

/** A run that has not recovered after this much simulated time counts as unrecovered. */
export function timeLimit(scenario: TimedScenario): number {
  return 10 * scenario.nodeTimeout + 100 * authRetryTime(scenario.nodeTimeout);
}

/** One seeded run of a timed failover model: what {@link RecoveryWatch} measured. */
export function runOnce(setup: ReturnType<typeof timedFailoverModel>, scenario: TimedScenario, random: Random): RecoveryRun {
  const initial = setup.model.initStates()[0];
  const watch = new RecoveryWatch(initial, scenario.failed);
  const run = runTimed(setup.model, setup.timing, { random, maxTime: timeLimit(scenario), onStep: (step) => watch.onStep(step) });
  return watch.result(run.state);
}

/**
 * Monte Carlo recovery times: `runs` seeded runs per variant, each from the failure at time 0
 * until every failed shard has a new primary. Every variant starts from the same seed, so
 * rows are compared on equal random streams. Deterministic: the same options give the same
 * report, byte for byte.
 */
export function simulateRecovery(options: RecoveryOptions): RecoveryOutcome {
  const { scenario, runs, seed } = options;
  const setups = options.variants.map((v) => timedFailoverModel(scenario, v));
  const total = runs * setups.length;
  const rows: RecoveryTally[] = [];
  setups.forEach((setup, v) => {
    const tally = new RecoveryTally(options.variants[v].join(','));
    const random = new Random(seed);
    for (let r = 0; r < runs; r++) {
      tally.add(runOnce(setup, scenario, random));
      if ((r & 63) === 63) options.onProgress?.(v * runs + r + 1, total);
    }
    rows.push(tally);
  });
  options.onProgress?.(total, total);
  return {
    report: { schema: 1, seed, runs, config: scenarioView(scenario), variants: rows.map((t) => t.summary()) },
    samples: rows.map((t) => t.recoveryTimes()),
  };
}
