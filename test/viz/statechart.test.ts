import { describe, expect, test } from 'vitest';
import { compileMachine, type AnyModel } from '../../src/index.ts';
import { createTwoPhaseCommitModel } from '../../models/two-phase-commit/index.ts';
import { createFailoverModel, PRESETS } from '../../models/valkey-failover/index.ts';
import { buildChart, statePaths, type Chart, type ChartState } from '../../src/viz/chart.ts';
import { machinesOf, pickMachines } from '../../src/viz/machines.ts';
import { statechartToDot } from '../../src/viz/statechartDot.ts';
import { statechartToMermaid } from '../../src/viz/statechartMermaid.ts';
import { dotToSvg } from '../../src/viz/svg.ts';
import { doorMachine, playerMachine } from './fixtures.ts';
import { checkXml } from './xml.ts';

const keys = (state: ChartState): string[] => [state.key, ...state.children.flatMap(keys)];
const failover = createFailoverModel(PRESETS.find((p) => p.name === 'stale-nack')!);
const twoPhase = createTwoPhaseCommitModel({ rms: 2 });
const charts = (model: AnyModel): Chart[] => machinesOf(model).map((m) => buildChart(m.name, m.compiled));

describe('statechart drawings', () => {
  test.each([
    ['two-phase commit (tm, rm)', () => charts(twoPhase)],
    ['the failover node machines', () => charts(failover)],
    ['a machine with parallel regions', () => [buildChart('player', compileMachine(playerMachine))]],
  ])('the SVG of %s is valid SVG that names every state', async (_name, make) => {
    const drawn = make();
    const svg = await dotToSvg(statechartToDot(drawn));
    const { problems, texts, root } = checkXml(svg);
    expect(problems).toEqual([]);
    expect(root).toBe('svg');
    for (const chart of drawn) {
      for (const key of keys(chart.root).slice(1)) expect(texts, `state ${key} of ${chart.name}`).toContain(key);
      expect(texts).toContain(chart.name);
    }
  });

  test('every transition is drawn as EVENT [guard] / actions, timers as "after NAME (ms)"', async () => {
    const tm = charts(twoPhase).find((c) => c.name === 'tm')!;
    const { texts } = checkXml(await dotToSvg(statechartToDot([tm])));
    expect(texts).toContain('PREPARED [lastPrepared] / recordPrepared, sendCommit');
    expect(texts).toContain('after PREPARE_TIMEOUT (1000 ms) / sendAbort');
    expect(texts).toContain('PREPARED / recordPrepared');
  });

  test('compound states are clusters with an initial dot; final states have a double border', () => {
    const dot = statechartToDot(charts(twoPhase));
    expect(dot).toMatch(/^digraph "tm, rm" \{/);
    expect(dot.match(/subgraph cluster_/g)).toHaveLength(2);
    expect(dot.match(/style=filled, fillcolor=black/g)).toHaveLength(2);
    expect(dot.match(/peripheries=2/g)).toHaveLength(4);
  });

  test('parallel regions are dashed clusters in DOT and separated by -- in Mermaid', () => {
    const chart = buildChart('player', compileMachine(playerMachine));
    expect(statechartToDot([chart]).match(/style="rounded,dashed"/g)).toHaveLength(2);
    const mermaid = statechartToMermaid([chart]);
    expect(mermaid).toContain('    state "running" as running {\n      state "sound" as sound {');
    expect(mermaid).toMatch(/\n {6}--\n {6}state "video" as video \{/);
    expect(mermaid).toContain('note right of paused\n          entry / beep\n');
  });

  test('Mermaid is a stateDiagram-v2 with balanced blocks, [*] arrows and every labelled transition', () => {
    const drawn = charts(twoPhase);
    const text = statechartToMermaid(drawn);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines.filter((l) => l.endsWith('{')).length).toBe(lines.filter((l) => l.trim() === '}').length);
    expect(text.match(/\[\*\] --> /g)).toHaveLength(2);
    expect(text.match(/ --> \[\*\]/g)).toHaveLength(4);
    for (const t of drawn.flatMap((c) => c.transitions).filter((t) => t.targets.length > 0)) expect(text).toContain(` : ${t.label.replace(/:/g, '#58;')}\n`);
    expect(text).toContain('note right of collecting\n      PREPARED / recordPrepared\n    end note');
    // States with the same key in two machines get distinct ids.
    expect(text).toContain('state "committed" as m0_tm_committed');
    expect(text).toContain('state "committed" as m1_rm_committed');
  });

  test('a transition from a compound state into its own substate starts at an "any state" marker', () => {
    const candidate = buildChart('node:candidate', machinesOf(failover).find((m) => m.name === 'node:candidate')!.compiled, 'candidate');
    expect(statechartToDot([candidate])).toContain('any state');
    expect(statechartToMermaid([candidate])).toContain('candidate_any --> idle : FORCE_FAILOVER / forceFailover');
  });

  test('--state draws one subtree: outside targets become stubs, ancestors\' events are listed', () => {
    const voter = buildChart('node:voter', machinesOf(failover)[0].compiled, 'voter');
    expect(voter.stateIds).toEqual(['node.voter']);
    expect(voter.inherited.map((t) => t.event)).toContain('LINK_LOSS');
    const dot = statechartToDot([voter]);
    expect(dot).toContain('label="→ candidate"');
    expect(dot).toContain('also handles, from its ancestors: DOWN, MARK_FAIL');
    expect(statechartToMermaid([voter])).toContain('state "→ candidate" as outside_0');
  });

  test('an unknown --state lists the state paths there are', () => {
    expect(() => buildChart('door', compileMachine(doorMachine), 'ajar')).toThrow(/SV401: --state ajar: machine door has no state "ajar"; pass one of: closed, open, locked/);
    expect(statePaths(buildChart('player', compileMachine(playerMachine)).root)).toContain('running.sound.muted');
  });

  test('machines are named by id, and machines sharing an id by id:initial state', () => {
    expect(machinesOf(twoPhase).map((m) => [m.name, m.actors])).toEqual([
      ['tm', ['TM']],
      ['rm', ['RM1', 'RM2']],
    ]);
    expect(machinesOf(failover).map((m) => m.name)).toEqual(['node:voter', 'node:candidate']);
  });

  test('an unknown --machine is an input error listing the machines', () => {
    expect(() => pickMachines(twoPhase, 'two-phase-commit', 'nope')).toThrow(/SV401: --machine nope: model two-phase-commit has no machine "nope"; pass one of: tm \(actors TM\), rm \(actors RM1, RM2\)/);
    expect(pickMachines(twoPhase, 'two-phase-commit', 'rm').map((m) => m.name)).toEqual(['rm']);
  });

  test('the drawings are deterministic', async () => {
    const once = await dotToSvg(statechartToDot(charts(failover)));
    expect(await dotToSvg(statechartToDot(charts(failover)))).toBe(once);
  });
});
