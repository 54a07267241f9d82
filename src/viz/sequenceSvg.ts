import type { SequenceDiagram, SequenceEvent } from './sequence.ts';
import { escapeXml, textWidth } from './text.ts';

const FONT = 11;
const LINE = 14;
const MARGIN = 24;
const HEAD = 30;
const NOTE_CHARS = 44;
const FILL: Record<'timer' | 'step' | 'state' | 'verdict', [string, string]> = {
  timer: ['#fff6d5', '#c9a227'],
  step: ['#eef1f5', '#8a94a6'],
  state: ['#e3eefc', '#5b8bd0'],
  verdict: ['#fde2e2', '#c62828'],
};

/**
 * Renders a sequence diagram as a standalone SVG without a browser (Mermaid needs one):
 * lifelines as dashed vertical lines under a box per participant, messages as labelled
 * arrows (a dropped message ends in a cross), notes as filled boxes over their lifeline(s),
 * wrapped at about 44 characters. Column spacing comes from the longest label a gap has to
 * hold, with text widths estimated (no font metrics in Node). Pure and deterministic.
 */
export function sequenceToSvg(diagram: SequenceDiagram): string {
  const index = new Map(diagram.participants.map((p, i) => [p, i]));
  const col = (p: string): number => index.get(p) ?? 0;
  const wrapped = diagram.events.map((e) => (e.kind === 'note' && e.over.length === 1 ? e.lines.flatMap((l) => wrap(l, NOTE_CHARS)) : []));
  let gap = Math.max(130, ...diagram.participants.map((p) => textWidth(p) + 40));
  diagram.events.forEach((e, i) => {
    if (e.kind === 'message') gap = Math.max(gap, Math.ceil((textWidth(e.text) + 28) / Math.max(1, Math.abs(col(e.to) - col(e.from)))));
    else if (e.over.length === 1) gap = Math.max(gap, Math.max(...wrapped[i].map((l) => textWidth(l))) + 24);
  });
  const x = (p: string): number => MARGIN + gap / 2 + col(p) * gap;
  // A note over several lifelines is as wide as they are; wrap it to that width.
  diagram.events.forEach((e, i) => {
    if (e.kind !== 'note' || e.over.length === 1) return;
    const span = Math.abs(x(e.over[e.over.length - 1]) - x(e.over[0])) + gap - 32;
    wrapped[i] = e.lines.flatMap((l) => wrap(l, Math.max(NOTE_CHARS, Math.floor(span / 6.6))));
  });
  const width = MARGIN * 2 + gap * diagram.participants.length;
  const body: string[] = [];
  let y = MARGIN + 22 + HEAD + 16;
  diagram.events.forEach((event, i) => {
    if (event.kind === 'message') {
      body.push(arrow(event, x(event.from), x(event.to), y));
      y += event.from === event.to ? 44 : 32;
      return;
    }
    const lines = wrapped[i];
    const left = Math.min(...event.over.map(x));
    const right = Math.max(...event.over.map(x));
    const w = Math.max(...lines.map((l) => textWidth(l))) + 16;
    const boxLeft = event.over.length === 1 ? left - w / 2 : left - gap / 2 + 8;
    const boxWidth = event.over.length === 1 ? w : right - left + gap - 16;
    const h = lines.length * LINE + 10;
    const [fill, stroke] = FILL[event.tone];
    body.push(`<rect x="${n(boxLeft)}" y="${n(y)}" width="${n(boxWidth)}" height="${h}" rx="3" fill="${fill}" stroke="${stroke}"/>`);
    lines.forEach((line, j) => body.push(text(boxLeft + boxWidth / 2, y + 5 + (j + 1) * LINE - 3, line, 'middle')));
    y += h + 10;
  });
  const height = y + MARGIN;
  const head: string[] = [text(width / 2, MARGIN + 4, diagram.title, 'middle', 'font-weight="bold" font-size="13"')];
  for (const p of diagram.participants) {
    const w = textWidth(p) + 24;
    head.push(`<line x1="${n(x(p))}" y1="${MARGIN + 22 + HEAD}" x2="${n(x(p))}" y2="${n(height - MARGIN)}" stroke="#9aa3b2" stroke-dasharray="4 4"/>`);
    head.push(`<rect x="${n(x(p) - w / 2)}" y="${MARGIN + 22}" width="${w}" height="${HEAD}" rx="4" fill="#f4f6fa" stroke="#4a5568"/>`);
    head.push(text(x(p), MARGIN + 22 + HEAD / 2 + 4, p, 'middle', 'font-weight="bold"'));
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT}">`,
    `<title>${escapeXml(diagram.title)}</title>`,
    '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#2d3748"/></marker></defs>',
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    ...head,
    ...body,
    '</svg>',
  ].join('\n') + '\n';
}

function arrow(event: Extract<SequenceEvent, { kind: 'message' }>, from: number, to: number, y: number): string {
  const colour = event.dropped ? '#c62828' : '#2d3748';
  const label = event.dropped ? `${event.text} (dropped)` : event.text;
  if (from === to) {
    const path = `M ${n(from)} ${n(y)} h 28 v 16 h -26`;
    return [`<path d="${path}" fill="none" stroke="${colour}" marker-end="url(#arrowhead)"/>`, text(from + 34, y + 12, label, 'start')].join('\n');
  }
  const dir = Math.sign(to - from);
  const end = event.dropped ? from + (to - from) * 0.7 : to - dir * 2;
  const parts = [
    `<line x1="${n(from)}" y1="${n(y + 8)}" x2="${n(end)}" y2="${n(y + 8)}" stroke="${colour}"${event.dropped ? ' stroke-dasharray="5 3"' : ' marker-end="url(#arrowhead)"'}/>`,
    text((from + to) / 2, y + 3, label, 'middle', event.dropped ? `fill="${colour}"` : ''),
  ];
  if (event.dropped) parts.push(`<path d="M ${n(end - 5)} ${n(y + 3)} l 10 10 m 0 -10 l -10 10" stroke="${colour}" stroke-width="2"/>`);
  return parts.join('\n');
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle', extra = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}"${extra === '' ? '' : ` ${extra}`}>${escapeXml(content)}</text>`;
}

/** Splits a line at spaces so no piece is longer than `max` characters (a longer word stays whole). */
export function wrap(line: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > max) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  out.push(current);
  return out;
}

// Coordinates rounded to 0.1 px: stable text across platforms, no float noise in the file.
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
