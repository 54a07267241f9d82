import { splitvoteError } from '../core/errors.ts';
import type { Distribution } from './distribution.ts';
import type { Draw } from './draw.ts';

/**
 * The latency of one message on a TCP link (a cluster-bus connection): a base latency drawn
 * per message, now and then a spike added on top, and a fixed one-way delay (the harness's
 * bus-delay proxy, which holds every cluster-bus packet for the same time). The runner keeps
 * each directed link FIFO (a message never overtakes the one sent before it on that link), as
 * TCP does.
 */
export interface LinkLatency {
  /** Per message: the latency without spikes or proxy. */
  readonly base: Distribution;
  /** Probability (0..1) that a message gets a spike; 0 turns spikes off. */
  readonly spikeProbability: number;
  /** The extra latency of a spike. */
  readonly spike: Distribution;
  /** Fixed one-way delay added to every message (ms, >= 0): `--bus-delay`. */
  readonly busDelay: number;
}

/** A link latency without spikes or proxy: every message draws `base`. */
export function plainLatency(base: Distribution): LinkLatency {
  return { base, spikeProbability: 0, spike: { kind: 'fixed', value: 0 }, busDelay: 0 };
}

const UNIT: Distribution = { kind: 'uniform', lo: 0, hi: 1 };

/**
 * One message's latency. Spikes need a sampling draw (an exhaustive analysis cannot enumerate
 * a probability): with spikes on, the draw's unit value decides, so callers of the exhaustive
 * model must keep `spikeProbability` at 0 ({@link assertEnumerable}).
 */
export function drawLatency(latency: LinkLatency, draw: Draw): number {
  let value = draw.value(latency.base) + latency.busDelay;
  if (latency.spikeProbability > 0 && draw.value(UNIT) < latency.spikeProbability) value += draw.value(latency.spike);
  return value;
}

/** Throws SV401 naming `flag` when the latency has random spikes (the exhaustive analysis branches over values, not probabilities). */
export function assertEnumerable(latency: LinkLatency, flag: string): void {
  if (latency.spikeProbability > 0) throw splitvoteError('SV401', `${flag} ${latency.spikeProbability}: allowed with --exhaustive: 0 (an exhaustive analysis branches over every latency value; a spike probability cannot be enumerated)`);
}

/**
 * Parses `--spike P:SPEC` (a probability and a distribution, for example `0.01:uniform:5-20`)
 * with `parse` for the distribution part. Throws SV401 naming the flag and what is allowed.
 */
export function parseSpike(text: string, flag: string, parse: (spec: string) => Distribution): { readonly probability: number; readonly spike: Distribution } {
  const colon = text.indexOf(':');
  const probability = colon < 0 ? Number.NaN : Number(text.slice(0, colon));
  if (!(probability >= 0 && probability <= 1) || text.slice(0, colon).trim() === '') {
    throw splitvoteError('SV401', `${flag} ${JSON.stringify(text)}: allowed: P:SPEC with P a probability from 0 to 1 and SPEC a distribution (for example 0.01:uniform:5-20)`);
  }
  return { probability, spike: parse(text.slice(colon + 1)) };
}
