import type { SystemCore } from '../systemCore.ts';
import type { SystemTables } from './tables.ts';
import type { PackedLayout } from './view.ts';

const EVENT = 1;

/**
 * Persistent sets for actor systems (partial-order reduction, as Spin's for processes with
 * exclusive channels). In a state, all enabled actions of one actor i (its deliveries and
 * its own events) form a persistent set when nothing the other actors can do first can
 * interfere with them: the others never touch i's snapshot; they pop only their own
 * channels and push only at tails, which commutes with i's pops and pushes; there is no
 * drop left in the budget; the ghost's updates commute (the monitor says so) and no
 * boundary looks at the ghost or the whole state; and no other actor can give i a new
 * action, which holds when every link into i from an actor that may send to i (the
 * declared topology) already holds a message (a send goes behind it) or its sender is
 * done. The actor with the fewest actions that qualifies is taken.
 *
 * Returns `ample(words, offset, codes, out)` for the engine, or a reason when the system
 * can never reduce.
 */
export function amplePlanner<TGhost>(core: SystemCore<TGhost>, t: SystemTables<TGhost>, layout: PackedLayout<TGhost>): { ample?: (words: Int32Array, offset: number, codes: readonly number[], out: number[]) => boolean; reason?: string } {
  const { n, monitor, compiled } = core;
  const { withinBoundary, ghostWithinBoundary, sendsTo } = core.options;
  if (monitor !== undefined && monitor.commutative !== true) return { reason: 'the monitor does not declare that its ghost updates commute' };
  if (withinBoundary !== undefined || ghostWithinBoundary !== undefined) return { reason: 'a boundary reads the whole state or the ghost' };
  const senders: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++) {
    const targets = sendsTo?.(j) ?? Array.from({ length: n }, (_, i) => i);
    for (const i of targets) if (i !== j) senders[i].push(j);
  }
  const { LOCAL, INBOX, DROPS } = layout;
  const counts = new Int32Array(n);
  const ample = (words: Int32Array, offset: number, codes: readonly number[], out: number[]): boolean => {
    if (words[offset + DROPS] > 0) return false;
    counts.fill(0);
    for (let k = 0; k < codes.length; k += 2) counts[actorOf(codes[k])]++;
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (counts[i] === 0 || (best >= 0 && counts[i] >= counts[best])) continue;
      const inbox = t.inboxes.values[words[offset + INBOX + i]];
      let closed = true;
      for (const j of senders[i]) {
        if (inbox[j] !== 0) continue;
        if (!compiled[j].done[t.locals.values[words[offset + LOCAL + j]].config]) {
          closed = false;
          break;
        }
      }
      if (closed) best = i;
    }
    if (best < 0 || counts[best] === codes.length / 2) return false;
    for (let k = 0; k < codes.length; k += 2) if (actorOf(codes[k]) === best) out.push(k / 2);
    return true;
  };
  const actorOf = (code: number): number => ((code & 3) === EVENT ? code >> 2 : (code >> 2) % n);
  return { ample };
}
