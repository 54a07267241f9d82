/**
 * A 64-bit fingerprint of a sequence of 32-bit words, kept as two 32-bit lanes (`hi`, `lo`)
 * so the hot loop never allocates a BigInt or a string.
 *
 * Each word goes through two Murmur3-style lanes with different constants and a cross term,
 * then both lanes are finalised with the Murmur3 avalanche. Not cryptographic; collisions
 * are possible and the explorer reports their probability as TLC does.
 *
 * Usage: `h.reset(); h.int(a); h.int(b); h.finish();` then read `h.hi`, `h.lo`.
 * A fingerprint is never (0, 0): that value marks empty slots in the visited set.
 */
export class Hasher {
  /** High 32 bits of the last finished fingerprint (unsigned). */
  hi = 0;
  /** Low 32 bits of the last finished fingerprint (unsigned). */
  lo = 0;
  private a = 0;
  private b = 0;
  private n = 0;

  /** Starts a new fingerprint. */
  reset(): this {
    this.a = 0x9e3779b9 | 0;
    this.b = 0x85ebca6b | 0;
    this.n = 0;
    return this;
  }

  /** Feeds one 32-bit integer (any JS number; only its low 32 bits count). */
  int(value: number): this {
    let k = Math.imul(value | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let a = this.a ^ k;
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    let j = Math.imul(value ^ 0x5bd1e995, 0x85ebca77);
    j = (j << 17) | (j >>> 15);
    j = Math.imul(j, 0xc2b2ae3d);
    let b = this.b ^ j ^ a;
    b = (b << 19) | (b >>> 13);
    b = (Math.imul(b, 5) + 0x561ccd1b) | 0;
    this.a = a;
    this.b = b;
    this.n++;
    return this;
  }

  /** Feeds `length` 32-bit words of `words` from `offset` in one call (a packed state vector). */
  words(words: ArrayLike<number>, offset: number, length: number): this {
    for (let i = offset; i < offset + length; i++) this.int(words[i]);
    return this;
  }

  /** Feeds any number; non-int32 values are fed as their IEEE-754 bits. */
  num(value: number): this {
    if ((value | 0) === value && !Object.is(value, -0)) return this.int(value);
    F64[0] = value;
    return this.int(0x7ff00001).int(U32[0]).int(U32[1]);
  }

  /** Feeds a string: its length, then its UTF-16 code units two per word. */
  str(value: string): this {
    const length = value.length;
    this.int(length ^ 0x57a7e000);
    let i = 0;
    for (; i + 1 < length; i += 2) this.int(value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16));
    if (i < length) this.int(value.charCodeAt(i));
    return this;
  }

  /** Ends the fingerprint; the result is in `hi` and `lo`. */
  finish(): this {
    const a = fmix32(this.a ^ this.n);
    const b = fmix32(this.b ^ Math.imul(this.n, 0x27d4eb2f) ^ a);
    this.hi = (fmix32(a + b) >>> 0);
    this.lo = b >>> 0;
    if (this.hi === 0 && this.lo === 0) this.lo = 1;
    return this;
  }
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * Zobrist-style incremental fingerprints (as Spin and chess engines keep them): a state's
 * raw fingerprint is the XOR of one 64-bit term per component, each term a mix of the
 * component's 64-bit content hash salted with its position. Changing one component updates
 * the raw fingerprint with two XORs: out the old term, in the new. XORs `term(position,
 * hi, lo)` into `out[0]` (high lane) and `out[1]` (low lane).
 */
export function xorTerm(out: Int32Array, position: number, hi: number, lo: number): void {
  const salt = Math.imul(position + 1, 0x9e3779b1);
  const a = fmix32(hi ^ salt);
  const b = fmix32((lo + a) ^ Math.imul(salt, 0x85ebca77));
  out[0] ^= fmix32(a ^ Math.imul(b | 1, 0xc2b2ae35));
  out[1] ^= b;
}

/**
 * The visited-set fingerprint of a raw XOR fingerprint (see {@link xorTerm}): both lanes
 * mixed once more, never (0, 0). Writes into `out[0..1]` from `raw[0..1]` (may be the same array).
 */
export function finishTerms(raw: Int32Array, out: Int32Array): void {
  const hi = fmix32(raw[0] ^ Math.imul(raw[1], 0x27d4eb2f));
  const lo = fmix32(raw[1] ^ Math.imul(hi, 0x165667b1));
  out[0] = hi;
  out[1] = hi === 0 && lo === 0 ? 1 : lo;
}
