import type { Model } from '../core/model.ts';
import { ACTION_CODE_WORDS, NEXT_CUT, NEXT_NONE, type PackedModel } from '../core/packed.ts';
import { Hasher } from '../core/hasher.ts';
import { splitvoteError } from '../core/errors.ts';
import { fingerprinter } from '../explore/fingerprint.ts';
import type { EngineMode } from '../explore/options.ts';
import { fingerprintHex } from './fingerprintFile.ts';
import type { StartState, SwarmPath } from './types.ts';

/** Which engine and identity the explorer will use: the swarm must fingerprint states exactly as it does. */
export interface Identity {
  readonly engine: EngineMode;
  readonly symmetry: boolean;
}

/** One state of a breadth-first level, with the path that reached it first. */
interface Entry<TState> extends SwarmPath {
  readonly state: TState | undefined;
  readonly words: Int32Array | undefined;
}

/**
 * The states of a model as the explorer identifies them: the packed engine when the
 * explorer would use it (same choice as `explore`: engine `packed`, the model has a packed
 * form for these settings), else state objects fingerprinted by the explorer's own
 * `fingerprinter`. A fresh engine per call; fingerprints are values, so every process agrees.
 */
export class StateSpace<TState, TAction> {
  private readonly packed: PackedModel<TState> | undefined;
  private readonly hasher = new Hasher();
  private readonly encode: (state: TState) => void;
  private readonly fp = new Int32Array(2);

  constructor(readonly model: Model<TState, TAction>, identity: Identity) {
    const symmetry = identity.symmetry && model.representative !== undefined;
    this.packed = identity.engine === 'packed' && model.packed !== undefined ? model.packed({ symmetry }) : undefined;
    this.encode = fingerprinter(model, this.hasher, identity.symmetry);
  }

  /** The initial states as level 0. */
  initial(): Entry<TState>[] {
    if (this.packed !== undefined) return this.packed.initial().map((words, init) => ({ init, path: [], state: undefined, words }));
    return this.model.initStates().map((state, init) => ({ init, path: [], state, words: undefined }));
  }

  /** The fingerprint of an entry as [hi, lo]. */
  fingerprint(entry: Entry<TState>): [number, number] {
    if (this.packed !== undefined) {
      this.packed.fingerprint(entry.words!, 0, this.fp);
      return [this.fp[0] >>> 0, this.fp[1] >>> 0];
    }
    this.encode(entry.state!);
    return [this.hasher.hi, this.hasher.lo];
  }

  /** The successors of an entry inside the model's boundary, each with its action index. */
  successors(entry: Entry<TState>): Entry<TState>[] {
    const out: Entry<TState>[] = [];
    const packed = this.packed;
    if (packed !== undefined) {
      const codes: number[] = [];
      const scratch = new Int32Array(packed.width);
      packed.actions(entry.words!, 0, codes);
      for (let a = 0; a < codes.length / ACTION_CODE_WORDS; a++) {
        const outcome = packed.next(entry.words!, 0, codes, a, scratch, this.fp);
        if (outcome === NEXT_NONE || outcome === NEXT_CUT) continue;
        out.push({ init: entry.init, path: [...entry.path, a], state: undefined, words: scratch.slice() });
      }
      return out;
    }
    const model = this.model;
    const actions: TAction[] = [];
    model.actions(entry.state!, actions);
    for (let a = 0; a < actions.length; a++) {
      const next = model.next(entry.state!, actions[a]);
      if (next === undefined || (model.withinBoundary !== undefined && !model.withinBoundary(next))) continue;
      out.push({ init: entry.init, path: [...entry.path, a], state: next, words: undefined });
    }
    return out;
  }

  /** Replays a path from an initial state; throws SV201 when it does not fit the model. */
  walk(start: SwarmPath): Entry<TState> {
    let entry = this.initial()[start.init];
    if (entry === undefined) throw splitvoteError('SV201', `initial state ${start.init} does not exist`);
    for (let k = 0; k < start.path.length; k++) {
      const a = start.path[k];
      const next = this.successors(entry).find((e) => e.path[e.path.length - 1] === a);
      if (next === undefined) throw splitvoteError('SV201', `step ${k + 1} takes action ${a}, which does not exist or does not apply`);
      entry = next;
    }
    return entry;
  }
}

/** The breadth-first prefix of a state space, as a partition plan uses it. */
export interface Prefix {
  /** The frontier depth d. */
  readonly depth: number;
  /** The fingerprints of levels 0..d-1, sorted. */
  readonly fingerprints: BigUint64Array;
  /** The states first reached at depth d, in breadth-first order, with their paths and fingerprints. */
  readonly frontier: readonly StartState[];
  /** True when level d is empty: levels 0..d-1 are the whole reachable space. */
  readonly exhausted: boolean;
}

/**
 * Explores breadth-first, level by level, until a level holds at least `minFrontier`
 * states or reaches `maxDepth` (that level is the frontier), or no new state is left (the
 * prefix is the whole space). Deterministic: same model, same frontier in the same order.
 */
export function explorePrefix<TState, TAction>(space: StateSpace<TState, TAction>, minFrontier: number, maxDepth: number): Prefix {
  const seen = new Set<bigint>();
  const below: bigint[] = [];
  const key = (hi: number, lo: number): bigint => (BigInt(hi) << 32n) | BigInt(lo);
  let level: { entry: Entry<TState>; hi: number; lo: number }[] = [];
  for (const entry of space.initial()) {
    const [hi, lo] = space.fingerprint(entry);
    if (seen.has(key(hi, lo))) continue;
    seen.add(key(hi, lo));
    level.push({ entry, hi, lo });
  }
  let depth = 0;
  while (level.length > 0 && level.length < minFrontier && depth < maxDepth) {
    const next: typeof level = [];
    for (const { entry, hi, lo } of level) {
      below.push(key(hi, lo));
      for (const child of space.successors(entry)) {
        const [chi, clo] = space.fingerprint(child);
        const k = key(chi, clo);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push({ entry: child, hi: chi, lo: clo });
      }
    }
    level = next;
    depth++;
  }
  return {
    depth,
    fingerprints: BigUint64Array.from(below).sort(),
    frontier: level.map(({ entry, hi, lo }) => ({ init: entry.init, path: entry.path, fingerprint: fingerprintHex(hi, lo) })),
    exhausted: level.length === 0,
  };
}
