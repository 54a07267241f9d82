import { describe, expect, test } from 'vitest';
import { explore, stateView, toJsonReport, type ExploreResult } from '../../src/index.ts';
import { catalog } from '../fixtures/catalog.ts';

const jugs = catalog.find((e) => e.name === 'jugs')!.create({ preset: 'die-hard', variants: [] });
const result = explore(jugs);
const report = toJsonReport(result, { model: 'jugs', preset: 'die-hard', variants: [], view: stateView(jugs) });

describe('toJsonReport', () => {
  test('has exactly the schema 1 fields and the documented extras', () => {
    expect(Object.keys(report).sort()).toEqual(['bounds', 'complete', 'model', 'preset', 'properties', 'schema', 'stats', 'stopReason', 'strategy', 'variant'].sort());
    expect(Object.keys(report.stats).sort()).toEqual(['boundaryHits', 'collisionProbability', 'deadlocks', 'depth', 'seconds', 'states', 'statesPerSecond', 'transitions'].sort());
    expect(report).toMatchObject({ schema: 1, model: 'jugs', preset: 'die-hard', variant: null, strategy: 'bfs', complete: true, stopReason: null });
    expect(report.stats).toMatchObject({ states: 16, transitions: 96, depth: 7 });
  });

  test('without timings, leaves seconds and states/s out: the same document on every machine', () => {
    const plain = toJsonReport(result, { model: 'jugs', preset: 'die-hard', variants: [], view: stateView(jugs), timings: false });
    expect(Object.keys(plain.stats)).not.toContain('seconds');
    expect(Object.keys(plain.stats)).not.toContain('statesPerSecond');
    expect(JSON.stringify(plain)).toBe(JSON.stringify(toJsonReport(explore(jugs), { model: 'jugs', preset: 'die-hard', variants: [], view: stateView(jugs), timings: false })));
  });

  test('gives every property a name, kind, status and trace (empty when there is none)', () => {
    for (const property of report.properties) {
      expect(Object.keys(property)).toEqual(expect.arrayContaining(['name', 'kind', 'status', 'trace']));
      expect(Array.isArray(property.trace)).toBe(true);
    }
    expect(report.properties.find((p) => p.kind === 'deadlock')).toMatchObject({ status: 'holds', trace: [] });
  });

  test('writes a counterexample as steps with the action, the actor and the changed fields', () => {
    const violated = report.properties.find((p) => p.status === 'violated')!;
    expect(violated.trace).toHaveLength(7);
    expect(violated.trace[0]).toEqual({ step: 0, action: null, actor: null, changes: [], state: { jugs: { small: 0, big: 0 } } });
    expect(violated.trace[6]).toEqual({
      step: 6,
      action: 'pour big into small',
      actor: null,
      changes: [
        { path: 'jugs.small', before: 2, after: 3 },
        { path: 'jugs.big', before: 5, after: 4 },
      ],
    });
    expect(violated.replay).toEqual({ init: 0, path: [1, 5, 2, 5, 1, 5] });
  });

  test('joins the variants as given on the command line', () => {
    expect(toJsonReport(result, { variants: ['nack-4654', 'mixed'] }).variant).toBe('nack-4654,mixed');
  });

  test('survives JSON.stringify: Sets, Maps and big integers use the ITF encodings, rates stay numbers', () => {
    const odd: ExploreResult<unknown, unknown> = {
      ...result,
      stats: { ...result.stats, seconds: 0, statesPerSecond: Number.POSITIVE_INFINITY },
      properties: [
        {
          name: 'p',
          kind: 'always',
          status: 'violated',
          trace: {
            init: 0,
            path: [0],
            steps: [
              { action: undefined, label: 'initial state', actor: undefined, state: { s: new Set([1]), m: new Map([['a', 1n]]) } },
              { action: 0, label: 'go', actor: 'R1', state: { s: new Set([1, 2]), m: new Map([['a', 2n]]) } },
            ],
          },
        },
      ],
    };
    const parsed = JSON.parse(JSON.stringify(toJsonReport(odd))) as ReturnType<typeof toJsonReport>;
    expect(parsed.stats.statesPerSecond).toBe(0);
    expect(parsed.properties[0].trace[1].changes).toEqual([
      { path: 's', before: { '#set': [1] }, after: { '#set': [1, 2] } },
      { path: 'm.a', before: { '#bigint': '1' }, after: { '#bigint': '2' } },
    ]);
  });
});
