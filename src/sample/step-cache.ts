import type { CompiledModel } from '../compile/compiled-model.js';
import { decodeDigits } from '../compile/state-encoding.js';
import { Growable } from '../explore/growable.js';
import { createKeyIndex, type KeyIndex } from '../explore/key-index.js';

/** Fields of an entry (a state) in `StepCache.entries`, then its outcome bits, one word per 32 outcomes. */
export const ENTRY_FIRST = 0;
export const ENTRY_COUNT = 1;
export const ENTRY_TOTAL = 2;
export const ENTRY_DAY = 3;
export const ENTRY_TIME_UP = 4;
export const ENTRY_OUTCOMES = 5;

/** Fields of a move in `StepCache.moves`. */
export const MOVE_WEIGHT = 0;
export const MOVE_INDEX = 1;
export const MOVE_NEXT = 2;
export const MOVE_NEXT_KEY = 3;
export const MOVE_STRIDE = 4;

/**
 * The moves of states the sampler has met, kept so that runs passing through a state again (most
 * do) skip expanding it. Each state's fields sit together in `entries` (its first move, number of
 * moves, total weight, day, whether time is up, outcome bits) and each move's in `moves` (weight,
 * move index, next entry once known or -1, next key), so that a step touches few cache lines.
 * Filled from `CompiledModel.expand`, so it holds exactly what expanding would give. Up to
 * `capacity` states are kept; beyond that, a state is expanded into one scratch entry each time.
 */
export class StepCache {
  private readonly index: KeyIndex;
  private readonly digits: Int32Array;
  private readonly moveOut: Int32Array;
  private readonly keyOut: Float64Array;
  readonly entries = new Growable((n) => new Float64Array(n));
  readonly moves = new Growable((n) => new Float64Array(n));
  readonly words: number;
  readonly stride: number;
  /** The entry that uncached states are expanded into, once the cache is full. */
  private scratch = -1;

  constructor(
    private readonly compiled: CompiledModel,
    private readonly capacity: number,
  ) {
    this.index = createKeyIndex(compiled.encoding.total, Math.max(1024, Math.min(capacity, 1 << 16)));
    this.digits = new Int32Array(compiled.encoding.size);
    this.moveOut = new Int32Array(compiled.events.length + 1);
    this.keyOut = new Float64Array(compiled.events.length + 1);
    this.words = Math.max(1, Math.ceil(compiled.outcomes.length / 32));
    this.stride = ENTRY_OUTCOMES + this.words;
  }

  /** Returns the entry of the state `key`, expanding it on first sight (into the scratch entry once the cache is full). */
  visit(key: number): number {
    const known = this.index.get(key);
    if (known >= 0) return known;
    if (this.index.size < this.capacity) {
      const entry = this.index.add(key);
      this.fill(entry, key, this.moves.length / MOVE_STRIDE);
      return entry;
    }
    // Full: the scratch entry sits after the cached ones, its moves after theirs, rewritten each time.
    if (this.scratch < 0) this.scratch = this.index.size;
    this.fill(this.scratch, key, this.scratchFirstMove());
    return this.scratch;
  }

  /** True for the scratch entry, which must not be linked to: it changes on every visit. */
  isScratch(entry: number): boolean {
    return entry === this.scratch;
  }

  private scratchFirstMove(): number {
    if (this.scratch === 0) return 0;
    const previous = (this.scratch - 1) * this.stride;
    return (this.entries.array[previous + ENTRY_FIRST] as number) + (this.entries.array[previous + ENTRY_COUNT] as number);
  }

  private fill(entry: number, key: number, firstMove: number): void {
    const { compiled, digits, moveOut, keyOut } = this;
    decodeDigits(compiled.encoding, key, digits);
    const n = compiled.expand(key, digits, moveOut, keyOut);
    const end = (firstMove + n) * MOVE_STRIDE;
    this.moves.reserve(end);
    this.moves.length = Math.max(this.moves.length, end);
    const moves = this.moves.array;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const at = (firstMove + j) * MOVE_STRIDE;
      const w = compiled.weightOf(moveOut[j] as number);
      total += w;
      moves[at + MOVE_WEIGHT] = w;
      moves[at + MOVE_INDEX] = moveOut[j] as number;
      moves[at + MOVE_NEXT] = -1;
      moves[at + MOVE_NEXT_KEY] = keyOut[j] as number;
    }
    const at = entry * this.stride;
    this.entries.reserve(at + this.stride);
    this.entries.length = Math.max(this.entries.length, at + this.stride);
    const entries = this.entries.array;
    const timeUp = compiled.isTimeUp(digits);
    entries[at + ENTRY_FIRST] = firstMove;
    entries[at + ENTRY_COUNT] = n;
    entries[at + ENTRY_TOTAL] = total;
    entries[at + ENTRY_DAY] = compiled.encoding.startDay + (digits[compiled.encoding.dayDigit] as number);
    entries[at + ENTRY_TIME_UP] = timeUp ? 1 : 0;
    for (let w = 0; w < this.words; w++) {
      let mask = 0;
      const last = timeUp ? 0 : Math.min(32, compiled.outcomes.length - w * 32);
      for (let b = 0; b < last; b++) if ((compiled.outcomes[w * 32 + b] as (d: Int32Array) => boolean)(digits)) mask |= 1 << b;
      entries[at + ENTRY_OUTCOMES + w] = mask >>> 0;
    }
  }
}
