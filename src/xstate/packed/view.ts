import type { ActorSnapshot, Message, SystemState } from '../types.ts';
import type { SystemTables } from './tables.ts';

/** Where the parts of a system state sit in a packed vector. */
export interface PackedLayout<TGhost> {
  readonly n: number;
  /** First word of the actor snapshot ids. */
  readonly LOCAL: number;
  /** First word of the inbox ids (one per receiving actor). */
  readonly INBOX: number;
  readonly DROPS: number;
  readonly GHOST: number;
  readonly hasGhost: boolean;
  readonly tables: SystemTables<TGhost>;
}

/**
 * A system state read from a vector on demand: `actors` and `channels` are built on first
 * access from the interned values, so a monitor that looks only at the ghost and the step
 * record costs nothing. One view is re-pointed (`at`) for every step; the vector must not
 * change while the state is in use (the monitor's step is synchronous and keeps nothing).
 */
export function lazyState<TGhost>(layout: PackedLayout<TGhost>): LazyState<TGhost> {
  return new LazyState(layout);
}

/** See {@link lazyState}. */
export class LazyState<TGhost> implements SystemState<TGhost> {
  private actorList: ActorSnapshot[] | undefined;
  private channelList: (readonly Message[])[] | undefined;
  private words: Int32Array = new Int32Array(0);
  private offset = 0;
  dropsLeft = 0;
  ghost = undefined as TGhost;

  constructor(private readonly layout: PackedLayout<TGhost>) {}

  /** Re-points the view at the vector `words[offset..]` with ghost `ghost`; returns the view. */
  at(words: Int32Array, offset: number, ghost: TGhost): this {
    this.words = words;
    this.offset = offset;
    this.ghost = ghost;
    this.dropsLeft = words[offset + this.layout.DROPS];
    this.actorList = undefined;
    this.channelList = undefined;
    return this;
  }

  get actors(): readonly ActorSnapshot[] {
    if (this.actorList === undefined) {
      const { n, LOCAL, tables } = this.layout;
      this.actorList = new Array(n);
      for (let a = 0; a < n; a++) this.actorList[a] = tables.locals.values[this.words[this.offset + LOCAL + a]];
    }
    return this.actorList;
  }

  get channels(): readonly (readonly Message[])[] {
    if (this.channelList === undefined) {
      const { n, INBOX, tables } = this.layout;
      this.channelList = new Array(n * n);
      for (let to = 0; to < n; to++) {
        const inbox = tables.inboxes.values[this.words[this.offset + INBOX + to]];
        for (let from = 0; from < n; from++) this.channelList[from * n + to] = tables.channelMessages[inbox[from]];
      }
    }
    return this.channelList;
  }
}
