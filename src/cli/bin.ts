#!/usr/bin/env tsx
/**
 * The `splitvote` executable: runs {@link main} on the process arguments and sets the exit
 * code (0 met, 1 failed, 2 usage or input error). It sets `process.exitCode` instead of
 * calling `process.exit`, so piped output is flushed before the process ends.
 */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
