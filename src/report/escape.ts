// C0 controls, DEL and C1 controls: what a terminal may act on instead of printing.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/**
 * `text` with every control character written as an escape (`\n`, `\t`, `\u001b`), so
 * echoed input cannot move the cursor, recolour the terminal or fake a line of output.
 * With `keepNewlines`, line breaks stay (for whole messages that have several lines). Pure.
 */
export function escapeControl(text: string, keepNewlines = false): string {
  return text.replace(CONTROL, (c) => (keepNewlines && c === '\n' ? c : (SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
}

/** A value from the user quoted for a message: `"name"`, with quotes, backslashes and control characters escaped. */
export function quoted(value: string): string {
  return `"${escapeControl(value.replaceAll('\\', '\\\\').replaceAll('"', '\\"'))}"`;
}

/** True when `text` holds a control character. */
export function hasControl(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(text);
}
