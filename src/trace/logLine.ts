import { splitvoteError } from '../core/errors.ts';
import { escapeControl } from '../report/escape.ts';
import type { LogLine } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// serverLogRaw's legacy format (Redis 7.0 and Valkey with log-format legacy): "%d:%c %s %c %s".
const LINE = /^(\d+):([A-Z]) (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) ([.\-*#]) (.*)$/;

/**
 * Parses one Redis 7.0 / Valkey log file (`PID:ROLE DD Mon YYYY HH:MM:SS.mmm LEVEL text`,
 * the legacy format both servers write by default). Empty lines are skipped. Throws SV402
 * naming the file, the line number and the (escaped) text of the first line that is not in
 * that format. Pure.
 */
export function parseLogFile(text: string, file: string): LogLine[] {
  const out: LogLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (raw.trim() === '') continue;
    const m = LINE.exec(raw);
    const month = m === null ? -1 : MONTHS.indexOf(m[4]);
    if (m === null || month < 0) {
      const shown = escapeControl(raw.length > 120 ? `${raw.slice(0, 120)}...` : raw);
      throw splitvoteError('SV402', `${file}:${i + 1}: not a Redis/Valkey log line: "${shown}"; expected "PID:ROLE DD Mon YYYY HH:MM:SS.mmm LEVEL message" (loglevel legacy format)`);
    }
    const ms = Date.UTC(Number(m[5]), month, Number(m[3]), Number(m[6]), Number(m[7]), Number(m[8]), Number(m[9]));
    out.push({ file, line: i + 1, ms, pid: Number(m[1]), role: m[2], level: m[10], text: m[11] });
  }
  return out;
}
