/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Options of {@link encodeValue}. */
export interface EncodeOptions {
  /**
   * `json` (default): numbers stay JSON numbers, `undefined` becomes `null`.
   * `itf`: the Informal Trace Format rules: only safe integers are JSON numbers, other numbers
   * and `null`/`undefined` become `{"#unserializable": "..."}` (ITF has neither floats nor null).
   */
  readonly mode?: 'json' | 'itf';
}

/**
 * Turns a plain state value into JSON with the ITF encodings for what JSON lacks, so that
 * `--json` reports and `--itf` traces agree: `{"#bigint": "123"}` for big integers,
 * `{"#set": [...]}` for Sets, `{"#map": [[k, v], ...]}` for Maps; arrays and typed arrays
 * are lists, plain objects are records. Entry order is insertion order (deterministic for a
 * deterministic model). Functions, symbols and class instances become
 * `{"#unserializable": "<text>"}`. Pure.
 *
 * @example encodeValue(new Map([['R1', new Set([1n])]])) // { '#map': [['R1', { '#set': [{ '#bigint': '1' }] }]] }
 */
export function encodeValue(value: unknown, options: EncodeOptions = {}): JsonValue {
  return encode(value, options.mode ?? 'json', new Set());
}

function unserializable(text: string): JsonValue {
  return { '#unserializable': text };
}

function encodeNumber(value: number, mode: 'json' | 'itf'): JsonValue {
  if (mode === 'itf') return Number.isSafeInteger(value) ? value : unserializable(String(value));
  // JSON has no NaN or Infinity; keep them visible rather than letting JSON.stringify write null.
  return Number.isFinite(value) ? value : unserializable(String(value));
}

function encode(value: unknown, mode: 'json' | 'itf', seen: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return encodeNumber(value, mode);
    case 'bigint':
      return { '#bigint': value.toString() };
    case 'undefined':
      return mode === 'itf' ? unserializable('undefined') : null;
    case 'function':
    case 'symbol':
      return unserializable(String(value));
    default:
      break;
  }
  if (value === null) return mode === 'itf' ? unserializable('null') : null;
  const object = value as object;
  if (seen.has(object)) return unserializable('[circular]');
  seen.add(object);
  try {
    return encodeObject(object, mode, seen);
  } finally {
    seen.delete(object);
  }
}

function encodeObject(object: object, mode: 'json' | 'itf', seen: Set<object>): JsonValue {
  if (Array.isArray(object)) return object.map((item) => encode(item, mode, seen));
  if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
    return Array.from(object as unknown as ArrayLike<number | bigint>, (item) => encode(item, mode, seen));
  }
  if (object instanceof Set) return { '#set': [...object].map((item) => encode(item, mode, seen)) };
  if (object instanceof Map) {
    return { '#map': [...object].map(([k, v]) => [encode(k, mode, seen), encode(v, mode, seen)]) };
  }
  const proto = Object.getPrototypeOf(object) as unknown;
  if (proto !== Object.prototype && proto !== null) return unserializable(String(object));
  const record: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(object)) record[k] = encode(v, mode, seen);
  return record;
}
