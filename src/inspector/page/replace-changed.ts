/// <reference lib="dom" />

/**
 * Replaces the children of `container` with `fresh`, keeping each old child whose markup is the
 * same (so that what the user is doing there, a half-typed query or a scroll, is not disturbed).
 * A replaced child that held the focus passes it to its counterpart in the new one: the element
 * with the same id, or the same accessible name, or the same text.
 */
export function replaceChanged(container: HTMLElement, fresh: readonly HTMLElement[]): void {
  const old = [...container.children] as HTMLElement[];
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let lostFocus: HTMLElement | null = null;
  // Kept children are never taken out of the page, even for a moment: that would drop the focus.
  fresh.forEach((element, i) => {
    const before = old[i];
    if (!before) container.append(element);
    else if (before.outerHTML !== element.outerHTML) {
      if (focused && before.contains(focused)) lostFocus = focused;
      before.replaceWith(element);
    }
  });
  for (const surplus of old.slice(fresh.length)) {
    if (focused && surplus.contains(focused)) lostFocus = focused;
    surplus.remove();
  }
  if (lostFocus) findCounterpart(container, lostFocus)?.focus({ preventScroll: true });
}

function findCounterpart(container: HTMLElement, element: HTMLElement): HTMLElement | null {
  if (element.id) return document.getElementById(element.id);
  const name = element.getAttribute('aria-label');
  const candidates = [...container.querySelectorAll<HTMLElement>(element.tagName)];
  return (
    (name !== null ? candidates.find((c) => c.getAttribute('aria-label') === name) : undefined) ??
    candidates.find((c) => c.textContent === element.textContent) ??
    null
  );
}
