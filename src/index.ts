/**
 * splitvote's public API. This file is the only public surface: everything a model, a
 * check or a tool needs is re-exported here by name.
 */

// src/core: models, properties, results, errors
export type { Model, AnyModel, StateOf, ActionOf } from './core/model.ts';
export type { Property, PropertyKind } from './core/property.ts';
export { always, sometimes, eventually, recoverable } from './core/property.ts';
export type { ExploreResult, PropertyVerdict, PropertyStatus, Stats, StopReason, Strategy, Trace, TraceStep } from './core/result.ts';
export { Hasher } from './core/hasher.ts';
export { hashValue } from './core/hashValue.ts';
export { SplitvoteError, splitvoteError, isInputError, ERROR_CATALOGUE } from './core/errors.ts';
export type { ErrorCode } from './core/errors.ts';

// src/explore: strategies, options, replay
export { explore } from './explore/explore.ts';
export type { Exploration } from './explore/explore.ts';
export { DEFAULTS, resolveOptions } from './explore/options.ts';
export type { ExploreOptions, Progress, GraphMode } from './explore/options.ts';
export { replay, label as formatActionLabel } from './explore/replay.ts';

// src/graph: state graph, exports, analysis
export { StateGraph } from './graph/stateGraph.ts';
export type { StateNodeAttributes, StateEdgeAttributes } from './graph/stateGraph.ts';
export { exportGraph, toDot, toGraphMl } from './graph/export.ts';
export type { GraphFormat } from './graph/export.ts';
export { stronglyConnected } from './graph/scc.ts';
export { toCsr } from './graph/csr.ts';
export type { Csr } from './graph/csr.ts';

// src/xstate: compiler and actor systems (section owned by the XState layer)

// src/report, src/suite: reporters and checks (section owned by the reporters)
export type { ModelEntry, PresetEntry, VariantEntry, ModelRequest, CheckDefinition } from './suite/types.ts';
