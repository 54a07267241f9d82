import { and, assign, emit, not, or, setup, type AnyStateMachine, type EventObject } from 'xstate';
import fc from 'fast-check';

/** Tiny machines that exercise one statechart feature each; the log records action order. */
export interface Fixture {
  readonly name: string;
  readonly machine: AnyStateMachine;
  readonly input?: unknown;
  /** Events to try in every reachable snapshot. */
  readonly events: readonly EventObject[];
  /** Random contexts for the fast-check part of the differential test. */
  readonly context: fc.Arbitrary<Record<string, unknown>>;
  /** BFS depth bound when the context can grow without bound. */
  readonly depth: number;
}

type Ev = { type: string; by?: number; from?: string; to?: string };
type Out = { type: string; to: string; [key: string]: unknown };
type LogContext = { log: readonly string[] };

// Keeps the last 8 entries: enough to see one step's order, and the context space stays finite.
// Typed loosely (`never`) so one implementation serves machines with different event types.
const noteImpl = assign(({ context }: { context: LogContext }, params: { label: string }) => ({ log: [...context.log, params.label].slice(-8) })) as never;
const note = (label: string) => ({ type: 'note' as const, params: { label } });
const logArb = fc.record({ log: fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 }) });

/** Nested compound states: innermost first, guard fall-through to the parent, exit/entry order, root reenter. */
export const compoundMachine = setup({
  types: {} as { context: LogContext; events: Ev },
  guards: { never: () => false },
  actions: { note: noteImpl },
}).createMachine({
  id: 'compound',
  context: { log: [] },
  initial: 'a',
  entry: note('enter root'),
  exit: note('exit root'),
  on: {
    RESET: { target: '.a', actions: note('reset') },
    RESTART: { target: '.b', reenter: true, actions: note('restart') },
  },
  states: {
    a: {
      initial: 'a1',
      entry: note('enter a'),
      exit: note('exit a'),
      on: { GO: { target: 'b', actions: note('a GO') }, PING: { actions: note('a PING') } },
      states: {
        a1: { entry: note('enter a1'), exit: note('exit a1'), on: { NEXT: 'a2', PING: { guard: 'never', actions: note('a1 PING') } } },
        a2: { entry: note('enter a2'), exit: note('exit a2'), on: { NEXT: 'a1', GO: { target: '#compound.b.b2', actions: note('a2 GO') } } },
      },
    },
    b: {
      initial: 'b1',
      entry: note('enter b'),
      exit: note('exit b'),
      states: {
        b1: { entry: note('enter b1'), exit: note('exit b1'), on: { NEXT: 'b2' } },
        b2: { entry: note('enter b2'), exit: note('exit b2'), on: { BACK: '#compound.a' } },
      },
    },
  },
});

/** Parallel regions: every region takes its transition; a cross-region transition preempts a later one. */
export const parallelMachine = setup({
  types: {} as { context: LogContext; events: Ev },
  actions: { note: noteImpl },
}).createMachine({
  id: 'par',
  context: { log: [] },
  initial: 'idle',
  states: {
    idle: { on: { START: 'running' } },
    running: {
      type: 'parallel',
      entry: note('enter running'),
      exit: note('exit running'),
      on: { STOP: { target: 'idle', actions: note('stop') }, TICK: { actions: note('running TICK') } },
      states: {
        left: {
          initial: 'l1',
          exit: note('exit left'),
          states: {
            l1: { exit: note('exit l1'), on: { TICK: { target: 'l2', actions: note('left TICK') }, BOTH: { target: 'l2', actions: note('left BOTH') } } },
            l2: { entry: note('enter l2'), on: { TICK: 'l1', ESCAPE: { target: '#par.running.right.r2', actions: note('left ESCAPE') }, DONE: 'lf' } },
            lf: { type: 'final' },
          },
        },
        right: {
          initial: 'r1',
          states: {
            r1: { on: { BOTH: { target: 'r2', actions: note('right BOTH') }, ESCAPE: { target: 'r2', actions: note('right ESCAPE') } } },
            r2: { entry: note('enter r2'), on: { TOCK: 'r1', DONE: 'rf' }, after: { 50: { target: 'r1', actions: note('r2 timeout') } } },
            rf: { type: 'final' },
          },
        },
        flag: { on: { BOTH: { actions: note('flag BOTH') } } },
      },
    },
  },
});

type Counter = { n: number; flag: boolean };
const counterArb = fc.record({ n: fc.integer({ min: -2, max: 4 }), flag: fc.boolean() });

/** Named guards with params (constant and computed), and/or/not, first enabled candidate wins. */
export const guardMachine = setup({
  types: {} as { context: Counter; events: Ev },
  guards: {
    positive: ({ context }) => context.n > 0,
    flagged: ({ context }) => context.flag,
    atLeast: ({ context }, params: { min: number }) => context.n >= params.min,
    eventBig: ({ event }) => (event.by ?? 0) > 1,
  },
  actions: {
    inc: assign({ n: ({ context, event }) => Math.min(4, context.n + ((event as Ev).by ?? 1)) }),
    toggle: assign({ flag: ({ context }) => !context.flag }),
  },
}).createMachine({
  id: 'guards',
  context: { n: 0, flag: false },
  initial: 'low',
  on: { INC: { actions: 'inc' }, TOGGLE: { actions: 'toggle' }, DEC: { guard: not('positive'), actions: assign({ n: ({ context }) => Math.max(-2, context.n - 1) }) } },
  states: {
    low: {
      on: {
        CHECK: [
          { guard: and(['positive', not('flagged')]), target: 'mid' },
          { guard: or([{ type: 'atLeast', params: { min: 3 } }, 'eventBig']), target: 'high' },
          { guard: ({ context }) => context.n < 0, target: 'neg' },
        ],
      },
    },
    mid: { on: { CHECK: { guard: { type: 'atLeast', params: ({ context }: { context: Counter }) => ({ min: context.flag ? 1 : 4 }) }, target: 'high' }, BACK: 'low' } },
    high: { on: { BACK: 'low' } },
    neg: { on: { BACK: 'low' } },
  },
});

/** Assign runs sequentially: each action sees the context the previous one produced. */
export const assignMachine = setup({
  types: {} as { context: { a: number; b: number }; events: Ev; emitted: Out },
  actions: {
    add: assign({ a: ({ context }, params: { by: number }) => (context.a + params.by) % 7 }),
    report: emit(({ context }) => ({ type: 'REPORT', to: 'peer', a: context.a, b: context.b })),
  },
}).createMachine({
  id: 'assign',
  context: { a: 1, b: 2 },
  initial: 'on',
  states: {
    on: {
      entry: 'report',
      on: {
        STEP: {
          actions: [
            assign({ a: ({ context }) => (context.a + 1) % 7 }),
            assign(({ context }) => ({ b: (context.a * 2) % 7 })),
            'report',
            { type: 'add', params: { by: 3 } },
            { type: 'add', params: ({ context }) => ({ by: context.b }) },
            'report',
          ],
        },
        // Both property assigners see the context before this assign: a swap.
        SWAP: { actions: [assign({ a: ({ context }) => context.b, b: ({ context }) => context.a }), emit({ type: 'SWAPPED', to: '*' })] },
        OFF: 'off',
      },
    },
    off: { on: { ON: 'on' } },
  },
});

/** Targetless transitions, self transitions with and without `reenter`, reentering a parent. */
export const reenterMachine = setup({
  types: {} as { context: LogContext; events: Ev },
  actions: { note: noteImpl },
}).createMachine({
  id: 'reenter',
  context: { log: [] },
  initial: 'p',
  states: {
    p: {
      initial: 'c1',
      entry: note('enter p'),
      exit: note('exit p'),
      on: { P_REENTER: { target: 'p', reenter: true, actions: note('p reenter') }, TO_C2: { target: '.c2', actions: note('to c2') } },
      states: {
        c1: {
          entry: note('enter c1'),
          exit: note('exit c1'),
          on: { SELF: { target: 'c1', reenter: true, actions: note('self reenter') }, SELF_INTERNAL: { target: 'c1', actions: note('self internal') }, STAY: { actions: note('stay') } },
        },
        c2: { entry: note('enter c2'), exit: note('exit c2'), on: { SELF: 'c2' } },
      },
    },
  },
});

/** Final states: a nested final (no onDone) and a top-level final that runs every exit action. */
export const finalMachine = setup({
  types: {} as { context: LogContext; events: Ev; emitted: Out },
  actions: { note: noteImpl, bye: emit({ type: 'BYE', to: '*' }) },
}).createMachine({
  id: 'final',
  context: { log: [] },
  initial: 'job',
  exit: note('exit root'),
  states: {
    job: {
      initial: 'run',
      exit: note('exit job'),
      on: { QUIT: { target: 'over', actions: note('quit') } },
      states: { run: { on: { END: 'fin' } }, fin: { type: 'final', entry: note('enter fin') } },
    },
    over: { type: 'final', entry: note('enter over'), exit: ['bye', note('exit over')] },
  },
});

/** `after` delays (numeric and named) become events `xstate.after.<delay>.<state id>`. */
export const afterMachine = setup({
  types: {} as { context: Counter; events: Ev },
  guards: { flagged: ({ context }) => context.flag },
  delays: { SLOW: 500, COMPUTED: ({ context }: { context: Counter }) => context.n * 10 },
}).createMachine({
  id: 'after',
  context: { n: 0, flag: false },
  initial: 'a',
  states: {
    a: { after: { 100: 'b', SLOW: [{ guard: 'flagged', target: 'c' }, { target: 'b', actions: assign({ n: ({ context }) => (context.n + 1) % 3 }) }] }, on: { FLAG: { actions: assign({ flag: ({ context }) => !context.flag }) } } },
    b: { after: { COMPUTED: 'a' } },
    c: { on: { BACK: 'a' } },
  },
});

const ev = (...types: string[]): EventObject[] => types.map((type) => ({ type }));

export const FIXTURES: readonly Fixture[] = [
  { name: 'compound', machine: compoundMachine, events: ev('GO', 'PING', 'NEXT', 'BACK', 'RESET', 'RESTART', 'NOPE'), context: logArb, depth: 5 },
  { name: 'parallel', machine: parallelMachine, events: ev('START', 'STOP', 'TICK', 'BOTH', 'ESCAPE', 'TOCK', 'DONE', 'xstate.after.50.par.running.right.r2'), context: logArb, depth: 5 },
  { name: 'guards', machine: guardMachine, events: [...ev('CHECK', 'BACK', 'TOGGLE', 'DEC', 'INC'), { type: 'INC', by: 2 } as EventObject, { type: 'CHECK', by: 2 } as EventObject], context: counterArb, depth: 100 },
  { name: 'assign', machine: assignMachine, events: ev('STEP', 'SWAP', 'OFF', 'ON'), context: fc.record({ a: fc.integer({ min: 0, max: 6 }), b: fc.integer({ min: 0, max: 6 }) }), depth: 100 },
  { name: 'reenter', machine: reenterMachine, events: ev('P_REENTER', 'TO_C2', 'SELF', 'SELF_INTERNAL', 'STAY'), context: logArb, depth: 5 },
  { name: 'final', machine: finalMachine, events: ev('QUIT', 'END'), context: logArb, depth: 100 },
  { name: 'after', machine: afterMachine, events: ev('FLAG', 'BACK', 'xstate.after.100.after.a', 'xstate.after.SLOW.after.a', 'xstate.after.COMPUTED.after.b'), context: counterArb, depth: 100 },
];
