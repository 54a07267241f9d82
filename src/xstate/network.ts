import type { EventObject } from 'xstate';
import { Hasher } from '../core/hasher.ts';
import { hashValue } from '../core/hashValue.ts';
import { splitvoteError } from '../core/errors.ts';
import type { Message } from './types.ts';

/** The channel of a link with nothing in flight; shared by every state. */
export const EMPTY_CHANNEL: readonly Message[] = Object.freeze([]);

/** A channel without its message at `index`. Pure: returns a new array (or the shared empty one). */
export function removeAt(channel: readonly Message[], index: number): readonly Message[] {
  if (channel.length === 1) return EMPTY_CHANNEL;
  if (index === 0) return channel.slice(1);
  const out = channel.slice();
  out.splice(index, 1);
  return out;
}

/** Routing facts of one actor system. */
export interface Addressing {
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * Routes the messages for `emitted` (sent by actor `from`): for each event and each
 * receiver, in order, calls `deliver(to, message)`. `to` is an actor id, an array of ids or
 * `'*'` (every other actor, in actor order); an id that is not an actor is a no-op (a failed
 * node). Each message is the emitted event with `from` stamped and `to` set to one
 * receiver. Throws SV304 for an emitted event without a valid `to`. The one place that says
 * where an emitted event goes, for the object model and the packed engine alike.
 */
export function route(addressing: Addressing, from: number, emitted: readonly EventObject[], deliver: (to: number, message: Message) => void): void {
  for (let e = 0; e < emitted.length; e++) {
    const event = emitted[e];
    const to = (event as { to?: unknown }).to;
    if (to === '*') {
      for (let i = 0; i < addressing.ids.length; i++) if (i !== from) deliver(i, messageOf(addressing, from, i, event));
    } else if (typeof to === 'string') {
      const i = addressing.indexOf.get(to);
      if (i !== undefined) deliver(i, messageOf(addressing, from, i, event));
    } else if (Array.isArray(to)) {
      for (const id of to) {
        const i = addressing.indexOf.get(id as string);
        if (i !== undefined) deliver(i, messageOf(addressing, from, i, event));
      }
    } else {
      throw splitvoteError('SV304', `actor '${addressing.ids[from]}' emitted '${event.type}' without a \`to\` (give an actor id, an array of ids, or '*')`);
    }
  }
}

// Messages are immutable by contract (never frozen: freezing costs on the hot path).
function messageOf(addressing: Addressing, from: number, to: number, event: EventObject): Message {
  return { ...event, from: addressing.ids[from], to: addressing.ids[to] } as Message;
}

/**
 * Appends the messages for `emitted` (see {@link route}) to `channels`, which the caller
 * owns (a fresh copy for this step). Returns the messages sent, in order.
 */
export function sendAll(channels: (readonly Message[])[], addressing: Addressing, from: number, emitted: readonly EventObject[]): Message[] {
  const sent: Message[] = [];
  const n = addressing.ids.length;
  route(addressing, from, emitted, (to, message) => {
    const link = from * n + to;
    const next = channels[link].slice();
    next.push(message);
    channels[link] = next;
    sent.push(message);
  });
  return sent;
}

const scratch = new Hasher();
// The cached fingerprint lives on the object itself under a non-enumerable symbol (for-in,
// Object.keys, spreads and JSON skip it, so views, diffs and copies never see it). A WeakMap did the same job at a
// third of the explorer's time; it remains only for frozen objects.
const FINGERPRINT = Symbol('splitvote.fingerprint');
const frozenFingerprints = new WeakMap<object, Int32Array>();
type Fingerprinted = { [FINGERPRINT]?: Int32Array };

/** The 64-bit fingerprint of an immutable plain object, computed once and cached on it. */
function wordsOf(value: object): Int32Array {
  let fp = (value as Fingerprinted)[FINGERPRINT];
  if (fp !== undefined) return fp;
  const extensible = Object.isExtensible(value);
  if (!extensible) {
    fp = frozenFingerprints.get(value);
    if (fp !== undefined) return fp;
  }
  scratch.reset();
  hashValue(scratch, value);
  scratch.finish();
  fp = Int32Array.of(scratch.hi, scratch.lo);
  // Non-enumerable, so `{ ...context }` in the next assign does not copy a stale fingerprint.
  if (extensible) Object.defineProperty(value, FINGERPRINT, { value: fp });
  else frozenFingerprints.set(value, fp);
  return fp;
}

/**
 * Feeds a plain value (a context, a message, a ghost) as its own 64-bit fingerprint, computed
 * with {@link hashValue} once per object and cached: contexts and messages are immutable
 * and shared by many states, so most states hash a few cached words instead of walking the
 * same objects again. Equal values give equal words, whichever object holds them.
 * Primitives are hashed directly.
 */
export function hashCached(h: Hasher, value: unknown): void {
  if (typeof value !== 'object' || value === null) {
    hashValue(h, value);
    return;
  }
  const fp = wordsOf(value);
  h.int(fp[0]).int(fp[1]);
}

/**
 * Feeds a channel to the hasher. FIFO: its length and messages in order. Unordered: its
 * length and the sum of the message fingerprints, so the order of arrival does not matter.
 */
export function encodeChannel(h: Hasher, channel: readonly Message[], ordered: boolean): void {
  const length = channel.length;
  h.int(length);
  if (length === 0) return;
  if (ordered) {
    for (let i = 0; i < length; i++) hashCached(h, channel[i]);
    return;
  }
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < length; i++) {
    const sub = messageWords(channel[i]);
    hi = (hi + sub[0]) | 0;
    lo = (lo + sub[1]) | 0;
  }
  h.int(hi).int(lo);
}

function messageWords(message: Message): Int32Array {
  return wordsOf(message);
}
