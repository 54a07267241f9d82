import { describe, expect, test } from 'vitest';
import { escapeControl, formatValue, formatValueLines, quoted } from '../../src/index.ts';

describe('formatValue', () => {
  test('prints plain data compactly, strings quoted and identifier keys bare', () => {
    expect(formatValue({ role: 'replica', votes: [1, 2], 'P1->R3': true })).toBe('{ role: "replica", votes: [1, 2], "P1->R3": true }');
  });

  test('prints Maps, Sets and big integers so they cannot be mistaken for objects and numbers', () => {
    expect(formatValue(new Map([['R1', new Set([1, 2])]]))).toBe('Map{"R1" => Set{1, 2}}');
    expect(formatValue(5n)).toBe('5n');
    expect(formatValue({})).toBe('{}');
  });

  test('cuts text longer than maxLength and ends it with an ellipsis', () => {
    expect(formatValue('abcdefghij', { maxLength: 6 })).toBe('"abcd…');
  });
});

describe('formatValueLines', () => {
  test('keeps a value that fits on one line', () => {
    expect(formatValueLines({ a: 1 }, 40, 'x: ', '')).toEqual(['x: { a: 1 }']);
  });

  test('fills the entries of a wide value into lines no wider than the width, indented under the key', () => {
    const value = { nodes: { P0: 'primary', P1: 'primary', R5: 'replica of P0' }, FAIL: ['P0', 'P1'], size: 5 };
    const lines = formatValueLines(value, 40, '    P2: ', '    ');
    expect(lines).toEqual(['    P2: { nodes: { P0: "primary",', '        P1: "primary",', '        R5: "replica of P0" },', '      FAIL: ["P0", "P1"], size: 5 }']);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    // Joined, the lines read as the one-line form.
    expect(lines.map((l) => l.trim()).join(' ')).toBe(`P2: ${formatValue(value)}`);
  });

  test('leaves text that cannot be broken whole, and stops on a value that contains itself', () => {
    expect(formatValueLines('x'.repeat(50), 20, '', '')).toEqual([`"${'x'.repeat(50)}"`]);
    const loop: Record<string, unknown> = { name: 'a'.repeat(30) };
    loop.self = loop;
    expect(formatValueLines(loop, 20, '', '').join(' ')).toContain('[circular]');
  });
});

describe('escapeControl and quoted', () => {
  test('write control characters as escapes, so echoed input cannot drive the terminal', () => {
    expect(escapeControl('a\nb\u001b[31mc\u0007')).toBe('a\\nb\\u001b[31mc\\u0007');
    expect(escapeControl('line 1\nline 2', true)).toBe('line 1\nline 2');
    expect(quoted('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });
});
