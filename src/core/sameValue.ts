/**
 * Structural equality with exactly the identity {@link hashValue} gives states: numbers by
 * `Object.is`, arrays element by element, plain objects by their keys whatever their order
 * (a key whose value is `undefined` counts as absent), Maps and Sets as unordered entries,
 * typed arrays word by word. Two values that are `sameValue` always hash equally, so an
 * interning table can confirm a fingerprint match with it. Pure.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Object.is(a, b);
  if (typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && sameArray(a, b as unknown[]);
  if (Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a)) return ArrayBuffer.isView(b) && sameWords(a as unknown as ArrayLike<number>, b as unknown as ArrayLike<number>);
  if (a instanceof Map) return b instanceof Map && sameMap(a, b);
  if (a instanceof Set) return b instanceof Set && sameSet(a, b);
  if (b instanceof Map || b instanceof Set || ArrayBuffer.isView(b)) return false;
  return sameRecord(a as Record<string, unknown>, b as Record<string, unknown>);
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

function sameWords(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    count++;
    if (!sameValue(value, b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) count--;
  return count === 0;
}

// Maps and Sets are rare in model states; a quadratic match keeps this simple and exact.
function sameMap(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  const used = new Set<unknown>();
  outer: for (const [ka, va] of a) {
    for (const [kb, vb] of b) {
      if (used.has(kb) || !sameValue(ka, kb) || !sameValue(va, vb)) continue;
      used.add(kb);
      continue outer;
    }
    return false;
  }
  return true;
}

function sameSet(a: Set<unknown>, b: Set<unknown>): boolean {
  if (a.size !== b.size) return false;
  const used = new Set<unknown>();
  outer: for (const va of a) {
    for (const vb of b) {
      if (used.has(vb) || !sameValue(va, vb)) continue;
      used.add(vb);
      continue outer;
    }
    return false;
  }
  return true;
}
