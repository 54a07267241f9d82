/** One scheduled occurrence: a link's head message or an actor's next event. */
export interface Scheduled {
  readonly time: number;
  /** Random tie-breaking key among equal times (drawn from the run's seed). */
  readonly key: number;
  /** Insertion number: the last tie-breaker, so the order is total. */
  readonly seq: number;
  /** 0: the head message of link `id`; 1: the next event of actor `id`. */
  readonly kind: 0 | 1;
  readonly id: number;
  /** The actor's schedule version when queued; older entries are stale and skipped. */
  readonly version: number;
}

function before(a: Scheduled, b: Scheduled): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.key !== b.key) return a.key < b.key;
  return a.seq < b.seq;
}

/**
 * A time-ordered event queue (binary heap): earliest time first; equal times by a random key
 * fixed when the entry is queued, then by insertion order. Deterministic for a given
 * sequence of pushes, so a seeded run replays exactly.
 */
export class EventQueue {
  private readonly heap: Scheduled[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  clear(): void {
    this.heap.length = 0;
    this.seq = 0;
  }

  push(time: number, key: number, kind: 0 | 1, id: number, version: number): void {
    const heap = this.heap;
    const entry: Scheduled = { time, key, seq: this.seq++, kind, id, version };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and returns the earliest entry, or undefined when empty. */
  pop(): Scheduled | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
      if (!before(heap[child], last)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
