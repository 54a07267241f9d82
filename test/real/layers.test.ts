import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the real-cluster harness is outside the core', () => {
  test('nothing in src/, models/ or checks/ imports real/', () => {
    for (const dir of ['src', 'models', 'checks']) {
      for (const file of files(join(root, dir))) {
        const text = readFileSync(file, 'utf8');
        const specs = [...text.matchAll(/(?:from\s+|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
        for (const spec of specs) {
          if (!spec.startsWith('.')) continue;
          expect(relative(root, join(file, '..', spec)).startsWith('real'), `${relative(root, file)} imports ${spec}`).toBe(false);
        }
      }
    }
  });
});
