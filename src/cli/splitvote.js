#!/usr/bin/env node
// The installed `splitvote` executable. splitvote ships its TypeScript sources; this shim
// registers tsx's loader (a dependency) so Node runs them without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./bin.ts');
