/**
 * Returns `base` with `overlay` laid on top: mappings merge key by key (recursively), so an
 * overlay adds or changes single entries; any other value (a list, a scalar) replaces the base's;
 * `null` removes the key. Pure; neither input is changed.
 */
export function mergeOverlay(base: unknown, overlay: unknown): unknown {
  if (!isRecord(base) || !isRecord(overlay)) return overlay;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    if (value === null) delete merged[key];
    // defineProperty, not assignment: a key "__proto__" must stay a key, never a prototype.
    else
      Object.defineProperty(merged, key, {
        value: Object.hasOwn(base, key) ? mergeOverlay(base[key], value) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
