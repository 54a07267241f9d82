import { formatKey, formatValue } from './formatValue.ts';

/**
 * One changed leaf between two values. `before` is `undefined` for an added key or index,
 * `after` is `undefined` for a removed one (see `kind`).
 */
export interface Change {
  /** Where the change is: `R3.failover_auth_count`, `log[2]`, `links["P1->R3"]`; `''` is the root. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The structural difference of two plain values (typically `model.view(state)` of two
 * consecutive trace steps): only the leaves that changed, in the order of the keys of
 * `before` and then the keys only `after` has.
 *
 * - Plain objects and Maps are compared key by key; an added or removed key is one change
 *   carrying the whole subtree.
 * - Arrays and typed arrays are compared index by index (a shifted list shows every index
 *   that moved; the diff does not search for insertions).
 * - Sets are leaves: equal when they hold structurally equal elements, whatever the order.
 * - A value whose shape changes (object to array, number to object) is one change.
 *
 * Pure; neither argument is modified.
 *
 * @example diffValues({ R3: { count: 0 } }, { R3: { count: 1 } })
 * // [{ path: 'R3.count', kind: 'changed', before: 0, after: 1 }]
 */
export function diffValues(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  walk(before, after, '', changes);
  return changes;
}

/** Structural equality with the rules of {@link diffValues} (Sets order-free, NaN equals NaN). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (sameLeaf(a, b)) return true;
  const shape = shapeOf(a);
  if (shape !== shapeOf(b) || shape === 'leaf') return false;
  if (shape === 'set') return setEqual(a as Set<unknown>, b as Set<unknown>);
  const left = children(a, shape);
  const right = children(b, shape);
  if (left.size !== right.size) return false;
  for (const [key, value] of left) {
    if (!right.has(key) || !deepEqual(value, right.get(key))) return false;
  }
  return true;
}

type Shape = 'leaf' | 'array' | 'object' | 'map' | 'set';

function shapeOf(value: unknown): Shape {
  if (typeof value !== 'object' || value === null) return 'leaf';
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) return 'array';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null ? 'object' : 'leaf';
}

function sameLeaf(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

function setEqual(a: Set<unknown>, b: Set<unknown>): boolean {
  if (a.size !== b.size) return false;
  const rest = [...b];
  // Quadratic, but sets in a state are small (voters, links); correctness over speed here.
  for (const item of a) {
    const at = rest.findIndex((other) => deepEqual(item, other));
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return true;
}

/** Child values keyed by their path segment, in insertion order. */
function children(value: unknown, shape: Shape): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (shape === 'array') {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) out.set(`[${i}]`, items[i]);
  } else if (shape === 'map') {
    for (const [k, v] of value as Map<unknown, unknown>) {
      out.set(typeof k === 'string' ? keySegment(k) : `[${formatValue(k)}]`, v);
    }
  } else {
    for (const [k, v] of Object.entries(value as object)) out.set(keySegment(k), v);
  }
  return out;
}

// `.name` for identifiers, `["P1->R3"]` for any other key, so a path reads like JavaScript.
function keySegment(key: string): string {
  const shown = formatKey(key);
  return shown === key ? `.${key}` : `[${shown}]`;
}

function walk(before: unknown, after: unknown, path: string, out: Change[]): void {
  if (sameLeaf(before, after)) return;
  const shape = shapeOf(before);
  if (shape !== shapeOf(after) || shape === 'leaf' || shape === 'set') {
    if (!deepEqual(before, after)) out.push({ path: tidy(path), kind: 'changed', before, after });
    return;
  }
  const left = children(before, shape);
  const right = children(after, shape);
  for (const [segment, value] of left) {
    if (right.has(segment)) walk(value, right.get(segment), path + segment, out);
    else out.push({ path: tidy(path + segment), kind: 'removed', before: value, after: undefined });
  }
  for (const [segment, value] of right) {
    if (!left.has(segment)) out.push({ path: tidy(path + segment), kind: 'added', before: undefined, after: value });
  }
}

// Segments are built with a leading dot; a path starts with the first key, not a dot.
function tidy(path: string): string {
  return path.startsWith('.') ? path.slice(1) : path;
}
