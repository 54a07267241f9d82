import { splitvoteError } from '../core/errors.ts';

/**
 * How a field of a context, message or ghost refers to participants, so a permutation of
 * participants can be applied to it (symmetry reduction). Participants are numbered
 * 0..n-1 by the model (nodes, say, including ones that are not actors):
 * - `value`: no reference (left as is);
 * - `index`: a participant number (negative numbers are sentinels, left as is);
 * - `set`: a bitmask of participant numbers;
 * - `id`: a participant's id string (mapped through `ids`);
 * - `{ each: F }`: an array whose entries are fields F (the order is kept);
 * - `{ indexed: F }`: an array indexed by participant (entry i moves to rename[i]), entries F;
 * - `{ fields: { ... } }`: a plain object with these fields (unlisted fields are left as is).
 */
export type RenameSchema =
  | 'value'
  | 'index'
  | 'set'
  | 'id'
  | { readonly each: RenameSchema }
  | { readonly indexed: RenameSchema }
  | { readonly fields: Readonly<Record<string, RenameSchema>> };

/**
 * `value` with every participant reference renamed: participant i becomes `rename[i]`
 * (`ids[i]` becomes `ids[rename[i]]`). Returns `value` itself when the permutation changes
 * nothing in it. Throws SV304 naming the path when a value does not fit its schema (an
 * index out of range, a bitmask with bits past n, an unknown id). Pure.
 */
export function renameBy<T>(value: T, schema: RenameSchema, rename: readonly number[], ids: readonly string[], path = '$'): T {
  return renameAt(value, schema, rename, ids, path) as T;
}

function renameAt(value: unknown, schema: RenameSchema, rename: readonly number[], ids: readonly string[], path: string): unknown {
  const n = rename.length;
  if (schema === 'value') return value;
  if (schema === 'index') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value >= n) throw bad(path, value, `a participant index below ${n} (or a negative sentinel)`);
    return value < 0 ? value : rename[value];
  }
  if (schema === 'set') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= 2 ** n) throw bad(path, value, `a bitmask of ${n} participants`);
    let out = 0;
    for (let i = 0; i < n; i++) if ((value >> i) & 1) out |= 1 << rename[i];
    return out;
  }
  if (schema === 'id') {
    const i = ids.indexOf(value as string);
    if (i < 0) throw bad(path, value, `one of the ids ${ids.join(', ')}`);
    return ids[rename[i]];
  }
  if ('each' in schema || 'indexed' in schema) {
    if (!Array.isArray(value)) throw bad(path, value, 'an array');
    const element = 'each' in schema ? schema.each : schema.indexed;
    if ('indexed' in schema && value.length !== n) throw bad(path, value, `an array of ${n} entries, one per participant`);
    const out = new Array(value.length);
    value.forEach((entry, i) => {
      out['indexed' in schema ? rename[i] : i] = renameAt(entry, element, rename, ids, `${path}[${i}]`);
    });
    return out.every((entry, i) => entry === value[i]) ? value : out;
  }
  if (typeof value !== 'object' || value === null) throw bad(path, value, 'an object');
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(schema.fields)) {
    if (!(key in record)) continue;
    const next = renameAt(record[key], schema.fields[key], rename, ids, `${path}.${key}`);
    if (next !== record[key]) (out ??= { ...record })[key] = next;
  }
  return out ?? value;
}

function bad(path: string, value: unknown, allowed: string): Error {
  return splitvoteError('SV304', `symmetry: ${path} is ${JSON.stringify(value)}, expected ${allowed}`);
}
