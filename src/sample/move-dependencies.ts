import type { CompiledModel } from '../compile/compiled-model.js';
import { getConditionDigits } from '../compile/digit-condition.js';
import { getEvent } from '../model/model-lookup.js';

/**
 * For each move (event numbers, then the day), which events' `requires` and which outcomes read a
 * digit the move writes: the only ones whose truth it can change. Pure.
 */
export function getMoveDependencies(compiled: CompiledModel): {
  readonly recheckAfter: readonly Int32Array[];
  readonly outcomesAfter: readonly Int32Array[];
} {
  const { model, encoding, events } = compiled;
  const requiresDigits = events.map((table) => {
    const requires = getEvent(model, table.id).requires;
    return requires ? getConditionDigits(model, encoding, requires) : new Set<number>();
  });
  const outcomeDigits = model.outcomes.map((o) => getConditionDigits(model, encoding, o.when));
  const count = encoding.countDigit >= 0 ? [encoding.countDigit] : [];
  const written = [
    ...events.map((table) => new Set([...table.partyDigits, ...table.factDigits, ...count])),
    new Set([encoding.dayDigit]),
  ];
  const readers = (reads: readonly ReadonlySet<number>[], writes: ReadonlySet<number>) =>
    Int32Array.from(reads.flatMap((digits, i) => ([...digits].some((d) => writes.has(d)) ? [i] : [])));
  return {
    recheckAfter: written.map((writes) => readers(requiresDigits, writes)),
    outcomesAfter: written.map((writes) => readers(outcomeDigits, writes)),
  };
}
