import { describe, expect, test } from 'vitest';
import { renameBy, type RenameSchema } from '../../src/xstate/rename.ts';

const IDS = ['P0', 'P1', 'R2', 'R3'];
const swap23 = [0, 1, 3, 2];

describe('renaming participant references by schema', () => {
  const schema: RenameSchema = { fields: { me: 'index', role: { indexed: 'index' }, fail: 'set', owner: { each: 'index' }, from: 'id', k: { fields: { me: 'index' } }, cur: 'value' } };
  test('moves indexed entries, renames indices, bitmasks and ids, and leaves values and sentinels', () => {
    const ctx = { me: 2, role: [-1, -1, 0, 0], fail: 0b0101, owner: [0, 3], from: 'R3', k: { me: 2 }, cur: 7 };
    expect(renameBy(ctx, schema, swap23, IDS)).toEqual({ me: 3, role: [-1, -1, 0, 0], fail: 0b1001, owner: [0, 2], from: 'R2', k: { me: 3 }, cur: 7 });
  });

  test('returns the same object when nothing changes, and is its own inverse for a swap', () => {
    const ctx = { me: 0, role: [-1, -1, 0, 0], fail: 0b0011, owner: [0, 1], from: 'P1', k: { me: 0 }, cur: 3 };
    expect(renameBy(ctx, schema, swap23, IDS)).toBe(ctx);
    const other = { me: 3, role: [-1, 0, 1, -2], fail: 0b1100, owner: [2, 3], from: 'R2', k: { me: 3 }, cur: 1 };
    expect(renameBy(renameBy(other, schema, swap23, IDS), schema, swap23, IDS)).toEqual(other);
  });

  test('refuses a value that does not fit its schema, naming the path', () => {
    expect(() => renameBy({ me: 9 }, schema, swap23, IDS)).toThrow(/SV304: symmetry: \$\.me is 9, expected a participant index below 4/);
    expect(() => renameBy({ role: [0, 1] }, schema, swap23, IDS)).toThrow(/\$\.role is \[0,1\], expected an array of 4 entries/);
    expect(() => renameBy({ from: 'X9' }, schema, swap23, IDS)).toThrow(/\$\.from is "X9", expected one of the ids/);
    expect(() => renameBy({ fail: 1 << 6 }, schema, swap23, IDS)).toThrow(/\$\.fail is 64, expected a bitmask of 4 participants/);
  });
});
