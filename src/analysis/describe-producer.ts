import type { Producer } from './why.js';
import { plural } from '../report/plural.js';

/**
 * Says why an event that could make an unreachable outcome's missing part hold does not: it
 * happens but leads elsewhere, its precondition fails everywhere (which parts), its parts never
 * hold together, or it holds only where no time or events are left. Pure; shared by `parley why`
 * and the inspector.
 */
export function describeProducer(p: Producer): string {
  if (p.happensFrom > 0)
    return `it can happen (from ${plural(p.happensFrom, 'state')}), but no path through it reaches the whole condition`;
  if (p.requiresNeverHold.length)
    return `it can happen from no state: its precondition fails on every one (${p.requiresNeverHold.join('; ')})`;
  return p.requiresHolds
    ? 'its precondition holds, but only where no time or events are left for it'
    : 'the parts of its precondition each hold somewhere, but never together';
}
