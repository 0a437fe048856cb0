import type { MoveSink } from '../engine/next-moves.js';
import { Growable } from './growable.js';
import type { KeyIndex } from './key-index.js';

/**
 * Records a breadth-first search's states and transitions as they are found: each move of the
 * state being expanded becomes an edge, and a key seen for the first time becomes a new state
 * with that state as its parent. The explorer's only sink, so its `addMove` is inlined into the
 * search's hot loop.
 */
export class EdgeRecorder implements MoveSink<number> {
  readonly keys: Growable<Float64Array>;
  readonly parents: Growable<Int32Array>;
  readonly parentMoves: Growable<Uint16Array>;
  readonly edgeStart: Growable<Int32Array>;
  readonly edgeTargets: Growable<Int32Array>;
  readonly edgeMoves: Growable<Uint16Array>;
  // The arrays being written and the counts, as plain fields: `addMove` touches nothing else.
  private targets: Int32Array;
  private moves: Uint16Array;
  private stateKeys: Float64Array;
  private stateParents: Int32Array;
  private stateMoves: Uint16Array;
  private edge = 0;
  private known = 0;
  private from = 0;

  /**
   * `maxMoves` bounds the moves of one state. The arrays start with room for `stateCapacity`
   * states and `edgeCapacity` transitions and double when full.
   */
  constructor(
    private readonly index: KeyIndex,
    private readonly maxMoves: number,
    stateCapacity: number,
    edgeCapacity: number,
  ) {
    this.keys = new Growable((n) => new Float64Array(n), stateCapacity);
    this.parents = new Growable((n) => new Int32Array(n), stateCapacity);
    this.parentMoves = new Growable((n) => new Uint16Array(n), stateCapacity);
    this.edgeStart = new Growable((n) => new Int32Array(n), stateCapacity);
    this.edgeTargets = new Growable((n) => new Int32Array(n), edgeCapacity);
    this.edgeMoves = new Growable((n) => new Uint16Array(n), edgeCapacity);
    this.targets = this.edgeTargets.array;
    this.moves = this.edgeMoves.array;
    this.stateKeys = this.keys.array;
    this.stateParents = this.parents.array;
    this.stateMoves = this.parentMoves.array;
  }

  /** Adds the start state (index 0, no parent). */
  addStart(key: number): void {
    this.index.add(key);
    this.keys.push(key);
    this.parents.push(-1);
    this.parentMoves.push(0);
    this.known = this.index.size;
  }

  /** Starts the row of state `from`: its moves follow, through `addMove`. */
  beginState(from: number): void {
    this.from = from;
    this.edgeStart.push(this.edgeTargets.length);
    const edges = this.edgeTargets.length + this.maxMoves;
    const states = this.index.size + this.maxMoves;
    this.edgeTargets.reserve(edges);
    this.edgeMoves.reserve(edges);
    this.keys.reserve(states);
    this.parents.reserve(states);
    this.parentMoves.reserve(states);
    this.targets = this.edgeTargets.array;
    this.moves = this.edgeMoves.array;
    this.stateKeys = this.keys.array;
    this.stateParents = this.parents.array;
    this.stateMoves = this.parentMoves.array;
    this.edge = this.edgeTargets.length;
    this.known = this.index.size;
  }

  /** Records the move `move` from the current state to the state `nextKey` (a new state if unseen). */
  addMove(move: number, nextKey: number): void {
    const target = this.index.add(nextKey);
    // A new key gets the next index.
    if (target === this.known) {
      this.known++;
      this.stateKeys[target] = nextKey;
      this.stateParents[target] = this.from;
      this.stateMoves[target] = move;
    }
    this.targets[this.edge] = target;
    this.moves[this.edge] = move;
    this.edge++;
  }

  /** Ends the current row. */
  endState(): void {
    this.edgeTargets.length = this.edgeMoves.length = this.edge;
    this.keys.length = this.parents.length = this.parentMoves.length = this.known;
  }

  /** Closes the rows of the states never expanded (from `expanded` on): they have no moves. */
  closeRows(expanded: number): void {
    for (let i = expanded; i <= this.known; i++) this.edgeStart.push(this.edgeTargets.length);
  }
}
