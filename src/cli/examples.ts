/** One example command of `--help`: its arguments, the exit code it gives and why. */
export interface Example {
  /** The arguments after `splitvote`, as typed in a shell (double quotes group). */
  readonly args: string;
  readonly exit: number;
  readonly note: string;
}

/**
 * The examples each `--help` shows, by command (`splitvote` is the top level). They run on
 * the package's own models, in order, in one folder (a saved trace is replayed later), and
 * test/cli/examples.test.ts runs every one and checks its exit code, so they stay true.
 */
export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  splitvote: [
    { args: 'list', exit: 0, note: 'the models with their presets, variants, constants and properties' },
    { args: 'check two-phase-commit --preset rm2', exit: 0, note: 'every property holds, exhaustively' },
    { args: 'check valkey-failover --preset stale-nack --variant nack-3833 --save-trace s4.json', exit: 1, note: 'S4 violated: a late REQ_EPOCH_OLD NACK fast-fails an election that could win (#4627)' },
    { args: 'replay s4.json', exit: 1, note: 'the saved counterexample still reproduces' },
    { args: 'table valkey-failover --preset stale-nack', exit: 0, note: 'one row per variant, the known bugs first' },
    { args: 'checks --filter two-phase-commit', exit: 0, note: 'regression checks whose name contains the text' },
    { args: 'simulate failover --timed --runs 200 --seed 1 --primaries 5', exit: 0, note: 'recovery-time distribution per variant' },
  ],
  check: [
    { args: 'check valkey-failover --preset minimal --variant nack-4654,fix-4655', exit: 1, note: 'S2 holds with the fix; S6 (#4700) is still violated' },
    { args: 'check valkey-failover --preset storm --variant nack-4654 --set maxElections=2 --quiet', exit: 1, note: 'a smaller bound than the preset\'s 3; S6 still breaks, and W1: no promotion can happen' },
    { args: 'check two-phase-commit --preset rm4 --max-states 500 --quiet', exit: 3, note: 'stopped by --max-states before deciding: unknown verdicts are not a pass' },
    { args: 'check two-phase-commit --preset rm3 --json', exit: 0, note: 'one JSON document (schema 1)' },
    { args: 'check valkey-failover --preset stale-nack --variant nack-3833 --workers 2 --quiet', exit: 1, note: 'BFS on 2 threads: the same counts, verdicts and trace as on one' },
  ],
  list: [{ args: 'list --json', exit: 0, note: 'the catalog as one JSON document' }],
  mutate: [
    { args: 'mutate valkey-failover --mutant alreadyVoted-ignored', exit: 0, note: 'one planted bug: caught by S3 on siblings, as pinned' },
    { args: 'mutate valkey-failover --mutant votedTimeExpires-ignored --json', exit: 0, note: 'a survivor, with its declared gap, as one JSON document' },
    { args: 'mutate valkey-failover --mutant alreadyVoted-ignored --trace --quiet', exit: 0, note: 'the counterexample that caught it' },
  ],
  replay: [
    { args: 'check valkey-failover --preset stale-nack --variant nack-3833 --quiet --save-trace s4.json', exit: 1, note: 'save the counterexample' },
    { args: 'replay s4.json --itf s4.itf.json', exit: 1, note: 'replay it, and write it as ITF for the Quint/Apalache trace viewers' },
  ],
  checks: [
    { args: 'checks --filter two-phase-commit', exit: 0, note: 'one line per check; a drift lists what changed' },
    { args: 'checks --filter stale-nack --json', exit: 0, note: 'the checks as one JSON document' },
  ],
  table: [
    { args: 'table valkey-failover --preset stale-nack --variant-sets "nack-3833;nack-4654" --trace S4', exit: 0, note: 'two rows, then the S4 counterexample' },
    { args: 'table valkey-failover --preset storm --set maxEpoch=7', exit: 0, note: 'every row with a lower epoch bound' },
  ],
  simulate: [
    { args: 'simulate failover --timed --runs 200 --seed 1 --variant "valkey-legacy;nack-4654,fix-4655"', exit: 0, note: 'two report rows; the same seed gives the same numbers' },
    {
      args: 'simulate failover --timed --exhaustive --primaries 3 --failed 1 --replicas 2 --node-timeout 1000 --latency fixed:5 --gossip fixed:0 --same-tick --variant valkey-legacy',
      exit: 0,
      note: 'worst and best recovery time over every behaviour on a 1 ms grid',
    },
  ],
  viz: [
    { args: 'viz statechart two-phase-commit --machine tm -o tm.svg', exit: 0, note: 'one statechart as SVG' },
    { args: 'viz statechart valkey-failover --machine node:candidate --state candidate --format mermaid', exit: 0, note: 'a state of a machine as Mermaid' },
    { args: 'viz statechart valkey-failover --preset stale-nack --coverage -o node.svg', exit: 0, note: 'never-taken transitions grey and dashed' },
    { args: 'check valkey-failover --preset stale-nack --variant nack-3833 --quiet --save-trace s4.json', exit: 1, note: 'save a counterexample' },
    { args: 'viz trace s4.json -o s4.svg', exit: 0, note: 'the counterexample as a message sequence diagram' },
    { args: 'viz graph valkey-failover --preset stale-nack --variant nack-3833 -o graph.html', exit: 0, note: 'the state graph viewer with the counterexample highlighted' },
  ],
};

/** The `Examples:` help text of a command: each command line, then its exit code and what it shows. */
export function examplesHelp(command: string): string {
  const examples = EXAMPLES[command] ?? [];
  if (examples.length === 0) return '';
  const lines = examples.flatMap((e) => [`  splitvote ${e.args}`, `      exit ${e.exit}: ${e.note}`]);
  return `\nExamples (from a clone or an install, type npx splitvote):\n${lines.join('\n')}`;
}

/** Splits example arguments as a shell would for these simple cases: spaces separate, double quotes group. */
export function splitArgs(args: string): string[] {
  return [...args.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}
