import { totalmem } from 'node:os';

/**
 * Returns the number of joint states a search may hold when its caller does not say, sized to this
 * machine: a quarter of its memory at about 300 bytes a state (the graph, the index, and room to
 * grow), at least 100,000 and at most 20 million. The one default of the command line, the library
 * and the matchers (the inspector's page, in a browser tab, passes its own smaller limit).
 */
export function getDefaultMaxStates(): number {
  return Math.max(100_000, Math.min(20_000_000, Math.floor((totalmem() * 0.25) / 300)));
}
