type TypedArray = Int32Array | Uint16Array | Uint32Array | Float64Array;

/** A typed array that doubles when full: compact storage for millions of numbers. */
export class Growable<T extends TypedArray> {
  array: T;
  length = 0;

  constructor(private readonly make: (capacity: number) => T, capacity = 1024) {
    this.array = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = value;
  }

  /** Ensures room for `capacity` entries in all. */
  reserve(capacity: number): void {
    if (capacity <= this.array.length) return;
    let size = Math.max(1024, this.array.length);
    while (size < capacity) size *= 2;
    const next = this.make(size);
    next.set(this.array.subarray(0, this.length) as never);
    this.array = next;
  }

  /** The filled part, trimmed to its length (a copy, so the spare capacity is freed). */
  trimmed(): T {
    return this.array.slice(0, this.length) as T;
  }
}
