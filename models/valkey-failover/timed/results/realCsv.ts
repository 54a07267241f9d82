import { splitvoteError, type ShardRecord } from '../../../../src/index.ts';

/** The columns of the harness's runs.csv, in order (REAL-CONTRACT.md). */
export const REAL_COLUMNS = [
  'run',
  'started_at',
  'server',
  'primaries',
  'failed',
  'replicas',
  'node_timeout_ms',
  'bus_delay_ms',
  'load1',
  'shard',
  'fail_ms',
  'starts',
  'winner',
  'won_ms',
  'won_epoch',
  'votes',
  'split',
  'outcome',
] as const;

/** One configuration of a campaign: the command line that a real run and its simulation share. */
export interface RealConfig {
  readonly primaries: number;
  readonly failed: number;
  readonly replicas: number;
  readonly nodeTimeout: number;
  readonly busDelay: number;
}

/** One real run: its configuration, the machine's load, and one record per failed shard. */
export interface RealRun {
  readonly run: string;
  readonly server: string;
  readonly config: RealConfig;
  readonly load1: number;
  readonly shards: ShardRecord[];
}

/**
 * Parses a runs.csv of the real-cluster harness into runs (rows grouped by run id, shards in
 * order). Throws SV401 naming the line, the column and the value when a row does not follow
 * the contract. Empty fields are NaN (no FAIL seen, no winner).
 */
export function parseRealCsv(text: string, source: string): RealRun[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw splitvoteError('SV401', `${source}: empty file; expected the header ${REAL_COLUMNS.join(',')}`);
  const header = lines[0].trim().split(',');
  if (header.join(',') !== REAL_COLUMNS.join(',')) throw splitvoteError('SV401', `${source}:1: header ${JSON.stringify(lines[0].slice(0, 200))}; expected ${REAL_COLUMNS.join(',')}`);
  const runs = new Map<string, RealRun>();
  lines.slice(1).forEach((line, k) => {
    const at = `${source}:${k + 2}`;
    const cells = line.trim().split(',');
    if (cells.length !== REAL_COLUMNS.length) throw splitvoteError('SV401', `${at}: ${cells.length} fields; expected ${REAL_COLUMNS.length} (${REAL_COLUMNS.join(',')})`);
    const field = (name: (typeof REAL_COLUMNS)[number]) => cells[REAL_COLUMNS.indexOf(name)];
    const num = (name: (typeof REAL_COLUMNS)[number], optional = false): number => {
      const v = field(name);
      if (v === '' && optional) return Number.NaN;
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) throw splitvoteError('SV401', `${at}: column ${name} ${JSON.stringify(v.slice(0, 40))}: allowed: a number${optional ? ' or empty' : ''}`);
      return n;
    };
    const starts = field('starts') === '' ? [] : field('starts').split(';').map((s) => {
      const m = /^(\d+)@(\d+(?:\.\d+)?)$/.exec(s);
      if (m === null) throw splitvoteError('SV401', `${at}: column starts ${JSON.stringify(s.slice(0, 40))}: allowed: epoch@ms entries separated by ';'`);
      return { epoch: Number(m[1]), ms: Number(m[2]) };
    });
    const outcome = field('outcome');
    if (outcome !== 'won' && outcome !== 'timeout') throw splitvoteError('SV401', `${at}: column outcome ${JSON.stringify(outcome.slice(0, 20))}: allowed: won, timeout`);
    const config: RealConfig = { primaries: num('primaries'), failed: num('failed'), replicas: num('replicas'), nodeTimeout: num('node_timeout_ms'), busDelay: num('bus_delay_ms') };
    const id = field('run');
    let run = runs.get(id);
    if (run === undefined) {
      run = { run: id, server: field('server'), config, load1: num('load1', true), shards: [] };
      runs.set(id, run);
    }
    const won = outcome === 'won';
    run.shards.push({ failMs: num('fail_ms', true), starts, wonMs: won ? num('won_ms') : Number.NaN, wonEpoch: won ? num('won_epoch') : Number.NaN });
  });
  return [...runs.values()];
}

/** `p7-k3-t1000-d50`: a configuration's label. */
export function configKey(c: RealConfig): string {
  return `p${c.primaries}-k${c.failed}-t${c.nodeTimeout}-d${c.busDelay}`;
}
