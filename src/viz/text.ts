/**
 * Escaping and text measuring shared by the drawings. Pure.
 */

/** Text for XML/SVG content and attribute values (and Graphviz HTML-like labels). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A DOT double-quoted string's content. */
export function escapeDot(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Text inside Mermaid labels and messages. Mermaid reads `;` as a statement end and `#` as
 * the start of an entity code, and `:` would start a new label part in notes, so they are
 * written as entity codes, which Mermaid renders as the characters themselves.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/#/g, '#35;').replace(/;/g, '#59;').replace(/:/g, '#58;').replace(/\n/g, '<br/>');
}

/**
 * Estimated width in pixels of `text` in an 11 px sans-serif font. An estimate (no font
 * metrics in Node): wide enough for Helvetica/Arial/DejaVu Sans, so boxes never clip.
 */
export function textWidth(text: string, fontSize = 11): number {
  let units = 0;
  for (const ch of text) units += /[A-Z#%&@MW_]/.test(ch) ? 0.72 : /[ il.,:;'|!()[\]]/.test(ch) ? 0.32 : 0.58;
  return Math.ceil(units * fontSize);
}
