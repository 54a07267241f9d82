import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

/** What one in-process run of the CLI printed and returned. */
export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process on the fixture catalog (test/fixtures/catalog.ts), capturing its output. */
export async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    env: { SPLITVOTE_CATALOG: 'test/fixtures/catalog.ts' },
    cwd: process.cwd(),
    progressStream: undefined,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
