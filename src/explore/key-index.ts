/** A map from encoded joint states to dense indexes 0, 1, 2, ... in the order they are added. */
export interface KeyIndex {
  readonly size: number;
  /** Bytes held by the index. */
  readonly bytes: number;
  /** Returns the key's index, giving it the next index if it is new (then `size` grows by one). */
  add(key: number): number;
  /** Returns the key's index, or -1 if it has none. */
  get(key: number): number;
}

/** Key spaces up to this size are indexed directly by an array (4 bytes a possible key) from the start. */
const DIRECT_LIMIT = 1 << 24;
/** Larger key spaces, up to this one, are indexed directly once the keys fill an eighth of them. */
const DENSE_LIMIT = 1 << 30;
/** A direct array is taken once the keys number at least this share of the key space (it then costs at most 32 bytes a key, less than the hash table). */
const DENSE_SHARE = 1 / 8;

/**
 * Returns an index for keys below `keySpace`: a direct array when the space is small enough (no
 * hashing at all), else an open-addressing hash table sized for `expected` keys, which turns
 * into a direct array if the keys come to fill enough of their space (a dense search of a large
 * space: the array is then smaller than the table, and each lookup one read).
 */
export function createKeyIndex(
  keySpace: number,
  expected: number,
  limits: KeyIndexLimits = KEY_INDEX_LIMITS,
): KeyIndex {
  if (keySpace <= limits.direct) return new DirectKeyIndex(keySpace);
  const denseAt = keySpace <= limits.dense ? Math.ceil(keySpace * DENSE_SHARE) : Infinity;
  return new HashKeyIndex(expected, denseAt, keySpace);
}

/** Where a key index is direct from the start (`direct`), and up to where it may become so (`dense`): key space sizes. */
export interface KeyIndexLimits {
  readonly direct: number;
  readonly dense: number;
}

/** The limits every search uses (a test passes smaller ones, to see the index change at sizes it can afford). */
export const KEY_INDEX_LIMITS: KeyIndexLimits = { direct: DIRECT_LIMIT, dense: DENSE_LIMIT };

/** Keys are array positions: an add is one read and at most one write. */
class DirectKeyIndex implements KeyIndex {
  private readonly slots: Int32Array;
  size = 0;

  constructor(keySpace: number) {
    this.slots = new Int32Array(keySpace).fill(-1);
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  get(key: number): number {
    return this.slots[key] as number;
  }

  add(key: number): number {
    // Keys here are below 2^24: `| 0` makes the integer index the engine reads fastest.
    const slot = key | 0;
    const index = this.slots[slot] as number;
    if (index >= 0) return index;
    this.slots[slot] = this.size;
    return this.size++;
  }
}

/**
 * Open addressing in typed arrays for keys up to 2^53: about 24 bytes a key at its fullest, a
 * fraction of a `Map`'s. Once it holds `denseAt` keys, it moves them into a direct array over
 * the key space and is one from then on.
 */
class HashKeyIndex implements KeyIndex {
  private keys: Float64Array;
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  /** The direct array, once the keys are dense enough. */
  private direct: Int32Array | null = null;

  constructor(
    expected: number,
    private readonly denseAt: number,
    private readonly keySpace: number,
  ) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table, or the direct array. */
  get bytes(): number {
    return this.direct ? this.direct.byteLength : this.keys.byteLength + this.slots.byteLength;
  }

  get(key: number): number {
    if (this.direct) return this.direct[key] as number;
    let slot = hash(key) & this.mask;
    for (;;) {
      const index = this.slots[slot] as number;
      if (index < 0 || this.keys[slot] === key) return index;
      slot = (slot + 1) & this.mask;
    }
  }

  add(key: number): number {
    const direct = this.direct;
    if (direct) {
      // Keys here are below 2^30: `| 0` makes the integer index the engine reads fastest.
      const slot = key | 0;
      const index = direct[slot] as number;
      if (index >= 0) return index;
      direct[slot] = this.count;
      return this.count++;
    }
    if (this.count >= this.denseAt) {
      this.becomeDirect();
      return this.add(key);
    }
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    let slot = hash(key) & this.mask;
    for (;;) {
      const index = this.slots[slot] as number;
      if (index < 0) {
        this.keys[slot] = key;
        this.slots[slot] = this.count;
        return this.count++;
      }
      if (this.keys[slot] === key) return index;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Moves every key into a direct array over the key space, and lets the table go. */
  private becomeDirect(): void {
    const direct = new Int32Array(this.keySpace).fill(-1);
    for (let i = 0; i < this.keys.length; i++) {
      const index = this.slots[i] as number;
      if (index >= 0) direct[this.keys[i] as number] = index;
    }
    this.direct = direct;
    this.keys = new Float64Array(0);
    this.slots = new Int32Array(0);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const index = oldSlots[i] as number;
      if (index < 0) continue;
      const key = oldKeys[i] as number;
      let slot = hash(key) & this.mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.slots[slot] = index;
    }
  }
}

/** Mixes both 32-bit halves of an integer below 2^53. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
