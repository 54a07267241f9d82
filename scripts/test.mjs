#!/usr/bin/env node
// `npm test`: every step runs even when an earlier one fails, so a failing unit test never
// hides a drifted regression check; the exit code is non-zero when any step failed.
import { spawnSync } from 'node:child_process';

const STEPS = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'tests', command: ['npx', 'vitest', 'run'] },
  { name: 'regression checks', command: ['npx', 'tsx', 'src/cli/bin.ts', 'checks'] },
];

const results = STEPS.map(({ name, command }) => {
  process.stdout.write(`\n=== ${name}: ${command.join(' ')}\n`);
  const { status, signal } = spawnSync(command[0], command.slice(1), { stdio: 'inherit' });
  return { name, command, code: status ?? (signal === null ? 1 : `signal ${signal}`) };
});

process.stdout.write('\n=== npm test\n');
for (const { name, command, code } of results) process.stdout.write(`${code === 0 ? '✓' : '✗'} ${name.padEnd(18)} ${command.join(' ')}${code === 0 ? '' : `  (exit ${code})`}\n`);
const failed = results.filter((r) => r.code !== 0).length;
process.stdout.write(failed === 0 ? 'every step passed\n' : `${failed} of ${results.length} steps failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
