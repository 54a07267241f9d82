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

/**
 * A value printed as `prefix` + {@link formatValue}, broken into several lines when that is
 * wider than `width`: the entries of an object, array, Map or Set fill each line and
 * continue on the next, indented two more than `indent`; an entry too wide for a line of
 * its own is broken the same way. Text that cannot be broken (a long string) stays whole.
 * Pure and deterministic; joined by spaces it reads like the one-line form.
 */
export function formatValueLines(value: unknown, width: number, prefix: string, indent: string): string[] {
  return lines(value, width, prefix, indent, 0);
}

// `depth` stops the breaking of a value that contains itself (printed `[circular]`).
function lines(value: unknown, width: number, prefix: string, indent: string, depth: number): string[] {
  const flat = prefix + formatValue(value);
  const parts = flat.length <= width || depth > 16 ? undefined : partsOf(value);
  if (parts === undefined) return [flat];
  const inner = `${indent}  `;
  const out: string[] = [];
  let line = prefix + parts.open;
  let fresh = true;
  parts.items.forEach(([label, item], i) => {
    const tail = i === parts.items.length - 1 ? parts.close : ',';
    const piece = label + formatValue(item) + tail;
    const gap = fresh ? parts.gap : ' ';
    if (line.length + gap.length + piece.length <= width) {
      line += gap + piece;
      fresh = false;
      return;
    }
    if (!fresh) out.push(line);
    const start = fresh ? line + gap : inner;
    const broken = lines(item, width - tail.length, start + label, inner, depth + 1);
    broken[broken.length - 1] += tail;
    out.push(...broken.slice(0, -1));
    line = broken[broken.length - 1];
    fresh = false;
  });
  out.push(line);
  return out;
}

interface Parts {
  readonly open: string;
  readonly close: string;
  /** Between the opening bracket and the first entry. */
  readonly gap: string;
  readonly items: readonly (readonly [string, unknown])[];
}

function partsOf(value: unknown): Parts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : { open: '[', close: ']', gap: '', items: value.map((v) => ['', v] as const) };
  if (value instanceof Map) return value.size === 0 ? undefined : { open: 'Map{', close: '}', gap: '', items: [...value].map(([k, v]) => [`${formatValue(k)} => `, v] as const) };
  if (value instanceof Set) return value.size === 0 ? undefined : { open: 'Set{', close: '}', gap: '', items: [...value].map((v) => ['', v] as const) };
  if (ArrayBuffer.isView(value)) return undefined;
  const entries = Object.entries(value);
  return entries.length === 0 ? undefined : { open: '{', close: ' }', gap: ' ', items: entries.map(([k, v]) => [`${formatKey(k)}: `, v] as const) };
}
