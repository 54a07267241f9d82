import { describe, expect, test } from 'vitest';
import { explore } from '../../../src/explore/explore.ts';
import { createFailoverModel, findPreset, PROPERTY, provideBoth, valkeyFailover } from '../../../models/valkey-failover/index.ts';

const preset = (name: string) => findPreset(name)!;
const status = (result: { properties: readonly { name: string; status: string }[] }, key: keyof typeof PROPERTY) =>
  result.properties.find((p) => p.name === PROPERTY[key])!.status;

describe('valkey-failover model', () => {
  test('the catalog entry builds every preset with the default variant', () => {
    for (const { name } of valkeyFailover.presets) {
      const model = valkeyFailover.create({ preset: name, variants: [] });
      expect(model.initStates()).toHaveLength(1);
      expect(model.bounds).toMatchObject({ preset: name, variants: 'nack-4654' });
    }
  });

  test('unknown presets, unknown variants and invalid combinations are SV403', () => {
    expect(() => valkeyFailover.create({ preset: 'nope', variants: [] })).toThrow(/SV403/);
    expect(() => createFailoverModel(preset('minimal'), { variants: ['nack-9999'] })).toThrow(/SV403/);
    expect(() => createFailoverModel(preset('minimal'), { variants: ['nack-3833', 'nack-4654'] })).toThrow(/SV403/);
    expect(() => createFailoverModel(preset('minimal'), { variants: ['redis-7.0', 'fix-4655'] })).toThrow(/SV403/);
    expect(() => createFailoverModel(preset('minimal'), { variants: ['valkey-legacy', 'fix-4700'] })).toThrow(/SV403/);
  });

  test('§8.1 #4627: nack-3833 fast-fails on a stale NACK, nack-4654 does not', () => {
    const bad = explore(createFailoverModel(preset('stale-nack'), { variants: ['nack-3833'] }));
    expect(status(bad, 'S4')).toBe('violated');
    const trace = bad.properties.find((p) => p.name === PROPERTY.S4)!.trace!;
    expect(trace.steps.at(-1)!.label).toBe('R3 receives AUTH_NACK(epoch 4, REQ_EPOCH_OLD; header epoch 5) from P1');
    const good = explore(createFailoverModel(preset('stale-nack'), { variants: ['nack-4654'] }));
    expect(status(good, 'S4')).toBe('holds');
    expect(status(good, 'W2')).toBe('witnessed');
  });

  test('the compiled tables and xstate.transition() explore the same space', () => {
    const compiled = explore(createFailoverModel(preset('stale-config'), { variants: ['nack-4654'] }));
    const reference = explore(createFailoverModel(preset('stale-config'), { variants: ['nack-4654'], engine: 'xstate' }));
    expect(reference.stats.states).toBe(compiled.stats.states);
    expect(reference.stats.transitions).toBe(compiled.stats.transitions);
  });

  test('a provide()-replaced guard (alreadyVoted: () => false) breaks S3 vote-once', () => {
    const machines = provideBoth({ guards: { alreadyVoted: () => false } });
    const model = createFailoverModel(preset('split-vote'), { variants: ['nack-4654'], machines });
    const result = explore(model, { stopOnViolation: true });
    expect(status(result, 'S3')).toBe('violated');
  });

  test('§7.5 d redis-7.0 never learns the new configEpoch (no UPDATE): no promotion; valkey-legacy promotes', () => {
    expect(status(explore(createFailoverModel(preset('stale-config'), { variants: ['redis-7.0'] })), 'W1')).toBe('not-witnessed');
    expect(status(explore(createFailoverModel(preset('stale-config'), { variants: ['valkey-legacy'] })), 'W1')).toBe('witnessed');
  });

  test('actions read in protocol words (the steps that are enabled: the guards decide)', () => {
    const model = createFailoverModel(preset('stale-nack'), { variants: ['nack-4654'] });
    const [s0] = model.initStates();
    const out: Parameters<typeof model.actions>[1] = [];
    model.actions(s0, out);
    const enabled = out.filter((a) => model.next(s0, a) !== undefined);
    expect(enabled.map((a) => model.formatAction!(a, s0))).toEqual(['R3 starts election for epoch 4 at once']);
  });
});
