import { Fields } from './fields.ts';
import { JOB_KIND, PLAN_KIND, RESULT_KIND, type JobSearch, type JobSpec, type PlanFile, type ResultFile, type StartState, type SwarmModelRequest, type SwarmCoverage, type SwarmPath, type SwarmVerdict } from './types.ts';

// Readers of the swarm's files. Each validates every field it uses and throws SV402 naming
// the file and the field (see Fields); unknown extra fields are ignored.

const MODES = ['partition', 'sample'] as const;
const STRATEGIES = ['bfs', 'dfs', 'simulate'] as const;
const KINDS = ['always', 'sometimes', 'eventually', 'recoverable', 'deadlock'] as const;
const STATUSES = ['holds', 'violated', 'witnessed', 'not-witnessed', 'unknown'] as const;
const STOP_REASONS = ['max-states', 'max-depth', 'max-seconds', 'max-memory', 'violation', 'max-runs'] as const;

/** Parses and validates a job file (`job-K.json`). */
export function parseJobSpec(text: string, source: string): JobSpec {
  const f = new Fields(source);
  const doc = f.parse(text, 'a job file written by `splitvote swarm plan`');
  f.field(doc, '', 'schema', f.exactly(1));
  f.field(doc, '', 'kind', f.exactly(JOB_KIND));
  const jobs = f.field(doc, '', 'jobs', f.count);
  const index = f.field(doc, '', 'index', f.index);
  if (index >= jobs) f.fail('index', `a job number below jobs (${jobs})`, index);
  const mode = f.field(doc, '', 'mode', f.oneOf(MODES));
  const start = f.optional(doc, '', 'start', f.array((v, p) => startState(f, v, p)));
  if (mode === 'partition' && start === undefined) f.fail('start', 'the frontier states of a partition job (an array, [] for none)', undefined, false);
  return { schema: 1, kind: JOB_KIND, plan: f.field(doc, '', 'plan', f.hex16), mode, index, jobs, model: f.field(doc, '', 'model', (v, p) => modelRequest(f, v, p)), search: f.field(doc, '', 'search', (v, p) => jobSearch(f, v, p)), ...(start === undefined ? {} : { start }) };
}

/** Parses and validates a plan file (`plan.json`). */
export function parsePlanFile(text: string, source: string): PlanFile {
  const f = new Fields(source);
  const doc = f.parse(text, 'the plan file written by `splitvote swarm plan`');
  f.field(doc, '', 'schema', f.exactly(1));
  f.field(doc, '', 'kind', f.exactly(PLAN_KIND));
  const properties = f.field(doc, '', 'properties', f.array((v, p) => {
    const o = f.object(v, p);
    return { name: f.field(o, p, 'name', f.string), kind: f.field(o, p, 'kind', f.oneOf(KINDS)) };
  }));
  const prefix = f.optional(doc, '', 'prefix', (v, p) => {
    const o = f.object(v, p);
    return {
      depth: f.field(o, p, 'depth', f.index),
      states: f.field(o, p, 'states', f.index),
      frontier: f.field(o, p, 'frontier', f.index),
      exhausted: f.field(o, p, 'exhausted', f.boolean),
      fingerprintFile: f.field(o, p, 'fingerprintFile', fileName(f)),
      verdicts: f.field(o, p, 'verdicts', f.array((x, q) => verdict(f, x, q))),
      ...optionalField('coverage', f.optional(o, p, 'coverage', (x, q) => swarmCoverage(f, x, q))),
    };
  });
  const mode = f.field(doc, '', 'mode', f.oneOf(MODES));
  if (mode === 'partition' && prefix === undefined) f.fail('prefix', 'the prefix summary of a partition plan', undefined, false);
  return { schema: 1, kind: PLAN_KIND, id: f.field(doc, '', 'id', f.hex16), mode, jobs: f.field(doc, '', 'jobs', f.count), model: f.field(doc, '', 'model', (v, p) => modelRequest(f, v, p)), properties, ...(prefix === undefined ? {} : { prefix }) };
}

/** Parses and validates a result file (`result-K.json`). */
export function parseResultFile(text: string, source: string): ResultFile {
  const f = new Fields(source);
  const doc = f.parse(text, 'a result file written by `splitvote swarm run`');
  f.field(doc, '', 'schema', f.exactly(1));
  f.field(doc, '', 'kind', f.exactly(RESULT_KIND));
  const stopReason = doc.stopReason === null ? null : f.field(doc, '', 'stopReason', f.oneOf(STOP_REASONS));
  const stats = f.field(doc, '', 'stats', (v, p) => {
    const o = f.object(v, p);
    const n = (key: string): number => f.field(o, p, key, f.index);
    return { states: n('states'), transitions: n('transitions'), depth: n('depth'), seconds: f.field(o, p, 'seconds', f.seconds), deadlocks: n('deadlocks'), boundaryHits: n('boundaryHits') };
  });
  const fingerprints = f.optional(doc, '', 'fingerprints', (v, p) => {
    const o = f.object(v, p);
    return { file: f.field(o, p, 'file', fileName(f)), count: f.field(o, p, 'count', f.index) };
  });
  const coverage = f.optional(doc, '', 'coverage', (v, p) => swarmCoverage(f, v, p));
  const error = f.optional(doc, '', 'error', f.string);
  return {
    schema: 1,
    kind: RESULT_KIND,
    plan: f.field(doc, '', 'plan', f.hex16),
    index: f.field(doc, '', 'index', f.index),
    mode: f.field(doc, '', 'mode', f.oneOf(MODES)),
    strategy: f.field(doc, '', 'strategy', f.oneOf(STRATEGIES)),
    outcome: f.field(doc, '', 'outcome', f.oneOf(['ran', 'failed'] as const)),
    ...(error === undefined ? {} : { error }),
    complete: f.field(doc, '', 'complete', f.boolean),
    stopReason,
    stats,
    verdicts: f.field(doc, '', 'verdicts', f.array((v, p) => verdict(f, v, p))),
    ...(fingerprints === undefined ? {} : { fingerprints }),
    ...(coverage === undefined ? {} : { coverage }),
  };
}

function swarmCoverage(f: Fields, value: unknown, path: string): SwarmCoverage {
  const o = f.object(value, path);
  return {
    complete: f.field(o, path, 'complete', f.boolean),
    machines: f.field(o, path, 'machines', f.array((x, q) => {
      const m = f.object(x, q);
      return {
        name: f.field(m, q, 'name', f.string),
        states: f.field(m, q, 'states', f.array(f.string)),
        transitions: f.field(m, q, 'transitions', f.array(f.index)),
        allStates: f.field(m, q, 'allStates', f.index),
        allTransitions: f.field(m, q, 'allTransitions', f.index),
        guarded: f.field(m, q, 'guarded', f.array((y, r) => {
          const g = f.object(y, r);
          return { id: f.field(g, r, 'id', f.index), text: f.field(g, r, 'text', f.string) };
        })),
      };
    })),
  };
}

/** `{ [key]: value }`, or `{}` when the value is absent. */
function optionalField<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

function modelRequest(f: Fields, value: unknown, path: string): SwarmModelRequest {
  const o = f.object(value, path);
  return { name: f.field(o, path, 'name', f.string), preset: f.field(o, path, 'preset', f.string), variants: f.field(o, path, 'variants', f.array(f.string)) };
}

function swarmPath(f: Fields, o: Record<string, unknown>, path: string): SwarmPath {
  return { init: f.field(o, path, 'init', f.index), path: f.field(o, path, 'path', f.array(f.index)) };
}

function startState(f: Fields, value: unknown, path: string): StartState {
  const o = f.object(value, path);
  return { ...swarmPath(f, o, path), fingerprint: f.field(o, path, 'fingerprint', f.hex16) };
}

function verdict(f: Fields, value: unknown, path: string): SwarmVerdict {
  const o = f.object(value, path);
  const note = f.optional(o, path, 'note', f.string);
  const trace = f.optional(o, path, 'trace', (v, p) => swarmPath(f, f.object(v, p), p));
  return { name: f.field(o, path, 'name', f.string), kind: f.field(o, path, 'kind', f.oneOf(KINDS)), status: f.field(o, path, 'status', f.oneOf(STATUSES)), ...(note === undefined ? {} : { note }), ...(trace === undefined ? {} : { trace }) };
}

function jobSearch(f: Fields, value: unknown, path: string): JobSearch {
  const o = f.object(value, path);
  const opt = <T>(key: string, check: (v: unknown, p: string) => T): Record<string, T> => optionalField(key, f.optional(o, path, key, check));
  return {
    strategy: f.field(o, path, 'strategy', f.oneOf(STRATEGIES)),
    engine: f.field(o, path, 'engine', f.oneOf(['packed', 'object'] as const)),
    symmetry: f.field(o, path, 'symmetry', f.boolean),
    deadlock: f.field(o, path, 'deadlock', f.boolean),
    coverage: f.field(o, path, 'coverage', f.boolean),
    stopOnViolation: f.field(o, path, 'stopOnViolation', f.boolean),
    ...opt('maxStates', f.count),
    ...opt('maxDepth', f.index),
    ...opt('maxSeconds', f.positive),
    ...opt('orderSeed', f.integer),
    ...opt('seed', f.integer),
    ...opt('runs', f.count),
    ...opt('maxSteps', f.count),
  };
}

/** A file name inside the swarm folder: no folders, no leading dot. */
function fileName(f: Fields): (value: unknown, path: string) => string {
  return (value, path) => (typeof value === 'string' && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(value) ? value : f.fail(path, 'a plain file name in the swarm folder (letters, digits, ".", "-", "_")', value));
}
