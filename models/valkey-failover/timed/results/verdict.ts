import type { VariantRecovery } from '../../../../src/index.ts';
import { authRetryTime } from '../formulas.ts';
import type { Cell, ExhaustiveRow } from './experiments.ts';

const f = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : Math.round(v).toLocaleString('en-US'));
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

function row(cells: readonly Cell[], primaries: number, failed: number, nodeTimeout: number, variant: string): VariantRecovery {
  const cell = cells.find((c) => c.primaries === primaries && c.failed === failed && c.nodeTimeout === nodeTimeout);
  const found = cell?.variants?.find((v) => v.variant === variant);
  if (found === undefined) throw new Error(`no result for ${primaries}p ${failed}f ${nodeTimeout} ${variant}`);
  return found;
}

/**
 * The report's verdict on the PR's claim, with the numbers filled in from this run's tables.
 * The sentences state what the mechanisms guarantee (and the tests assert); the numbers say
 * how much.
 */
export function verdictText(forced: readonly Cell[], random: readonly Cell[], exhaustive: readonly ExhaustiveRow[]): string {
  const nt = 3000;
  const lf = row(forced, 7, 3, nt, 'valkey-legacy');
  const nf = row(forced, 7, 3, nt, 'nack-4654');
  const rf = row(forced, 7, 3, nt, 'redis-7.0');
  const lr = row(random, 7, 3, nt, 'valkey-legacy');
  const nr = row(random, 7, 3, nt, 'nack-4654');
  const rr = row(random, 7, 3, nt, 'redis-7.0');
  const l15 = row(random, 7, 3, 15000, 'valkey-legacy');
  const n15 = row(random, 7, 3, 15000, 'nack-4654');
  const splitRates = random.flatMap((c) => c.variants?.filter((v) => v.variant === 'nack-4654').map((v) => v.splitVoteRate) ?? []);
  const ex = (variant: string) => exhaustive.find((r) => r.variant === variant);
  return `**For split votes the claim holds, and NACK does better than "a few cron ticks"; but the
window it removes is auth_retry_time, not auth_timeout + auth_retry_time, and with the default
delays split votes are rare and mostly short already.** Numbers for 7 primaries, 3 failed,
node_timeout ${nt.toLocaleString('en-US')} ms unless said otherwise:

- **Forced collisions** (the PR's test setup). A valkey-legacy candidate that lost starts its
  next election a median ${f(lf.retryGapMs.p50)} ms after its first one: once
  \`auth_age > auth_retry_time\` (${f(authRetryTime(nt))} ms, §2.4 step 4) at its next cron tick. The expiry at
  auth_timeout lies inside that window, so the legacy wait is auth_retry_time = 4 × node_timeout,
  and the PR's "auth_timeout + auth_retry_time" (6 × node_timeout) overstates it by half. With
  nack-4654 the loser restarts a median ${f(nf.retryGapMs.p50)} ms (max ${f(nf.retryGapMs.max)} ms) after its first start:
  the NACKs' round trip plus the fresh start delay, which the DEBUG delay 0 sets to 0 (§2.5:
  a reset does not skip the delay; with the default delays it costs ${'`delay + random % delay`'} again). Mean
  recovery falls from ${f(lf.recoveryMs.mean)} ms to ${f(nf.recoveryMs.mean)} ms (p99 ${f(lf.recoveryMs.p99)} → ${f(nf.recoveryMs.p99)} ms).
  The price is epochs and resets: ${nf.epochsConsumed.mean?.toFixed(1)} epochs per run instead of ${lf.epochsConsumed.mean?.toFixed(1)}, and ${nf.nackResets.mean?.toFixed(1)} NACK fast-fail resets per run.
- **Exhaustively** (two replicas of one failed primary, every order of simultaneous messages,
  node_timeout 1,000 ms, at most 3 elections each): valkey-legacy recovers between ${f(ex('valkey-legacy')?.bestMs)} and
  ${f(ex('valkey-legacy')?.worstMs)} ms, a full auth_retry_time per lost election; nack-4654 between ${f(ex('nack-4654')?.bestMs)} and
  ${f(ex('nack-4654')?.worstMs)} ms, a round trip per lost election. Redis 7.0 (no DEBUG delay): ${f(ex('redis-7.0')?.bestMs)} to ${f(ex('redis-7.0')?.worstMs)} ms.
  No variant has a finite worst case without the bound: an adversarial order of messages can
  make the two collide in every round (the cut behaviours); each extra round costs legacy an
  auth_retry_time and NACK a round trip.
- **Random timing** (default delays). Two candidates ask in the same epoch in only
  ${pct(Math.min(...splitRates))}–${pct(Math.max(...splitRates))} of the runs: one replica per shard makes the lowest failed shard's replica
  "best ranked" (it starts at once, §2.3), the others wait by failed-primary rank, and a later
  starter learns the epoch from the earlier request. When two do collide, valkey-legacy usually
  recovers fast anyway: a winner's claim (configEpoch ≥ the loser's election epoch) resets the
  loser's election (§5.1, PRs #1009/#1339) and it restarts at once (retry gap median ${f(lr.retryGapMs.p50)} ms). Only a
  split that nobody wins waits for auth_retry_time. So NACK changes the tail, not the body: mean
  ${f(lr.recoveryMs.mean)} → ${f(nr.recoveryMs.mean)} ms, max ${f(lr.recoveryMs.max)} → ${f(nr.recoveryMs.max)} ms; at node_timeout 15,000 ms, mean
  ${f(l15.recoveryMs.mean)} → ${f(n15.recoveryMs.mean)} ms, max ${f(l15.recoveryMs.max)} → ${f(n15.recoveryMs.max)} ms. Redis 7.0 has neither the reset nor NACK
  (and a 500-999 ms start delay): mean ${f(rr.recoveryMs.mean)} ms, p99 ${f(rr.recoveryMs.p99)} ms (forced: ${f(rf.recoveryMs.mean)} ms).
- **What recovery time is made of.** Failure detection dominates every row: in the random grid
  by its mechanism (a ping older than node_timeout, then failure reports from a majority of
  primaries, §19.2), in the forced grid node_timeout plus up to node_timeout / 2; the same for
  every variant and untouched by NACK. After it comes the start delay (0 for the best-ranked replica,
  \`delay + random % delay + rank terms\` for the others, \`delay = min(node_timeout/30, 500)\`;
  Redis 7.0: 500-999 ms), one round trip for the votes, and per lost election either
  auth_retry_time (legacy, Redis 7.0) or a NACK round trip plus a fresh start delay (NACK).
- fix-4655 and fix-4700 give the same times as nack-4654 here: they change which replies count
  when a voter fails mid-election or refuses for a reason a new epoch cannot fix, and neither
  happens in these fault-free scenarios. Their value is correctness (the model checker's S2/S4/S6
  results), not speed.`;
}


/**
 * The answer to issue 12 item 7 from the random-timing grid (detection by mechanism): per
 * node_timeout at 7 primaries with 3 failed, valkey-legacy beside nack-4654 at the median and in
 * the tail (p99, max), and Redis 7.0 for reference.
 */
export function nackAnswer(random: readonly Cell[]): string {
  const lines = [1000, 3000, 15000].map((nt) => {
    const l = row(random, 7, 3, nt, 'valkey-legacy');
    const n = row(random, 7, 3, nt, 'nack-4654');
    const r = row(random, 7, 3, nt, 'redis-7.0');
    const d = (a: number | null, b: number | null) => (a === null || b === null ? '–' : `${Math.round(a - b).toLocaleString('en-US')} ms`);
    return `| ${nt.toLocaleString('en-US')} | ${pct(l.splitVoteRate)} / ${pct(n.splitVoteRate)} | ${f(l.recoveryMs.p50)} → ${f(n.recoveryMs.p50)} (${d(l.recoveryMs.p50, n.recoveryMs.p50)}) | ${f(l.recoveryMs.p90)} → ${f(n.recoveryMs.p90)} | ${f(l.recoveryMs.p99)} → ${f(n.recoveryMs.p99)} (${d(l.recoveryMs.p99, n.recoveryMs.p99)}) | ${f(l.recoveryMs.max)} → ${f(n.recoveryMs.max)} | ${f(r.recoveryMs.p50)} / ${f(r.recoveryMs.p99)} |`;
  });
  const l3 = row(random, 7, 3, 3000, 'valkey-legacy');
  const n3 = row(random, 7, 3, 3000, 'nack-4654');
  const tail = (l3.recoveryMs.p99 ?? 0) - (n3.recoveryMs.p99 ?? 0);
  const body = (l3.recoveryMs.p50 ?? 0) - (n3.recoveryMs.p50 ?? 0);
  const top = (l3.recoveryMs.max ?? 0) - (n3.recoveryMs.max ?? 0);
  // The headline reads the numbers: a shorter median or p99 by more than 1% / 5% is a general gain.
  const general = body > 0.01 * (l3.recoveryMs.p50 ?? 0) || tail > 0.05 * (l3.recoveryMs.p99 ?? 0);
  const headline = general ? '**Yes**' : top > 0 ? '**Only in the far tail**' : '**No**';
  return `With detection by its mechanism (random-timing grid, 7 primaries, 3 failed; valkey-legacy → nack-4654, ms):

| node_timeout ms | split votes legacy / NACK | median | p90 | p99 | max | Redis 7.0 median / p99 |
|---|---|---|---|---|---|---|
${lines.join('\n')}

${headline}: at node_timeout 3,000 ms NACK takes ${Math.round(body).toLocaleString('en-US')} ms off the median, ${Math.round(tail).toLocaleString('en-US')} ms off the p99 and ${Math.round(top).toLocaleString('en-US')} ms off the maximum. The runs it shortens are the few with a split vote (${pct(l3.splitVoteRate)} here) in which no candidate wins, which legacy and Redis 7.0 resolve only after auth_retry_time (§2.5); failure detection, the same for both variants, comes first in every run.`;
}
