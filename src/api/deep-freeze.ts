/**
 * Freezes a result and everything in it, so that a caller cannot change what a later call (or a
 * cached answer) returns. Returns the value itself. Walks plain objects and arrays only: it never
 * reaches into class instances such as xstate's snapshots.
 */
export function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null || Object.isFrozen(item)) continue;
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (!Array.isArray(item) && prototype !== Object.prototype && prototype !== null) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) pending.push(child);
  }
  return value;
}
