/** The runs a thread takes at a time: a few milliseconds of work, so that threads end close together. */
export const CHUNK_RUNS = 512;

/** Slots of the shared memory: the next chunk to hand out, and the flag that asks every thread to stop. */
const NEXT_CHUNK = 0;
const STOP = 1;

/**
 * The runs `[0, runs)` shared out between threads a chunk at a time, through shared memory: each
 * thread takes the next chunk when it has done its last, so a thread that starts late, or runs on
 * a busy core, simply does fewer. Which thread does a run changes nothing in its result, which
 * depends only on the seed and the run's index.
 */
export class SharedRuns {
  /** The memory to give every thread (`createSharedRunsMemory`). */
  readonly memory: SharedArrayBuffer;
  readonly runs: number;
  private readonly slots: Int32Array;

  constructor(memory: SharedArrayBuffer, runs: number) {
    this.memory = memory;
    this.runs = runs;
    this.slots = new Int32Array(memory);
  }

  /** Takes the next chunk for this thread: its first run (its end is `chunkEnd`), or -1 when none is left or stopping is asked. */
  take(): number {
    if (this.stopAsked()) return -1;
    const from = Atomics.add(this.slots, NEXT_CHUNK, 1) * CHUNK_RUNS;
    return from < this.runs ? from : -1;
  }

  /** The end (exclusive) of the chunk that starts at run `from`. */
  chunkEnd(from: number): number {
    return Math.min(this.runs, from + CHUNK_RUNS);
  }

  /** Asks every thread to stop: each ends its chunk at its next check (every 64 runs) and takes no other. */
  stop(): void {
    Atomics.store(this.slots, STOP, 1);
  }

  /** True once `stop` has been called in any thread. */
  stopAsked(): boolean {
    return Atomics.load(this.slots, STOP) !== 0;
  }
}

/** Returns fresh memory for `SharedRuns`: nothing handed out, no stop asked. */
export function createSharedRunsMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}
