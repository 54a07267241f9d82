import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { checkXml } from './xml.ts';

const dir = mkdtempSync(join(tmpdir(), 'splitvote-viz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process on the package's own catalog (models/index.ts). */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: dir, progressStream: undefined });
  return { code, out, err };
}

describe('splitvote viz', () => {
  test('statechart prints Mermaid for one machine', async () => {
    const { code, out } = await cli('viz', 'statechart', 'two-phase-commit', '--machine', 'tm', '--format', 'mermaid');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('stateDiagram-v2');
    expect(out).toContain('collecting --> committed : PREPARED [lastPrepared] / recordPrepared, sendCommit');
  });

  test('statechart writes SVG to -o, the format taken from the extension', async () => {
    const { code, out } = await cli('viz', 'statechart', 'valkey-failover', '--machine', 'node:candidate', '--state', 'candidate', '-o', 'candidate.svg');
    expect([code, out]).toEqual([0, '']);
    const { problems, texts } = checkXml(readFileSync(join(dir, 'candidate.svg'), 'utf8'));
    expect(problems).toEqual([]);
    for (const state of ['candidate', 'idle', 'delayed', 'waiting', 'expired']) expect(texts).toContain(state);
  });

  test('statechart --coverage explores first and says so under the title', async () => {
    const { code, out } = await cli('viz', 'statechart', 'two-phase-commit', '--preset', 'rm2', '--coverage', '--format', 'dot');
    expect(code).toBe(0);
    expect(out).toContain('coverage of two-phase-commit --preset rm2 (79 states, 183 transitions, complete); grey and dashed: never taken');
    expect(out).not.toContain('style=dashed');
  });

  test('an unknown machine exits 2 and lists the machines', async () => {
    const { code, err } = await cli('viz', 'statechart', 'two-phase-commit', '--machine', 'coordinator');
    expect(code).toBe(2);
    expect(err).toContain('--machine coordinator: model two-phase-commit has no machine "coordinator"; pass one of: tm (actors TM), rm (actors RM1, RM2, RM3)');
  });

  test('--state on a model with several machines exits 2 asking for --machine', async () => {
    const { code, err } = await cli('viz', 'statechart', 'valkey-failover', '--state', 'voter');
    expect(code).toBe(2);
    expect(err).toContain('pass --machine with one of: node:voter, node:candidate');
  });

  test('a format the command does not write exits 2 naming the allowed ones', async () => {
    expect((await cli('viz', 'statechart', 'two-phase-commit', '--format', 'png')).err).toContain('--format png is not allowed here; pass one of: svg, dot, mermaid');
    const { code, err } = await cli('viz', 'trace', 'x.json', '-o', 'x.html');
    expect(code).toBe(2);
    expect(err).toContain('-o x.html: a .html file would be html, which this command does not write; pass --format with one of: mermaid, svg');
  });

  test('--coverage stops the search where states stop being kept, and says the coverage is partial', async () => {
    const { code, out } = await cli('viz', 'statechart', 'two-phase-commit', '--coverage', '--graph-limit', '20', '--format', 'dot');
    expect(code).toBe(0);
    expect(out).toContain('(20 states, ');
    expect(out).toContain('stopped: max-states); grey and dashed: never taken');
  });

  test('--coverage with --max-states above the graph limit exits 2 saying how to bound it', async () => {
    const { code, err } = await cli('viz', 'statechart', 'two-phase-commit', '--coverage', '--graph-limit', '5', '--max-states', '100');
    expect(code).toBe(2);
    expect(err).toContain('raise --graph-limit or bound the search with --max-states or --max-depth');
  });

  test('trace draws a saved counterexample as Mermaid and SVG', async () => {
    expect((await cli('check', 'valkey-failover', '--preset', 'stale-nack', '--variant', 'nack-3833', '--quiet', '--save-trace', 's4.json')).code).toBe(1);
    const mermaid = await cli('viz', 'trace', 's4.json');
    expect(mermaid.code).toBe(0);
    expect(mermaid.out).toMatch(/^sequenceDiagram\n {2}title valkey-failover --preset stale-nack --variant nack-3833: S4 /);
    expect(mermaid.out).toMatch(/P1->>R3: \d+\. AUTH_NACK\(epoch \d+, REQ_EPOCH_OLD/);
    expect((await cli('viz', 'trace', 's4.json', '-o', 's4.svg')).code).toBe(0);
    expect(checkXml(readFileSync(join(dir, 's4.svg'), 'utf8')).problems).toEqual([]);
  });

  test('an unreadable or invalid trace file exits 2 and says which file to pass', async () => {
    const missing = await cli('viz', 'trace', 'missing.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read missing.json (ENOENT); pass a file written by `splitvote check --save-trace FILE`');
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    const bad = await cli('viz', 'trace', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad.json is not JSON');
  });

  test('graph writes one HTML file and says what it drew', async () => {
    const { code, out } = await cli('viz', 'graph', 'two-phase-commit', '--preset', 'rm2', '-o', 'g.html');
    expect(code).toBe(0);
    expect(out).toBe('Wrote g.html: 79 states, 183 transitions; witness of "a transaction commits".\n');
    expect(readFileSync(join(dir, 'g.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  test('a graph over the limit exits 2 and offers the neighbourhood of the trace', async () => {
    const { code, err } = await cli('viz', 'graph', 'two-phase-commit', '--limit', '50');
    expect(code).toBe(2);
    expect(err).toContain('the state graph of two-phase-commit --preset rm3 has more than 50 states (--limit for html); pass --around 2 to draw the states within 2 steps of the first counterexample');
    const explored = await cli('viz', 'graph', 'two-phase-commit', '--limit', '50', '--max-states', '600');
    expect(explored.code).toBe(2);
    expect(explored.err).toContain('has 575 states, more than 50 (--limit for html); pass --around 2 to draw the states within 2 steps of the witness');
    const around = await cli('viz', 'graph', 'two-phase-commit', '--limit', '50', '--around', '1', '--format', 'dot');
    expect(around.code).toBe(0);
    expect(around.out).toMatch(/^digraph /);
  });

  test('graph --property must name a property with a trace', async () => {
    const { code, err } = await cli('viz', 'graph', 'two-phase-commit', '--preset', 'rm2', '--property', 'nope', '--format', 'dot');
    expect(code).toBe(2);
    expect(err).toContain('properties with a trace: "a transaction commits", "a transaction aborts"');
  });

  test('check prints the statechart coverage after the verdicts', async () => {
    const { out } = await cli('check', 'two-phase-commit', '--preset', 'rm2');
    expect(out).toContain('\nStatechart coverage:\n  tm  3/3 states  3/3 transitions  1/1 guards fired\n  rm  4/4 states  5/5 transitions  0/0 guards fired\n');
    expect((await cli('check', 'two-phase-commit', '--preset', 'rm2', '--quiet')).out).not.toContain('coverage');
  });
});
