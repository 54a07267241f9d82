import { describe, expect, test } from 'vitest';
import { Random, runTimed } from '../../src/index.ts';
import { pacedTiming, pingSystem, received } from './fixtures.ts';

describe('runTimed (discrete-event simulation of an actor system)', () => {
  test('a link stays FIFO: a later message with a shorter latency waits for the one before it', () => {
    const times: number[] = [];
    const run = runTimed(pingSystem(), pacedTiming({ kind: 'fixed', value: 0 }, [10, 5, 1]), {
      random: new Random(1),
      maxTime: 1000,
      onStep: (step) => {
        if (step.event.type === 'MSG') times.push(step.now);
        return false;
      },
    });
    expect(received(run.state)).toEqual([0, 1, 2]);
    // Sent at 1, 2, 3 ms with latencies 10, 5, 1: all delivered at 11 ms, in order.
    expect(times).toEqual([11, 11, 11]);
    expect(run.end).toBe('quiet');
  });

  test('events fire at their due times and runs end when nothing is left to happen', () => {
    const run = runTimed(pingSystem(), pacedTiming({ kind: 'fixed', value: 4 }), { random: new Random(1), maxTime: 1000 });
    expect(run.now).toBe(7); // GO at 1, 2, 3; deliveries at 5, 6, 7
    expect(run.steps).toBe(6);
  });

  test('the same seed gives the same run; the time limit ends a run early', () => {
    const latency = { kind: 'uniform', lo: 1, hi: 50 } as const;
    const a = runTimed(pingSystem(5), pacedTiming(latency), { random: new Random(7), maxTime: 1000 });
    const b = runTimed(pingSystem(5), pacedTiming(latency), { random: new Random(7), maxTime: 1000 });
    expect(b.now).toBe(a.now);
    const cut = runTimed(pingSystem(5), pacedTiming(latency), { random: new Random(7), maxTime: 3 });
    expect(cut.end).toBe('max-time');
    expect(cut.now).toBeLessThanOrEqual(3);
  });

  test('onStep can end the run', () => {
    const run = runTimed(pingSystem(), pacedTiming({ kind: 'fixed', value: 1 }), { random: new Random(1), maxTime: 1000, onStep: (_s, state) => received(state).length === 1 });
    expect(run.end).toBe('stopped');
    expect(received(run.state)).toEqual([0]);
  });
});
