import type { EventObject } from 'xstate';
import { Hasher } from '../../core/hasher.ts';
import { hashValue } from '../../core/hashValue.ts';
import { sameValue } from '../../core/sameValue.ts';
import { splitvoteError } from '../../core/errors.ts';
import { Interner } from '../../store/interner.ts';
import type { ActorSnapshot, Message } from '../types.ts';

/** Distinct events (messages and environment events) the tables can number: ids fit 21 bits. */
export const MAX_EVENTS = 1 << 21;
/** Longest channel the tables can hold (messages in flight on one link). */
export const MAX_CHANNEL = 4096;

const EMPTY: readonly Message[] = Object.freeze([]);

/**
 * The interning tables of the packed actor-system engine: every distinct actor snapshot
 * (configuration and context), event (bus message or environment event), channel content
 * (a sequence of message ids) and ghost gets an id and a 64-bit content hash. Channel 0 is
 * the empty channel. Channel operations are memoised per id, so after warm-up a push or a
 * pop is an array or map lookup. Pure caches: the ids depend on the order of first sight,
 * the content hashes only on the values.
 */
export class SystemTables<TGhost> {
  readonly locals = new Interner<ActorSnapshot>((a, b) => a.config === b.config && sameValue(a.context, b.context));
  readonly events = new Interner<EventObject>(sameValue);
  readonly ghosts = new Interner<TGhost>(sameValue);
  /** Channel contents: message ids per channel id, and the channel as messages (decoded states share them). */
  readonly channels = new Interner<Int32Array>(sameWords);
  readonly channelMessages: (readonly Message[])[] = [];
  /**
   * Inboxes: per receiving actor, the tuple of channel ids from each sender (entry `from`),
   * so a state vector holds n inbox ids instead of n^2 channel ids. Inbox 0 is empty.
   */
  readonly inboxes = new Interner<Int32Array>(sameWords);
  private readonly inboxEdits: (number[] | undefined)[][] = [];
  private readonly pops: number[] = [];
  private readonly pushes: (number[] | undefined)[] = [];
  private readonly removals = new Map<number, number>();
  private readonly h = new Hasher();

  constructor(
    private readonly ordered: boolean,
    private readonly actors: number,
  ) {
    this.channels.intern(new Int32Array(0), 0, 0);
    this.channelMessages.push(EMPTY);
    this.inboxes.intern(new Int32Array(actors), 0, 0);
  }

  /** The id of the inbox holding channel `channels[from]` from each sender. */
  inboxOf(channels: Int32Array): number {
    let empty = true;
    const h = this.h.reset();
    for (let from = 0; from < channels.length; from++) {
      const c = channels[from];
      if (c !== 0) empty = false;
      h.int(this.channels.hi[c]).int(this.channels.lo[c]);
    }
    if (empty) return 0;
    h.finish();
    return this.inboxes.intern(channels, h.hi, h.lo);
  }

  /** The inbox with its channel from `from` replaced by channel `channel`. */
  inboxWith(inbox: number, from: number, channel: number): number {
    let row = this.inboxEdits[inbox];
    if (row === undefined) this.inboxEdits[inbox] = row = [];
    let byChannel = row[from];
    if (byChannel === undefined) row[from] = byChannel = [];
    let next = byChannel[channel];
    if (next === undefined) {
      const channels = this.inboxes.values[inbox].slice();
      channels[from] = channel;
      next = this.inboxOf(channels);
      byChannel[channel] = next;
    }
    return next;
  }

  /** The id of an actor snapshot. */
  local(snapshot: ActorSnapshot): number {
    const h = this.h.reset().int(snapshot.config);
    hashValue(h, snapshot.context);
    h.finish();
    return this.locals.intern(snapshot, h.hi, h.lo);
  }

  /** The id of an event or a message. Throws SV305 past {@link MAX_EVENTS}. */
  event(event: EventObject): number {
    const h = this.h.reset();
    hashValue(h, event);
    h.finish();
    const id = this.events.intern(event, h.hi, h.lo);
    if (id >= MAX_EVENTS) throw splitvoteError('SV305', `more than ${MAX_EVENTS} distinct messages and events; the packed engine cannot number them (explore with engine 'object')`);
    return id;
  }

  /** The id of a ghost value. */
  ghost(ghost: TGhost): number {
    const h = this.h.reset();
    hashValue(h, ghost);
    h.finish();
    return this.ghosts.intern(ghost, h.hi, h.lo);
  }

  /** The id of the channel holding `messages` (interning each message). */
  channelOf(messages: readonly Message[]): number {
    const ids = Int32Array.from(messages, (m) => this.event(m));
    return this.channelIds(ids);
  }

  /** The channel after appending message `message` at its tail. */
  push(channel: number, message: number): number {
    let row = this.pushes[channel];
    if (row === undefined) this.pushes[channel] = row = [];
    let next = row[message];
    if (next === undefined) {
      const items = this.channels.values[channel];
      if (items.length + 1 > MAX_CHANNEL) throw splitvoteError('SV305', `a channel would hold more than ${MAX_CHANNEL} messages; bound the model's sends`);
      const grown = new Int32Array(items.length + 1);
      grown.set(items);
      grown[items.length] = message;
      next = this.channelIds(grown);
      row[message] = next;
    }
    return next;
  }

  /** The channel without its head (FIFO delivery or drop of the head). */
  pop(channel: number): number {
    let next = this.pops[channel];
    if (next === undefined) {
      next = this.channelIds(this.channels.values[channel].subarray(1).slice());
      this.pops[channel] = next;
    }
    return next;
  }

  /** The channel without its message at `index` (unordered delivery or drop). */
  removeAt(channel: number, index: number): number {
    if (index === 0) return this.pop(channel);
    const key = channel * MAX_CHANNEL + index;
    let next = this.removals.get(key);
    if (next === undefined) {
      const items = this.channels.values[channel];
      const rest = new Int32Array(items.length - 1);
      rest.set(items.subarray(0, index));
      rest.set(items.subarray(index + 1), index);
      next = this.channelIds(rest);
      this.removals.set(key, next);
    }
    return next;
  }

  /** Bytes held by the indexes and memo tables (the values themselves not counted). */
  get bytes(): number {
    const maps = this.removals.size * 40 + (this.pops.length + this.pushes.length) * 8;
    return this.locals.bytes + this.events.bytes + this.ghosts.bytes + this.channels.bytes + this.inboxes.bytes + maps + this.inboxes.size * this.actors * 12;
  }

  /**
   * A channel's content hash: FIFO, the message hashes in order; unordered, their sum, so
   * the order of arrival does not matter (as the object model's fingerprint).
   */
  private channelIds(ids: Int32Array): number {
    if (ids.length === 0) return 0;
    const ev = this.events;
    let hi: number;
    let lo: number;
    if (this.ordered) {
      const h = this.h.reset().int(ids.length);
      for (let i = 0; i < ids.length; i++) h.int(ev.hi[ids[i]]).int(ev.lo[ids[i]]);
      h.finish();
      hi = h.hi;
      lo = h.lo;
    } else {
      let sumHi = 0;
      let sumLo = 0;
      for (let i = 0; i < ids.length; i++) {
        sumHi = (sumHi + ev.hi[ids[i]]) | 0;
        sumLo = (sumLo + ev.lo[ids[i]]) | 0;
      }
      const h = this.h.reset().int(ids.length).int(sumHi).int(sumLo).finish();
      hi = h.hi;
      lo = h.lo;
    }
    const before = this.channels.size;
    const id = this.channels.intern(ids, hi, lo);
    if (id === before) this.channelMessages.push(Object.freeze(Array.from(ids, (m) => ev.values[m] as Message)));
    return id;
  }
}

function sameWords(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
