import { transition, type AnyStateMachine, type StateValue } from 'xstate';
import { nodeInput, type FailoverConfig } from '../../../models/valkey-failover/config.ts';
import { primaryMachine, replicaMachine } from '../../../models/valkey-failover/machine.ts';
import { headerOf } from '../../../models/valkey-failover/rules.ts';
import type { Header, NodeContext } from '../../../models/valkey-failover/types.ts';
import { resolveVariants } from '../../../models/valkey-failover/variants.ts';

/** 3 primaries (P0 down), replica R3 of P0: the failover-nack.tcl shape. */
export const SMALL: FailoverConfig = {
  name: 'test',
  description: 'test cluster',
  nodes: [{ down: true }, {}, {}, { replicaOf: 0 }],
  failKnown: true,
  maxEpoch: 20,
  maxElections: 5,
  maxDrops: 0,
};

/** The input of node `i` of `config` under `variants`. */
export function input(i: number, variants: string[] = [], config: FailoverConfig = SMALL): NodeContext {
  return nodeInput(config, resolveVariants(variants), i);
}

/** A snapshot of `machine` in `value` with `context`, as the explorer would hold it. */
export function at(machine: AnyStateMachine, value: StateValue, context: NodeContext) {
  return machine.resolveState({ value, context });
}

/** One step through XState's pure `transition()`: the next snapshot and the emitted messages. */
export function step(machine: AnyStateMachine, snapshot: ReturnType<typeof at>, event: Record<string, unknown> & { type: string }) {
  const [next, actions] = transition(machine, snapshot, event as never);
  const sent = actions
    .filter((a) => (a.type as string) === 'xstate.emit')
    .map((a) => ((a as unknown as { params: { event: Record<string, unknown> } }).params.event))
    .filter((m) => !(Array.isArray(m.to) && m.to.length === 0));
  return { value: next.value, context: next.context as NodeContext, sent };
}

/** An AUTH_REQUEST from replica `from` at `epoch`, with its header as that replica would build it. */
export function request(from: NodeContext, epoch: number, force = false) {
  const hdr: Header = { ...headerOf(from), cur: epoch };
  return { type: 'AUTH_REQUEST', from: `R${from.k.me}`, hdr, force };
}

/** A reply header from primary `p` at `epoch`. */
export function primaryHeader(p: NodeContext, epoch: number): Header {
  return { ...headerOf(p), cur: epoch };
}

export { primaryMachine, replicaMachine };
