import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
}

function resolved(from: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, join(from, '..', specifier)) : specifier;
}

describe('architecture', () => {
  test('src/ never imports models/ or checks/', () => {
    for (const file of files(join(root, 'src'))) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        expect(target.startsWith('models') || target.startsWith('checks'), `${relative(root, file)} imports ${spec}`).toBe(false);
      }
    }
  });

  test('src/core imports nothing else in the repository', () => {
    for (const file of files(join(root, 'src/core'))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        expect(resolved(file, spec).startsWith('src/core'), `${relative(root, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  test('layers point one way: src/store uses only src/core; src/graph never imports src/explore', () => {
    const allowed: Record<string, readonly string[]> = { 'src/store': ['src/core', 'src/store'], 'src/graph': ['src/core', 'src/store', 'src/graph'] };
    for (const [dir, ok] of Object.entries(allowed)) {
      for (const file of files(join(root, dir))) {
        for (const spec of imports(file)) {
          if (!spec.startsWith('.')) continue;
          const target = resolved(file, spec);
          expect(ok.some((prefix) => target.startsWith(prefix)), `${relative(root, file)} imports ${spec}`).toBe(true);
        }
      }
    }
  });

  test('models/ and checks/ use only the public API of src/', () => {
    for (const dir of ['models', 'checks']) {
      for (const file of files(join(root, dir))) {
        for (const spec of imports(file)) {
          const target = resolved(file, spec);
          if (!target.startsWith('src')) continue;
          expect(target, `${relative(root, file)} imports ${spec}`).toBe('src/index.ts');
        }
      }
    }
  });

  test('source files stay small', () => {
    for (const dir of ['src', 'models']) {
      for (const file of files(join(root, dir))) {
        const lines = readFileSync(file, 'utf8').split('\n').length;
        expect(lines, `${relative(root, file)} has ${lines} lines`).toBeLessThanOrEqual(400);
      }
    }
  });
});
