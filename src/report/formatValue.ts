/** Options of {@link formatValue}. */
export interface FormatValueOptions {
  /** Longest text returned; longer text is cut and ends with `…`. Default: no limit. */
  readonly maxLength?: number;
}

/**
 * A plain value as one compact line for traces and diffs: strings quoted, object keys bare
 * when they are identifiers, `Map{k => v}`, `Set{a, b}`, `5n` for big integers. Pure and
 * deterministic: entries print in their insertion order, which a deterministic model fixes.
 *
 * @example formatValue({ role: 'replica', votes: [1, 2] }) // '{ role: "replica", votes: [1, 2] }'
 */
export function formatValue(value: unknown, options: FormatValueOptions = {}): string {
  const text = show(value, new Set());
  const max = options.maxLength ?? Number.POSITIVE_INFINITY;
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** An object key as printed in values and diff paths: bare when it is an identifier. */
export function formatKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function show(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  // States are trees, but a view could share or loop; print a marker rather than recurse forever.
  if (seen.has(object)) return '[circular]';
  seen.add(object);
  try {
    return showObject(object, seen);
  } finally {
    seen.delete(object);
  }
}

function showObject(object: object, seen: Set<object>): string {
  if (Array.isArray(object)) return `[${object.map((item) => show(item, seen)).join(', ')}]`;
  if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
    return `[${Array.from(object as unknown as ArrayLike<number | bigint>, (item) => show(item, seen)).join(', ')}]`;
  }
  if (object instanceof Map) {
    const entries = [...object].map(([k, v]) => `${show(k, seen)} => ${show(v, seen)}`);
    return entries.length === 0 ? 'Map{}' : `Map{${entries.join(', ')}}`;
  }
  if (object instanceof Set) {
    const items = [...object].map((item) => show(item, seen));
    return items.length === 0 ? 'Set{}' : `Set{${items.join(', ')}}`;
  }
  const entries = Object.entries(object).map(([k, v]) => `${formatKey(k)}: ${show(v, seen)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}
