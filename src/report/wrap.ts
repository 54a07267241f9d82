/**
 * `text` broken at single spaces into lines of at most `width` characters; the first line
 * keeps the text's leading spaces, later lines start with `indent`. A word longer than a
 * line stays whole on a line of its own. Pure.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = lead;
  let fresh = true;
  for (const word of text.slice(lead.length).split(' ')) {
    if (fresh) {
      line += word;
      fresh = false;
    } else if (line.length + 1 + word.length <= width) {
      line += ` ${word}`;
    } else {
      lines.push(line);
      line = indent + word;
    }
  }
  lines.push(line);
  return lines;
}
