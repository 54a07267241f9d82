import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { splitvoteError } from '../core/errors.ts';

/**
 * Fingerprint files: the visited set of one search, for counting the distinct states of
 * several searches exactly. Layout (all little-endian): the 4 bytes `SVFP`, a u32 version
 * (1), a u64 count, then `count` u64 fingerprints (high lane << 32 | low lane), strictly
 * ascending. 8 bytes per state; read back in chunks, so counting never holds a whole file.
 */
const MAGIC = 0x50465653; // "SVFP" read as a little-endian u32
const HEADER_BYTES = 16;
const CHUNK = 1 << 13; // fingerprints per read

/** The file bytes of a sorted fingerprint array (as `explore(..., { fingerprints: true })` returns it). Pure. */
export function encodeFingerprints(sorted: BigUint64Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + sorted.length * 8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, 1, true);
  view.setBigUint64(8, BigInt(sorted.length), true);
  for (let i = 0; i < sorted.length; i++) view.setBigUint64(HEADER_BYTES + i * 8, sorted[i], true);
  return bytes;
}

/** A fingerprint as 16 hex digits (high lane first), as job files name frontier states. */
export function fingerprintHex(hi: number, lo: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The 64-bit fingerprint modulo `n`: which of `n` partition jobs owns the state. */
export function ownerOf(hi: number, lo: number, n: number): number {
  return Number(((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) % BigInt(n));
}

/** Reads one fingerprint file in chunks; `hi`/`lo` is the current fingerprint until `done`. */
class FingerprintReader {
  hi = 0;
  lo = 0;
  done = false;
  private readonly fd: number;
  private readonly count: number;
  private readonly buffer = Buffer.alloc(CHUNK * 8);
  private read = 0;
  private inBuffer = 0;
  private at = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'r');
    const header = Buffer.alloc(HEADER_BYTES);
    const got = readSync(this.fd, header, 0, HEADER_BYTES, 0);
    const size = fstatSync(this.fd).size;
    const count = got === HEADER_BYTES ? Number(header.readBigUInt64LE(8)) : -1;
    if (got !== HEADER_BYTES || header.readUInt32LE(0) !== MAGIC || header.readUInt32LE(4) !== 1 || size !== HEADER_BYTES + count * 8) {
      closeSync(this.fd);
      throw splitvoteError('SV402', `${file} is not a fingerprint file of this version (SVFP, version 1, 16-byte header, then 8 bytes per state); rerun the job that wrote it`);
    }
    this.count = count;
    this.advance();
  }

  /** Moves to the next fingerprint; throws SV402 when the file is not strictly ascending. */
  advance(): void {
    if (this.at === this.inBuffer) {
      const want = Math.min(CHUNK, this.count - this.read);
      if (want === 0) {
        this.close();
        return;
      }
      readSync(this.fd, this.buffer, 0, want * 8, HEADER_BYTES + this.read * 8);
      this.inBuffer = want;
      this.at = 0;
    }
    const hi = this.buffer.readUInt32LE(this.at * 8 + 4);
    const lo = this.buffer.readUInt32LE(this.at * 8);
    if (this.read > 0 && (hi < this.hi || (hi === this.hi && lo <= this.lo))) {
      this.close();
      throw splitvoteError('SV402', `${this.file} is not sorted: fingerprint ${this.read} is not above the one before; rerun the job that wrote it`);
    }
    this.hi = hi;
    this.lo = lo;
    this.at++;
    this.read++;
  }

  close(): void {
    if (!this.done) closeSync(this.fd);
    this.done = true;
  }
}

/**
 * The number of distinct fingerprints in the union of sorted fingerprint files: a k-way
 * merge over a binary heap of the files' current fingerprints, reading each file once in
 * chunks. Exact (up to fingerprint collisions, as every visited set). Throws SV402 for a
 * file that is not a valid, sorted fingerprint file.
 */
export function countDistinct(files: readonly string[]): number {
  const readers: FingerprintReader[] = [];
  try {
    for (const file of files) readers.push(new FingerprintReader(file));
    const heap = readers.filter((r) => !r.done);
    const less = (a: FingerprintReader, b: FingerprintReader): boolean => a.hi < b.hi || (a.hi === b.hi && a.lo < b.lo);
    const siftDown = (from: number): void => {
      let i = from;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
    let distinct = 0;
    let lastHi = -1;
    let lastLo = -1;
    while (heap.length > 0) {
      const top = heap[0];
      if (top.hi !== lastHi || top.lo !== lastLo) {
        distinct++;
        lastHi = top.hi;
        lastLo = top.lo;
      }
      top.advance();
      if (top.done) {
        heap[0] = heap[heap.length - 1];
        heap.pop();
      }
      siftDown(0);
    }
    return distinct;
  } finally {
    for (const reader of readers) reader.close();
  }
}
