import { describe, expect, test } from 'vitest';
import { encodeValue, toItf, type Trace } from '../../src/index.ts';

describe('encodeValue in ITF mode', () => {
  test('keeps safe integers, strings, booleans, lists and records as plain JSON', () => {
    expect(encodeValue({ a: 1, b: 'x', c: true, d: [1, 2] }, { mode: 'itf' })).toEqual({ a: 1, b: 'x', c: true, d: [1, 2] });
  });

  test('writes big integers, Sets and Maps with the ITF tags', () => {
    expect(encodeValue(12345678901234567890n, { mode: 'itf' })).toEqual({ '#bigint': '12345678901234567890' });
    expect(encodeValue(new Set(['P1', 'P2']), { mode: 'itf' })).toEqual({ '#set': ['P1', 'P2'] });
    expect(encodeValue(new Map([[1, new Set([2])]]), { mode: 'itf' })).toEqual({ '#map': [[1, { '#set': [2] }]] });
  });

  test('marks what ITF cannot hold (floats, null, functions) as unserializable', () => {
    expect(encodeValue(0.5, { mode: 'itf' })).toEqual({ '#unserializable': '0.5' });
    expect(encodeValue(null, { mode: 'itf' })).toEqual({ '#unserializable': 'null' });
    expect(encodeValue(Number.MAX_SAFE_INTEGER + 2, { mode: 'itf' })).toEqual({ '#unserializable': String(Number.MAX_SAFE_INTEGER + 2) });
  });

  test('keeps floats and null as JSON in json mode', () => {
    expect(encodeValue({ x: 0.5, y: null, z: undefined })).toEqual({ x: 0.5, y: null, z: null });
  });
});

describe('toItf', () => {
  const trace: Trace<{ epoch: number; voters?: Set<string> }, string> = {
    init: 0,
    path: [0, 0],
    steps: [
      { action: undefined, label: 'initial state', actor: undefined, state: { epoch: 0 } },
      { action: 'a', label: 'R3 starts an election', actor: 'R3', state: { epoch: 1, voters: new Set() } },
      { action: 'b', label: 'P1 votes', actor: 'P1', state: { epoch: 1, voters: new Set(['P1']) } },
    ],
    loopsTo: 1,
  };

  test('writes the ITF header, the variables and one state per step with its index and action', () => {
    const itf = toItf(trace, { source: 'toy', description: 'counterexample to "x"' });
    expect(itf['#meta']).toEqual({ format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', source: 'toy', description: 'counterexample to "x"' });
    expect(itf.vars).toEqual(['epoch', 'voters']);
    expect(itf.states[2]).toEqual({ '#meta': { index: 2, action: 'P1 votes', actor: 'P1' }, epoch: 1, voters: { '#set': ['P1'] } });
  });

  test('fills a variable a state lacks, because ITF needs every variable in every state', () => {
    expect(toItf(trace, { source: 'toy' }).states[0]).toEqual({ '#meta': { index: 0 }, epoch: 0, voters: { '#unserializable': 'undefined' } });
  });

  test('records a lasso as the ITF loop index', () => {
    expect(toItf(trace, { source: 'toy' }).loop).toBe(1);
  });

  test('wraps a view that is not a record in the single variable "state"', () => {
    const counter: Trace<number, string> = { init: 0, path: [0], steps: [trace.steps[0], trace.steps[1]].map((s, i) => ({ ...s, state: i })) };
    const itf = toItf(counter, { source: 'counter' });
    expect(itf.vars).toEqual(['state']);
    expect(itf.states.map((s) => s.state)).toEqual([0, 1]);
  });
});
