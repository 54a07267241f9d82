/**
 * splitvote's public API. This file is the only public surface: everything a model, a
 * check or a tool needs is re-exported here by name.
 */

// src/core: models, properties, results, errors
export type { Model, AnyModel, StateOf, ActionOf } from './core/model.ts';
export type { Property, PropertyKind } from './core/property.ts';
export { always, sometimes, eventually, recoverable } from './core/property.ts';
export type { ExploreResult, PropertyVerdict, PropertyStatus, ReductionStats, Stats, StopReason, Strategy, Trace, TraceStep } from './core/result.ts';
export { Hasher } from './core/hasher.ts';
export { hashValue } from './core/hashValue.ts';
export { sameValue } from './core/sameValue.ts';
export type { PackedModel, PackedSettings } from './core/packed.ts';
export { ACTION_CODE_WORDS, NEXT_STATE, NEXT_NONE, NEXT_CUT } from './core/packed.ts';
export { SplitvoteError, splitvoteError, isInputError, ERROR_CATALOGUE } from './core/errors.ts';
export type { ErrorCode } from './core/errors.ts';

// src/explore: strategies, options, replay
export { explore } from './explore/explore.ts';
export type { Exploration } from './explore/explore.ts';
export { DEFAULTS, resolveOptions } from './explore/options.ts';
export type { ExploreOptions, Progress, GraphMode, EngineMode } from './explore/options.ts';
export { replay, label as formatActionLabel } from './explore/replay.ts';
export { exploreParallel, modelFromRecipe } from './explore/parallel/bfsParallel.ts';
export type { ParallelOptions } from './explore/parallel/bfsParallel.ts';
export type { ModelRecipe } from './explore/parallel/protocol.ts';
export { fingerprinter } from './explore/fingerprint.ts';

// src/graph: state graph, exports, analysis
export { StateGraph } from './graph/stateGraph.ts';
export type { StateNodeAttributes, StateEdgeAttributes, ExploredGraph } from './graph/stateGraph.ts';
export type { StateStore } from './store/stateStore.ts';
export { exportGraph, toDot, toGraphMl } from './graph/export.ts';
export type { GraphFormat } from './graph/export.ts';
export { stronglyConnected } from './graph/scc.ts';
export { toCsr } from './graph/csr.ts';
export type { Csr } from './graph/csr.ts';

// src/xstate: compiler and actor systems (section owned by the XState layer)
export { compileMachine } from './xstate/compile.ts';
export { HOLD_INPUT_TAG } from './xstate/types.ts';
export { createActorSystemModel, compileMachineCached } from './xstate/system.ts';
export { renameBy } from './xstate/rename.ts';
export type { RenameSchema } from './xstate/rename.ts';
export { referenceStep } from './xstate/reference.ts';
export type {
  ActorSpec,
  ActorSnapshot,
  ActorSystemModel,
  CompiledMachine,
  MachineContext,
  Message,
  Monitor,
  NetworkOptions,
  OutgoingEvent,
  StepRecord,
  StepResult,
  SystemAction,
  SystemOptions,
  SystemState,
  SystemSymmetry,
  TimerEvent,
  TransitionInfo,
} from './xstate/types.ts';

// src/report, src/suite: reporters and checks (section owned by the reporters)
export type { ModelEntry, PresetEntry, VariantEntry, ConstantEntry, ModelRequest, CheckDefinition, TableSpec, TableFinding } from './suite/types.ts';
export type { MutantEntry, MutationSuite, MutationPreset } from './suite/types.ts';
export type { TimedEntry, TimedRequest, TimedScenarioRequest, ExtremesRequest, ExtremesOutcome } from './suite/types.ts';
export { defineCheck, validateCheck } from './suite/defineCheck.ts';
export { runCheck, compare as compareCheck } from './suite/runCheck.ts';
export type { CheckOutcome, RunCheckOptions } from './suite/runCheck.ts';
export { runTable, tableRows } from './suite/runTable.ts';
export type { TableOutcome, TableRow, TableColumn, RunTableOptions } from './suite/runTable.ts';
export { findModel, resolveRequest, withConstants, validateCatalog } from './suite/catalog.ts';
export { loadCatalog, loadChecks, CHECK_FILE } from './suite/load.ts';
export { importModule } from './suite/importModule.ts';
export type { Catalog, LoadedCheck } from './suite/load.ts';
export { runMutants, runsOf, baselineOf, scoreOf } from './mutate/run.ts';
export type { MutationReport, MutantOutcome, MutationScore, MutationRun, Baseline, Catch, RunMutantsOptions } from './mutate/run.ts';
export { checkPins, pinOf, pinsText, readPins, stalePins, validatePins } from './mutate/pins.ts';
export type { Pin, Pins, PinCheck } from './mutate/pins.ts';
export { formatMutationReport, scoreLine } from './mutate/format.ts';
export type { FormatMutationOptions } from './mutate/format.ts';
export { judgeTrace } from './suite/judgeTrace.ts';
export type { TraceJudgement } from './suite/judgeTrace.ts';
export { diffValues, deepEqual } from './report/diff.ts';
export type { Change } from './report/diff.ts';
export { formatValue, formatKey } from './report/formatValue.ts';
export { formatTrace, formatChange, stateView } from './report/formatTrace.ts';
export type { FormatTraceOptions } from './report/formatTrace.ts';
export { formatResult, formatSummary, formatVerdictLine, formatCount, formatTiming, overallLine, isFailure } from './report/formatResult.ts';
export type { FormatResultOptions, RunContext } from './report/formatResult.ts';
export { formatTable, shortName, CELL_LEGEND } from './report/formatTable.ts';
export type { FormatTableOptions } from './report/formatTable.ts';
export { formatValueLines } from './report/formatValue.ts';
export { escapeControl, quoted } from './report/escape.ts';

// src/trace: log parsing and trace validation (splitvote validate)
export { validateTrace, observationMatches, DEFAULT_TRACE_MAX_STATES } from './trace/search.ts';
export { parseLogFile } from './trace/logLine.ts';
export type {
  LogLine,
  Observation,
  LogObservation,
  StepObservation,
  TraceAdapter,
  TraceSearchOptions,
  MatchedStep,
  TraceVerdict,
  InputFile,
  ValidationInput,
  IgnoredLine,
  PreparedValidation,
  ValidationEntry,
} from './trace/types.ts';
export { wrapWords } from './report/wrap.ts';
export { toJsonReport, traceToJson, JSON_SCHEMA_VERSION } from './report/json.ts';
export type { JsonReport, JsonProperty, JsonTraceStep, JsonChange, JsonReportOptions } from './report/json.ts';
export { encodeValue } from './report/encodeValue.ts';
export type { JsonValue, EncodeOptions } from './report/encodeValue.ts';
export { toItf, ITF_SPEC_URL } from './report/itf.ts';
export type { ItfTrace, ItfState, ItfOptions } from './report/itf.ts';
export { parseReplayFile, formatReplayFile, REPLAY_FILE_KIND } from './report/replayFile.ts';
export type { ReplayFile } from './report/replayFile.ts';

// src/viz: statecharts, coverage, sequence diagrams, state-graph viewer (section owned by the drawings)
export { buildChart, statePaths, eventText } from './viz/chart.ts';
export type { Chart, ChartState, ChartTransition } from './viz/chart.ts';
export { machinesOf, pickMachines, isActorSystemModel } from './viz/machines.ts';
export type { NamedMachine } from './viz/machines.ts';
export { statechartToDot } from './viz/statechartDot.ts';
export type { StatechartDrawOptions } from './viz/statechartDot.ts';
export { statechartToMermaid } from './viz/statechartMermaid.ts';
export { dotToSvg } from './viz/svg.ts';
export { collectCoverage, coverageCounts, coverageOf, coverageReport, formatCoverage } from './viz/coverage.ts';
export type { Coverage, CoverageCounts, MachineCoverage } from './viz/coverage.ts';
export { traceToSequence, messageText } from './viz/sequence.ts';
export type { SequenceDiagram, SequenceEvent, SequenceOptions } from './viz/sequence.ts';
export { sequenceToMermaid } from './viz/sequenceMermaid.ts';
export { sequenceToSvg } from './viz/sequenceSvg.ts';
export { graphViewerData, highlightedVerdict } from './viz/graphData.ts';
export type { ViewerContext, ViewerData, ViewerEdge, ViewerNode } from './viz/graphData.ts';
export { neighbourhoodViewerData } from './viz/neighbourhood.ts';
export { graphToDot } from './viz/graphDot.ts';
export { layered } from './viz/layout.ts';
export { viewerHtml } from './viz/viewer/page.ts';

// src/timing: timed semantics of actor systems (discrete-event simulation, exhaustive timed model)
export { parseDistribution, formatDistribution, gridPoints, rangeOf, DISTRIBUTION_FORMS } from './timing/distribution.ts';
export type { Distribution } from './timing/distribution.ts';
export { Random, SampleDraw, EnumerateDraw } from './timing/draw.ts';
export type { Draw } from './timing/draw.ts';
export type { Timing, TimedStep } from './timing/types.ts';
export { runTimed } from './timing/simulate.ts';
export { TickTrain } from './timing/ticks.ts';
export type { CronSpec } from './timing/ticks.ts';
export { drawLatency, plainLatency, assertEnumerable, parseSpike } from './timing/latency.ts';
export type { LinkLatency } from './timing/latency.ts';
export { EventQueue } from './timing/queue.ts';
export type { Scheduled } from './timing/queue.ts';
export type { TimedRun, TimedRunEnd, TimedRunOptions } from './timing/simulate.ts';
export { percentile, summarize, rounded } from './timing/stats.ts';
export type { Summary } from './timing/stats.ts';
export { RecoveryTally } from './timing/report.ts';
export type { RecoveryReport, RecoveryRun, ShardRecord, TimedViolation, VariantRecovery } from './timing/report.ts';
export { createTimedModel, formatMs } from './timing/timedModel.ts';
export type { TimedModel, TimedModelOptions, TimedState, TimedAction } from './timing/timedModel.ts';
export { dagDistances, timedExtremes } from './timing/paths.ts';
export type { DagDistances, TimedExtremes } from './timing/paths.ts';
export { formatRecoveryReport } from './timing/formatReport.ts';
export { cdfPlotSvg } from './viz/cdfPlot.ts';
export type { CdfPlotOptions, CdfPanel, CdfSeries } from './viz/cdfPlot.ts';

// src/swarm: a search split into batch jobs (plan, run one job, merge; see docs/swarm.md)
export { planSwarm, PLAN_DEFAULTS } from './swarm/plan.ts';
export type { PlanOptions, SwarmPlan } from './swarm/plan.ts';
export { runJob, failedJobResult } from './swarm/run.ts';
export type { JobOutcome } from './swarm/run.ts';
export { mergeSwarm } from './swarm/merge.ts';
export type { MergedResult, MergedVerdict } from './swarm/merge.ts';
export { formatMerge, mergeExitCode } from './swarm/format.ts';
export type { FormatMergeOptions } from './swarm/format.ts';
export { parseJobSpec, parsePlanFile, parseResultFile } from './swarm/read.ts';
export { countDistinct, encodeFingerprints } from './swarm/fingerprintFile.ts';
export { startFrom, globalPath } from './swarm/frontierModel.ts';
export { shuffled } from './swarm/shuffledModel.ts';
export type { ShuffledModel } from './swarm/shuffledModel.ts';
export type { JobSpec, JobSearch, PlanFile, ResultFile, StartState, SwarmMode, SwarmPath, SwarmVerdict, SwarmCoverage, SwarmModelRequest, PrefixSummary, SwarmMachineCoverage } from './swarm/types.ts';
