/**
 * Maintenance script, not a check: re-pins the valkey-failover checks from real runs.
 * `npx tsx checks/pin-valkey.ts [file-filter]` explores every check below and rewrites
 * checks/valkey-*.check.ts with the observed statuses, counts and traces. A drift means the
 * model changed: review the diff before committing; never edit the model to match a pin.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { explore } from '../src/index.ts';
import { createFailoverModel, PRESETS, PROPERTY } from '../models/valkey-failover/index.ts';
type Spec = { name: string; description: string; preset: string; variants: string[]; expect: string[]; traces?: string[]; maxStates?: number };
type File = { file: string; doc: string; checks: Spec[] };
const P = PROPERTY as Record<string, string>;
const S14 = ['S1', 'S2', 'S3', 'S4'];
const files: File[] = [
  { file: 'valkey-carry-over', doc: 'nack-4654: the ACK carry-over hole (reference §8.3) breaks S2; two promotions in one epoch (S1) follow on the siblings preset.', checks: [
    { name: 'valkey-carry-over-nack-4654', description: 'minimal, nack-4654: a win backed by ACKs from an abandoned epoch (S2)', preset: 'minimal', variants: ['nack-4654'], expect: ['S1', 'S2', 'S3', 'W1', 'W2'], traces: ['S2'] },
    { name: 'valkey-carry-over-nack-4654-bounded-delay', description: 'minimal, nack-4654, bounded-delay: the same hole through a NACK fast-fail, with no message outliving auth_retry_time', preset: 'minimal', variants: ['nack-4654', 'bounded-delay'], expect: ['S1', 'S2', 'S3', 'W1', 'W2'], traces: ['S2'] },
    { name: 'valkey-carry-over-legacy-bounded-delay', description: 'minimal, valkey-legacy, bounded-delay: without NACK resets the hole needs a late ACK; S2 holds', preset: 'minimal', variants: ['valkey-legacy', 'bounded-delay'], expect: ['S1', 'S2', 'S3', 'W1'] },
    { name: 'valkey-two-winners-nack-4654-bounded-delay', description: 'siblings, nack-4654, bounded-delay: a same-epoch split vote, both fast-fail, both carry an ACK over, both win epoch 5 (S1)', preset: 'siblings', variants: ['nack-4654', 'bounded-delay'], expect: ['S1', 'S2', 'S3', 'W1', 'W2'], traces: ['S1'] },
  ] },
  { file: 'valkey-fix-4655', doc: 'fix-4655: S1-S4 hold exhaustively on the presets within their bounds (siblings only with bounded-delay: untimed it is too large to exhaust).', checks: [
    ...['minimal', 'split-vote', 'stale-nack', 'nack-then-fail', 'stale-config'].map((preset) => ({
      name: `valkey-fix-4655-${preset}`, description: `${preset}, nack-4654 + fix-4655: S1-S4 hold`, preset, variants: ['nack-4654', 'fix-4655'], expect: [...S14, 'W1'] })),
    { name: 'valkey-fix-4655-siblings-bounded-delay', description: 'siblings, nack-4654 + fix-4655, bounded-delay: S1-S4 hold', preset: 'siblings', variants: ['nack-4654', 'fix-4655', 'bounded-delay'], expect: [...S14, 'W1', 'W2'] },
  ] },
  { file: 'valkey-stale-nack', doc: 'The stale NACK (#4627): nack-3833 breaks S4, nack-4654 does not.', checks: [
    { name: 'valkey-stale-nack-3833', description: 'stale-nack, nack-3833: a REQ_EPOCH_OLD NACK from the previous election resets a winnable one', preset: 'stale-nack', variants: ['nack-3833'], expect: ['S4', 'W1', 'W2'], traces: ['S4'] },
    { name: 'valkey-stale-nack-4654', description: 'stale-nack, nack-4654: the echoed epoch keeps the stale NACK out', preset: 'stale-nack', variants: ['nack-4654'], expect: ['S4', 'W1', 'W2'] },
  ] },
  { file: 'valkey-double-subtraction', doc: 'The double subtraction (#4626): nack-4654 breaks S4, fix-4655 does not.', checks: [
    { name: 'valkey-double-subtraction-4654', description: 'nack-then-fail, nack-4654: a voter that NACKed and is then FAIL is subtracted twice', preset: 'nack-then-fail', variants: ['nack-4654'], expect: ['S4', 'W1', 'W2'], traces: ['S4'] },
    { name: 'valkey-double-subtraction-4655', description: 'nack-then-fail, fix-4655: responders are left out of size_fail', preset: 'nack-then-fail', variants: ['nack-4654', 'fix-4655'], expect: ['S4', 'W1', 'W2'] },
  ] },
  { file: 'valkey-reset-storm', doc: 'The reset storm (#4700): nack-4654 breaks S6, fix-4700 does not.', checks: [
    { name: 'valkey-reset-storm-4654', description: 'storm, nack-4654: NO_PRIMARY NACKs reset every election, one new epoch per delay', preset: 'storm', variants: ['nack-4654'], expect: ['S6', 'W2'], traces: ['S6'] },
    { name: 'valkey-reset-storm-4700', description: 'storm, fix-4700: persistent reasons are ignored; one election per retry window', preset: 'storm', variants: ['nack-4654', 'fix-4700'], expect: ['S6', 'W2'] },
  ] },
  { file: 'valkey-legacy', doc: 'redis-7.0 and valkey-legacy: S1 and S3 hold on the single-candidate presets; on siblings the untimed model finds S1 broken (see the docs).', checks: [
    ...['minimal', 'stale-nack', 'stale-config'].flatMap((preset) => ['redis-7.0', 'valkey-legacy'].map((v) => ({
      name: `valkey-${v === 'redis-7.0' ? 'redis7' : 'legacy'}-${preset}`, description: `${preset}, ${v}: S1 and S3 hold`, preset, variants: [v], expect: ['S1', 'S3', 'S2', 'W1'] }))),
    { name: 'valkey-legacy-siblings', description: 'siblings, valkey-legacy, untimed: an ACK delayed past auth_retry_time carries over: two winners in one epoch (bounded BFS)', preset: 'siblings', variants: ['valkey-legacy'], expect: ['S1'], traces: ['S1'], maxStates: 200000 },
    { name: 'valkey-legacy-siblings-bounded-delay', description: 'siblings, valkey-legacy, bounded-delay: S1 and S3 hold', preset: 'siblings', variants: ['valkey-legacy', 'bounded-delay'], expect: ['S1', 'S2', 'S3', 'W1'] },
    { name: 'valkey-redis7-siblings-bounded-delay', description: 'siblings, redis-7.0, bounded-delay: S1 and S3 hold', preset: 'siblings', variants: ['redis-7.0', 'bounded-delay'], expect: ['S1', 'S2', 'S3', 'W1'] },
  ] },
  { file: 'valkey-mixed', doc: 'A mixed-version cluster (mixed): S5 and S1 hold.', checks: ['minimal', 'split-vote', 'stale-nack', 'nack-then-fail'].map((preset) => ({
    name: `valkey-mixed-${preset}`, description: `${preset}, nack-4654 + mixed: no NACK reaches an old node, one promotion per epoch`, preset, variants: ['nack-4654', 'mixed'], expect: ['S5', 'S1', 'W1'] })) },
  { file: 'valkey-judges', doc: 'The judges of issue 8 on the presets that exercise them: S7 (a fast-fail when refusals put quorum out of reach), S8 (no takeover of a primary that is up), L2 (someone can win), L3 (slot claims converge), and the slack and two-epochs-ahead presets.', checks: [
    { name: 'valkey-judges-slack-4654', description: 'slack, nack-4654: the election survives a REQ_EPOCH_OLD NACK, fast-fails on NOT_SAFE, retries and wins', preset: 'slack', variants: ['nack-4654'], expect: ['S2', 'S4', 'S7', 'S8', 'L1', 'L2', 'L3', 'W1', 'W2', 'W3'] },
    { name: 'valkey-judges-slack-3833', description: 'slack, nack-3833: the late REQ_EPOCH_OLD NACK of the first election fast-fails the retry (#4627 with slack)', preset: 'slack', variants: ['nack-3833'], expect: ['S4', 'S7', 'W1', 'W2'], traces: ['S4'] },
    { name: 'valkey-judges-slack-4700', description: 'slack, fix-4700: NOT_SAFE is not counted, so no fast-fail; elections end by auth_timeout', preset: 'slack', variants: ['nack-4654', 'fix-4700'], expect: ['S4', 'S7', 'W1', 'W2'] },
    { name: 'valkey-judges-minimal-3833', description: 'minimal, nack-3833: P2 two epochs ahead sends a REQ_EPOCH_OLD NACK that can arrive in the next election', preset: 'minimal', variants: ['nack-3833'], expect: ['S4', 'S7', 'W1', 'W2'], traces: ['S4'] },
    { name: 'valkey-judges-minimal-4654', description: 'minimal, nack-4654: the echoed epoch keeps that NACK out (a different state count from nack-3833)', preset: 'minimal', variants: ['nack-4654'], expect: ['S4', 'S7', 'W1', 'W2'] },
    { name: 'valkey-judges-stale-nack-4654', description: 'stale-nack, nack-4654: a fast-fail on a REQ_EPOCH_OLD NACK with P0 FAIL: S7 exercised (W4) and holds', preset: 'stale-nack', variants: ['nack-4654'], expect: ['S7', 'W4'] },
    { name: 'valkey-judges-force-takeover', description: 'nack-then-fail, nack-4654: CLUSTER FAILOVER FORCE takes over P0, which is up (W5); S8 holds', preset: 'nack-then-fail', variants: ['nack-4654'], expect: ['S8', 'W5', 'L3', 'W3'] },
    { name: 'valkey-judges-storm-nobody-wins', description: 'storm, nack-4654: every voter forgot P0, nobody can win: L1 holds by its bound excuse, L2 is never witnessed', preset: 'storm', variants: ['nack-4654'], expect: ['L1', 'L2', 'W1'] },
  ] },
  { file: 'valkey-faults', doc: 'Faults (one dropped message, one lost link): the safety properties hold.', checks: ['nack-4654', 'valkey-legacy'].map((v) => ({
    name: `valkey-faults-${v}`, description: `lossy, ${v}: S1-S5 hold with a drop and a link loss`, preset: 'lossy', variants: [v], expect: [...S14, 'S5', 'W1'] })) },
  { file: 'valkey-behaviours', doc: 'Pause and resume, FAIL from failure reports, FAIL cleared, restart from nodes.conf (reference §15): the safety properties hold where upstream is safe; a restart that loses an unsaved vote (restart-loses-vote, a deliberate bug) breaks S1, and S3 (judged from the grants sent, not from the forgotten lastVoteEpoch) sees the second grant.', checks: [
    { name: 'valkey-pause-resume-4654', description: 'pause-resume, nack-4654: a resumed primary answers the requests queued while it was stopped (old epochs); S1-S4 hold', preset: 'pause-resume', variants: ['nack-4654'], expect: [...S14, 'W1'] },
    { name: 'valkey-pause-resume-legacy', description: 'pause-resume, valkey-legacy: S1-S4 hold', preset: 'pause-resume', variants: ['valkey-legacy'], expect: ['S1', 'S2', 'S3', 'W1'] },
    { name: 'valkey-fail-report-4654', description: 'fail-report, nack-4654: FAIL from a reporter in any order against the NACKs; the double subtraction (#4626) is still found', preset: 'fail-report', variants: ['nack-4654'], expect: ['S1', 'S2', 'S3', 'S4', 'W1', 'W2'], traces: ['S4'] },
    { name: 'valkey-fail-report-4655', description: 'fail-report, nack-4654 + fix-4655: a NACK after FAIL is not counted, a NACK before FAIL is left out of size_fail; S1-S4 hold', preset: 'fail-report', variants: ['nack-4654', 'fix-4655'], expect: [...S14, 'W1', 'W2'] },
    { name: 'valkey-restart-4654', description: 'restart, nack-4654: a restart keeps lastVoteEpoch (saved before the ACK leaves); S1-S4 hold', preset: 'restart', variants: ['nack-4654'], expect: [...S14, 'W1'] },
    { name: 'valkey-restart-redis7', description: 'restart, redis-7.0: S1-S3 hold', preset: 'restart', variants: ['redis-7.0'], expect: ['S1', 'S2', 'S3', 'W1'] },
    { name: 'valkey-restart-loses-vote', description: 'restart, nack-4654 + restart-loses-vote (deliberate bug): two voters forget their votes, two winners in epoch 4', preset: 'restart', variants: ['nack-4654', 'restart-loses-vote'], expect: ['S1', 'S3', 'W1'], traces: ['S1', 'S3'] },
  ] },
  { file: 'valkey-lead-b', doc: 'Lead (b) of issue 8 (docs/models/valkey-failover.md): on fix-4655 a voter that granted and is FAIL in the candidate\'s view stays in size_fail until its ACK is counted and the state recomputed; a NACK in that window fast-fails a winnable election (S4).', checks: [
    { name: 'valkey-lead-b-4654', description: 'fail-after-ack, nack-4654: S4 broken (a granted voter counted dead)', preset: 'fail-after-ack', variants: ['nack-4654'], expect: ['S1', 'S2', 'S3', 'S4', 'W1', 'W2'], traces: ['S4'] },
    { name: 'valkey-lead-b-4655', description: 'fail-after-ack, nack-4654 + fix-4655: FAIL learned from P4 before P1\'s ACK is counted; the NACK of P3 fast-fails with P1\'s vote on its way (S4)', preset: 'fail-after-ack', variants: ['nack-4654', 'fix-4655'], expect: ['S1', 'S2', 'S3', 'S4', 'W1', 'W2'], traces: ['S4'] },
  ] },
];
const only = process.argv[2];
// Generated files import defineCheck from the public API.
for (const f of files) {
  if (only && !f.file.includes(only)) continue;
  const out: string[] = [];
  for (const c of f.checks) {
    const t0 = Date.now();
    const model = createFailoverModel(PRESETS.find((p) => p.name === c.preset)!, { variants: c.variants });
    const r = explore(model, { strategy: 'bfs', ...(c.maxStates ? { maxStates: c.maxStates } : {}) });
    const by = new Map(r.properties.map((v) => [v.name, v]));
    const expect = Object.fromEntries(c.expect.map((k) => [P[k], by.get(P[k])!.status]));
    const traces = Object.fromEntries((c.traces ?? []).map((k) => [P[k], by.get(P[k])!.trace?.steps.slice(1).map((s) => s.label) ?? []]));
    console.error(c.name, r.stats.states, r.stats.transitions, r.complete, ((Date.now() - t0) / 1000).toFixed(1) + 's', JSON.stringify(expect));
    out.push(`  defineCheck(${JSON.stringify({ name: c.name, description: c.description, model: 'valkey-failover', preset: c.preset, variants: c.variants, ...(c.maxStates ? { options: { maxStates: c.maxStates } } : {}), expect, states: r.stats.states, transitions: r.stats.transitions, ...(c.traces ? { traces } : {}) }, null, 2).replace(/\n/g, '\n  ')}),`);
  }
  const text = `import { defineCheck } from '../src/index.ts';\n\n/**\n * ${f.doc}\n * Counts and traces are pinned from real runs (generated, then reviewed); a drift means the model changed.\n */\nexport const checks = [\n${out.join('\n')}\n];\n`;
  writeFileSync(fileURLToPath(new URL(`./${f.file}.check.ts`, import.meta.url)), text);
}
