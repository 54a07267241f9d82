import type { SequenceDiagram } from './sequence.ts';
import { escapeMermaid } from './text.ts';

/**
 * The sequence as Mermaid `sequenceDiagram` text: one `participant` per lifeline in order,
 * `A->>B: n. MESSAGE` for a delivered message, `A-xB` for a dropped one, `Note over` for
 * timers, local steps, state changes and the verdict (spanning every lifeline). Step numbers
 * are written into the text (not `autonumber`) so arrows and notes share the trace's
 * numbering. Pure and deterministic.
 */
export function sequenceToMermaid(diagram: SequenceDiagram): string {
  const ids = new Map(diagram.participants.map((p, i) => [p, /^[A-Za-z][A-Za-z0-9_]*$/.test(p) ? p : `p${i}`]));
  // A title runs to the end of its line; entity codes are not decoded there, so only
  // the statement separator is replaced.
  const lines = ['sequenceDiagram', `  title ${diagram.title.replace(/[;\n]/g, ',')}`];
  for (const p of diagram.participants) lines.push(ids.get(p) === p ? `  participant ${p}` : `  participant ${ids.get(p)} as ${escapeMermaid(p)}`);
  for (const event of diagram.events) {
    if (event.kind === 'message') {
      const arrow = event.dropped ? '-x' : '->>';
      const text = event.dropped ? `${event.text} (dropped)` : event.text;
      lines.push(`  ${ids.get(event.from) ?? event.from}${arrow}${ids.get(event.to) ?? event.to}: ${escapeMermaid(text)}`);
    } else {
      const over = event.over.map((p) => ids.get(p) ?? p).join(',');
      lines.push(`  Note over ${over}: ${escapeMermaid(event.lines.join('\n'))}`);
    }
  }
  return lines.join('\n') + '\n';
}
