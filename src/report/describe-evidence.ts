import type { Witness } from '../explore/witness.js';
import type { PathKind } from '../explore/witness-path.js';
import { DEFAULT_DIGITS, formatPathProbability } from './format-probability.js';
import { plural } from './plural.js';

/**
 * `a shortest path (4 moves, probability 4.9e-7)` or `the likeliest path found (7 moves, ...)`:
 * how every output names the path it shows. `noun` replaces "path" (`counter-example`). Pure.
 */
export function describeEvidence(
  kind: PathKind,
  witness: Witness,
  digits: number = DEFAULT_DIGITS,
  noun = 'path',
): string {
  const chance =
    witness.probability === undefined ? '' : `, probability ${formatPathProbability(witness.probability, digits)}`;
  const what = kind === 'likeliest' ? `the likeliest ${noun} found` : `a shortest ${noun}`;
  return `${what} (${plural(witness.moves.length, 'move')}${chance})`;
}
