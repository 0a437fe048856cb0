type TypedArray = Int32Array | Uint16Array | Uint32Array | Float64Array;

const SPARE_WORTH_FREEING = 1 << 20;

/** A typed array that doubles when full: compact storage for millions of numbers. */
export class Growable<T extends TypedArray> {
  array: T;
  length = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 1024,
  ) {
    this.array = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = value;
  }

  /** Ensures room for `capacity` entries in all. Small, so that hot loops inline the check. */
  reserve(capacity: number): void {
    if (capacity > this.array.length) this.grow(capacity);
  }

  private grow(capacity: number): void {
    let size = Math.max(1024, this.array.length);
    while (size < capacity) size *= 2;
    const next = this.make(size);
    next.set(this.array.subarray(0, this.length) as never);
    this.array = next;
  }

  /**
   * The filled part. When the spare capacity is large (over 1 MiB) it is a copy, so that the spare
   * is freed; a small spare is not worth copying for, and the part is a view.
   */
  trimmed(): T {
    const spareBytes = (this.array.length - this.length) * this.array.BYTES_PER_ELEMENT;
    return (
      spareBytes > SPARE_WORTH_FREEING ? this.array.slice(0, this.length) : this.array.subarray(0, this.length)
    ) as T;
  }
}
