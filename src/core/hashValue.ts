import { Hasher } from './hasher.ts';
import { splitvoteError } from './errors.ts';

/**
 * The generic canonical encoding: feeds a plain value (primitives, arrays, plain objects,
 * Maps, Sets, typed arrays) into `hasher` so that structurally equal values give equal
 * fingerprints. Object keys and Map/Set entries are combined order-independently (each
 * entry is hashed on its own and the entry hashes are summed), so two equal objects built
 * with keys in a different order are the same state. No JSON strings are built.
 *
 * Functions, symbols and class instances other than Map/Set/typed arrays are rejected,
 * because they have no canonical value.
 */
export function hashValue(hasher: Hasher, value: unknown): void {
  feed(hasher, value, 0);
}

const TAG = { undef: 0x7a6b0001, nul: 0x7a6b0002, fls: 0x7a6b0003, tru: 0x7a6b0004, num: 0x7a6b0005, str: 0x7a6b0006, arr: 0x7a6b0007, obj: 0x7a6b0008, map: 0x7a6b0009, set: 0x7a6b000a, big: 0x7a6b000b, typed: 0x7a6b000c };

// One scratch hasher per nesting depth for order-independent entry hashes.
const scratch: Hasher[] = [];
function scratchAt(depth: number): Hasher {
  let h = scratch[depth];
  if (h === undefined) {
    h = new Hasher();
    scratch[depth] = h;
  }
  return h;
}

function feed(h: Hasher, value: unknown, depth: number): void {
  switch (typeof value) {
    case 'number':
      h.int(TAG.num).num(value);
      return;
    case 'string':
      h.int(TAG.str).str(value);
      return;
    case 'boolean':
      h.int(value ? TAG.tru : TAG.fls);
      return;
    case 'undefined':
      h.int(TAG.undef);
      return;
    case 'bigint':
      h.int(TAG.big).str(value.toString(16));
      return;
    case 'object':
      break;
    default:
      throw splitvoteError('SV101', `cannot fingerprint a ${typeof value}`);
  }
  if (value === null) {
    h.int(TAG.nul);
    return;
  }
  if (Array.isArray(value)) {
    h.int(TAG.arr).int(value.length);
    for (let i = 0; i < value.length; i++) feed(h, value[i], depth);
    return;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const words = value as unknown as ArrayLike<number>;
    h.int(TAG.typed).int(words.length);
    for (let i = 0; i < words.length; i++) h.num(words[i]);
    return;
  }
  if (value instanceof Map) {
    unordered(h, TAG.map, value.size, depth, (sub) => {
      for (const [k, v] of value) {
        sub.reset();
        feed(sub, k, depth + 1);
        feed(sub, v, depth + 1);
        accumulate(sub.finish());
      }
    });
    return;
  }
  if (value instanceof Set) {
    unordered(h, TAG.set, value.size, depth, (sub) => {
      for (const v of value) {
        sub.reset();
        feed(sub, v, depth + 1);
        accumulate(sub.finish());
      }
    });
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw splitvoteError('SV101', `cannot fingerprint an instance of ${proto?.constructor?.name ?? 'an unknown class'}`);
  }
  hashObject(h, value as Record<string, unknown>, depth);
}

/**
 * A plain object is fed as its keys in sorted order, each as a cached key hash followed by
 * its value, so key order does not matter. Sorting happens once per "shape" (the same keys
 * in the same insertion order), which states of one model almost always share; the keys of
 * the object at hand are collected into a reused scratch array, so nothing is allocated.
 */
function hashObject(h: Hasher, record: Record<string, unknown>, depth: number): void {
  let keys = keyScratch[depth];
  if (keys === undefined) keyScratch[depth] = keys = [];
  let count = 0;
  for (const key in record) {
    if (record[key] === undefined) continue; // { a: undefined } and {} are the same state
    keys[count++] = key;
  }
  const shape = shapeOf(keys, count);
  h.int(TAG.obj).int(count);
  const { order, keyHashes } = shape;
  for (let p = 0; p < count; p++) {
    h.int(keyHashes[p]);
    feed(h, record[shape.keys[order[p]]], depth + 1);
  }
}

interface Shape {
  /** The keys in insertion order. */
  readonly keys: readonly string[];
  /** order[p] is the insertion index of the p-th key in sorted order. */
  readonly order: Int32Array;
  /** Hash of the p-th key in sorted order. */
  readonly keyHashes: Int32Array;
}

const keyScratch: string[][] = [];
// Shapes by their first key; a model has few shapes, so each list is short.
const shapes = new Map<string, Shape[]>();
const emptyShape: Shape = { keys: [], order: new Int32Array(0), keyHashes: new Int32Array(0) };
const keyHasher = new Hasher();

function shapeOf(keys: readonly string[], count: number): Shape {
  if (count === 0) return emptyShape;
  let list = shapes.get(keys[0]);
  if (list === undefined) shapes.set(keys[0], (list = []));
  search: for (let s = 0; s < list.length; s++) {
    const candidate = list[s].keys;
    if (candidate.length !== count) continue;
    for (let i = 1; i < count; i++) if (candidate[i] !== keys[i]) continue search;
    return list[s];
  }
  const own = keys.slice(0, count);
  const sorted = own.map((key, index) => ({ key, index })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shape: Shape = {
    keys: own,
    order: Int32Array.from(sorted, (e) => e.index),
    keyHashes: Int32Array.from(sorted, (e) => keyHasher.reset().str(e.key).finish().lo | 0),
  };
  list.push(shape);
  return shape;
}

let sumHi = 0;
let sumLo = 0;
function accumulate(sub: Hasher): void {
  sumHi = (sumHi + sub.hi) | 0;
  sumLo = (sumLo + sub.lo) | 0;
}

function unordered(h: Hasher, tag: number, size: number, depth: number, body: (sub: Hasher) => void): void {
  const savedHi = sumHi;
  const savedLo = sumLo;
  sumHi = 0;
  sumLo = 0;
  body(scratchAt(depth));
  h.int(tag).int(size).int(sumHi).int(sumLo);
  sumHi = savedHi;
  sumLo = savedLo;
}
