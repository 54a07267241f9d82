import { describe, expect, test } from 'vitest';
import { createActorSystemModel, explore, replay, type SystemAction, type SystemState } from '../../src/index.ts';
import { createTwoPhaseCommitModel, resourceManagerMachine, transactionManagerMachine } from '../../models/two-phase-commit/index.ts';
import { createFailoverModel, PRESETS } from '../../models/valkey-failover/index.ts';
import { messageText, traceToSequence } from '../../src/viz/sequence.ts';
import { sequenceToMermaid } from '../../src/viz/sequenceMermaid.ts';
import { sequenceToSvg, wrap } from '../../src/viz/sequenceSvg.ts';
import { catalog } from '../fixtures/catalog.ts';
import { checkXml } from './xml.ts';

const twoPhase = createTwoPhaseCommitModel({ rms: 2 });
const commit = explore(twoPhase).properties.find((p) => p.name === 'a transaction commits')!.trace!;

describe('counterexamples as sequence diagrams', () => {
  test('one lifeline per actor, one arrow per delivered message, notes for local steps and state changes', () => {
    const diagram = traceToSequence(twoPhase, commit, { title: 'commit', verdict: 'witnessed' });
    expect(diagram.participants).toEqual(['TM', 'RM1', 'RM2']);
    const deliveries = commit.steps.filter((s) => (s.action as { kind?: string } | undefined)?.kind === 'deliver').length;
    const arrows = diagram.events.filter((e) => e.kind === 'message');
    expect(arrows).toHaveLength(deliveries);
    expect(arrows[0]).toMatchObject({ from: 'RM1', to: 'TM', text: '2. PREPARED', dropped: false });
    expect(diagram.events[0]).toEqual({ kind: 'note', step: 1, over: ['RM1'], lines: ['1. RM1: PREPARE', 'working → prepared'], tone: 'step' });
    expect(diagram.events.at(-1)).toEqual({ kind: 'note', step: undefined, over: ['TM', 'RM2'], lines: ['witnessed'], tone: 'verdict' });
    expect(diagram.events.filter((e) => e.kind === 'note' && e.tone === 'state').map((e) => e.kind === 'note' && e.lines[0])).toContain('collecting → committed');
  });

  test('Mermaid text is a sequenceDiagram with participants, arrows and notes', () => {
    const text = sequenceToMermaid(traceToSequence(twoPhase, commit, { title: 'two-phase commit: a transaction commits', verdict: 'a transaction commits: witnessed' }));
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual(['sequenceDiagram', '  title two-phase commit: a transaction commits', '  participant TM', '  participant RM1', '  participant RM2']);
    expect(lines).toContain('  RM1->>TM: 2. PREPARED');
    expect(lines).toContain('  Note over RM1: 1. RM1#58; PREPARE<br/>working → prepared');
    expect(lines.at(-1)).toBe('  Note over TM,RM2: a transaction commits#58; witnessed');
    expect(lines.slice(5).every((l) => /^ {2}(\w+->>\w+|\w+-x\w+|Note over [\w,]+): /.test(l))).toBe(true);
  });

  test('the failover counterexample shows the NACK with its epoch and reason, and timers as notes', () => {
    const model = createFailoverModel(PRESETS.find((p) => p.name === 'stale-nack')!, { variants: ['nack-3833'] });
    const s4 = explore(model).properties.find((p) => p.status === 'violated')!;
    const diagram = traceToSequence(model, s4.trace!, { title: 'S4' });
    const texts = diagram.events.map((e) => (e.kind === 'message' ? e.text : e.lines.join(' | ')));
    expect(texts.some((t) => /AUTH_NACK\(epoch \d+, REQ_EPOCH_OLD/.test(t))).toBe(true);
    expect(diagram.events.some((e) => e.kind === 'note' && e.tone === 'timer')).toBe(true);
  });

  test('a dropped message is a crossed arrow in Mermaid and in SVG', () => {
    const lossy = createActorSystemModel({
      name: 'lossy 2PC',
      actors: [
        { id: 'TM', machine: transactionManagerMachine, input: { rms: ['RM1'] } },
        { id: 'RM1', machine: resourceManagerMachine, input: { tm: 'TM' }, environment: (s) => (s.value === 'working' ? [{ type: 'PREPARE' }] : []) },
      ],
      network: { maxDrops: 1 },
    });
    const actionsOf = (state: SystemState<undefined>): SystemAction[] => {
      const out: SystemAction[] = [];
      lossy.actions(state, out);
      return out;
    };
    const init = lossy.initStates()[0];
    const prepare = actionsOf(init).findIndex((a) => a.kind === 'event' && a.event.type === 'PREPARE');
    const drop = actionsOf(lossy.next(init, actionsOf(init)[prepare])!).findIndex((a) => a.kind === 'drop');
    const diagram = traceToSequence(lossy, replay(lossy, 0, [prepare, drop]), { title: 'lossy' });
    expect(diagram.events.at(-1)).toEqual({ kind: 'message', step: 2, from: 'RM1', to: 'TM', text: '2. PREPARED', dropped: true });
    expect(sequenceToMermaid(diagram)).toContain('  RM1-xTM: 2. PREPARED (dropped)\n');
    expect(checkXml(sequenceToSvg(diagram)).texts).toContain('2. PREPARED (dropped)');
  });

  test('the SVG is valid SVG with every lifeline, message and note', () => {
    const diagram = traceToSequence(twoPhase, commit, { title: 'a <commit> & more', verdict: 'witnessed' });
    const { problems, texts, root } = checkXml(sequenceToSvg(diagram));
    expect(problems).toEqual([]);
    expect(root).toBe('svg');
    for (const p of diagram.participants) expect(texts).toContain(p);
    for (const e of diagram.events) {
      if (e.kind === 'message') expect(texts).toContain(e.text);
      else for (const line of e.lines) expect(texts.join(' ')).toContain(line);
    }
    expect(texts).toContain('a <commit> & more');
  });

  test('a model that is not an actor system gets one note per step over its actor', () => {
    const jugs = catalog.find((e) => e.name === 'jugs')!.create({ preset: 'die-hard', variants: [] });
    const trace = explore(jugs).properties.find((p) => p.status === 'violated')!.trace!;
    const diagram = traceToSequence(jugs, trace, { title: 'jugs' });
    expect(diagram.participants).toEqual(['system']);
    expect(diagram.events).toHaveLength(trace.steps.length - 1);
    expect(diagram.events[0]).toMatchObject({ kind: 'note', lines: ['1. fill big'] });
  });

  test('a message without a protocol label shows its type and scalar fields, epoch and reason first', () => {
    const message = { type: 'VOTE', from: 'A', to: 'B', term: 'x', reason: 'LATE', epoch: 3, header: { cur: 1 } };
    expect(messageText(message, 'A sends something')).toBe('VOTE(epoch 3, reason LATE, term x)');
    expect(messageText(message, 'B receives VOTE(epoch 3) from A')).toBe('VOTE(epoch 3)');
  });

  test('long note lines wrap at spaces', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
