import type { CompiledMachine, Message, SystemAction, SystemState } from './types.ts';

/** What the formatting functions need to know about a system. */
export interface FormatContext {
  readonly ids: readonly string[];
  readonly compiled: readonly CompiledMachine[];
  readonly showDrops: boolean;
  readonly showGhost: boolean;
}

/** The message an action refers to, if the link holds one at that index. */
export function messageOf(state: SystemState<unknown>, action: SystemAction): Message | undefined {
  if (action.kind === 'event') return undefined;
  return state.channels[action.link]?.[action.index];
}

function linkEnds(ctx: FormatContext, link: number): [string, string] {
  const n = ctx.ids.length;
  return [ctx.ids[Math.floor(link / n)], ctx.ids[link % n]];
}

/**
 * The default words for an action: "R3 receives AUTH_ACK from P1", "R3: timer AUTH_TIMEOUT",
 * "R3: MARK_FAIL", "network drops AUTH_ACK P1 -> R3". Pure.
 */
export function defaultFormatAction(ctx: FormatContext, action: SystemAction, state: SystemState<unknown>): string {
  if (action.kind === 'event') {
    const id = ctx.ids[action.actor];
    const compiled = ctx.compiled[action.actor];
    const config = state.actors[action.actor]?.config;
    const timer = config === undefined ? undefined : compiled.timers[config]?.find((t) => t.type === action.event.type);
    if (timer !== undefined) return `${id}: timer ${typeof timer.delay === 'number' ? `${timer.delay}ms` : timer.delay}`;
    if (action.event.type.startsWith('xstate.after.')) return `${id}: timer ${action.event.type.slice('xstate.after.'.length)}`;
    return `${id}: ${action.event.type}`;
  }
  const [from, to] = linkEnds(ctx, action.link);
  const type = messageOf(state, action)?.type ?? '(no message)';
  if (action.kind === 'deliver') return `${to} receives ${type} from ${from}`;
  return `network drops ${type} ${from} -> ${to}`;
}

/** The actor that takes an action: the receiver of a delivery, the actor of an event, `network` for a drop. */
export function actorOfAction(ctx: FormatContext, action: SystemAction): string {
  if (action.kind === 'event') return ctx.ids[action.actor];
  if (action.kind === 'deliver') return ctx.ids[action.link % ctx.ids.length];
  return 'network';
}

/**
 * A plain object for diffs: `{ P0: { state: 'primary.voting', ...context }, network:
 * { 'P0 -> R3': [{ type, ...payload }] } }`, plus `dropsLeft` and `ghost` when they are in
 * use. Only links with messages in flight are listed. Pure; builds new objects.
 */
export function viewState(ctx: FormatContext, state: SystemState<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  state.actors.forEach((snapshot, i) => {
    out[ctx.ids[i]] = { state: ctx.compiled[i].labels[snapshot.config], ...snapshot.context };
  });
  const network: Record<string, unknown[]> = {};
  state.channels.forEach((channel, link) => {
    if (channel.length === 0) return;
    const [from, to] = linkEnds(ctx, link);
    network[`${from} -> ${to}`] = channel.map(({ from: _from, to: _to, ...rest }) => rest);
  });
  out.network = network;
  if (ctx.showDrops) out.dropsLeft = state.dropsLeft;
  if (ctx.showGhost) out.ghost = state.ghost;
  return out;
}
