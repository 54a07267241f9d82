#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` runs): a clean dist/ compiled by tsc from
// src/, models/ and checks/, with the executable bit on the bin so `npx splitvote` runs it.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
chmodSync('dist/src/cli/bin.js', 0o755);
