import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The compiled entry the process-spawning tests run with plain `node`. */
export const BUILT_BIN = resolve('dist/src/cli/bin.js');

const STAMP = resolve('dist/.build-stamp');
const SOURCES = ['src', 'models', 'checks', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * vitest global setup: builds `dist/` (`npm run build`) once before any test file runs when
 * a source is newer than the last build, so every process-spawning test shares one fresh
 * compiled CLI and no two tests build at the same time.
 */
export default function setup(): void {
  const fresh = existsSync(STAMP) && existsSync(BUILT_BIN) && statSync(STAMP).mtimeMs >= Math.max(...SOURCES.map(newest));
  if (fresh) return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  writeFileSync(STAMP, 'dist/ was built from the sources newer than this file\n');
}
